package org.roomctl.contract.bus;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.Map;

/**
 * A message on the bus, received or to publish.
 *
 * @param topic where it was published
 * @param payload its bytes
 * @param qos 0, 1 or 2
 * @param retained the retain flag
 * @param duplicate whether the broker marked it as a redelivery (received messages)
 * @param expirySeconds MQTT 5 message expiry interval (null: none); on a received message, the
 *     time that was left when the broker sent it
 * @param responseTopic MQTT 5 response topic (null: none)
 * @param correlationData MQTT 5 correlation data (null: none)
 * @param contentType MQTT 5 content type (null: none)
 * @param userProperties MQTT 5 user properties
 * @param receivedAt when it arrived here (received messages; null when publishing)
 * @param messageId the packet id, for manual acknowledgement (received QoS 1/2 messages)
 */
public record BusMessage(
        String topic,
        byte[] payload,
        int qos,
        boolean retained,
        boolean duplicate,
        Long expirySeconds,
        String responseTopic,
        byte[] correlationData,
        String contentType,
        Map<String, String> userProperties,
        Instant receivedAt,
        int messageId) {

    public BusMessage {
        userProperties = userProperties == null ? Map.of() : Map.copyOf(userProperties);
    }

    /** A plain message to publish. */
    public static BusMessage of(String topic, byte[] payload, int qos, boolean retained) {
        return new BusMessage(topic, payload, qos, retained, false, null, null, null, null, Map.of(), null, 0);
    }

    public static BusMessage of(String topic, String payload, int qos, boolean retained) {
        return of(topic, payload.getBytes(StandardCharsets.UTF_8), qos, retained);
    }

    public BusMessage withExpiry(long seconds) {
        return new BusMessage(
                topic,
                payload,
                qos,
                retained,
                duplicate,
                seconds,
                responseTopic,
                correlationData,
                contentType,
                userProperties,
                receivedAt,
                messageId);
    }

    public BusMessage withResponse(String newResponseTopic, byte[] newCorrelationData) {
        return new BusMessage(
                topic,
                payload,
                qos,
                retained,
                duplicate,
                expirySeconds,
                newResponseTopic,
                newCorrelationData,
                contentType,
                userProperties,
                receivedAt,
                messageId);
    }

    public BusMessage withContentType(String newContentType) {
        return new BusMessage(
                topic,
                payload,
                qos,
                retained,
                duplicate,
                expirySeconds,
                responseTopic,
                correlationData,
                newContentType,
                userProperties,
                receivedAt,
                messageId);
    }

    public String text() {
        return new String(payload, StandardCharsets.UTF_8);
    }

    @Override
    public String toString() {
        return topic + " (" + payload.length + " bytes, qos " + qos + (retained ? ", retained" : "") + ")";
    }
}
