package org.roomctl.fleet.recorder;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.eclipse.paho.mqttv5.client.MqttClient;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;

/**
 * A publisher that is not roomctl, like an operator's {@code mosquitto_pub}: its messages carry
 * no msg-id. Plain Paho, because our BusClient always adds one.
 */
final class AnonymousPublisher implements AutoCloseable {
    private final MqttClient client;

    AnonymousPublisher(String uri) throws MqttException {
        client = new MqttClient(uri, "operator-" + UUID.randomUUID(), new MemoryPersistence());
        client.connect(new MqttConnectionOptions());
    }

    void publish(String topic, String payload, Map<String, String> userProperties, String contentType)
            throws MqttException {
        MqttProperties props = new MqttProperties();
        List<UserProperty> user = new ArrayList<>();
        userProperties.forEach((k, v) -> user.add(new UserProperty(k, v)));
        props.setUserProperties(user);
        if (contentType != null) {
            props.setContentType(contentType);
        }
        client.publish(topic, new MqttMessage(payload.getBytes(StandardCharsets.UTF_8), 1, false, props));
    }

    @Override
    public void close() throws MqttException {
        client.disconnect();
        client.close();
    }
}
