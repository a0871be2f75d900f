package org.roomctl.fleet.recorder;

import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.roomctl.contract.bus.BusMessage;

/**
 * A message's MQTT 5 properties as the JSON kept in {@code bus_message.properties}:
 * {@code userProperties} (by name), {@code contentType}, {@code responseTopic}, {@code
 * correlationData} (base64), {@code messageExpiryInterval} (seconds left when it arrived) and,
 * for a topic cut to fit its column, {@code fullTopic}. Written by hand because it runs for every
 * message on the bus and the shape is this small. NUL becomes U+FFFD: PostgreSQL's jsonb refuses
 * {@code \u0000}.
 */
final class PropertiesJson {
    private PropertiesJson() {}

    /** The JSON, or null when the message has none of these. */
    static String of(BusMessage m, String fullTopic) {
        StringBuilder b = new StringBuilder(160);
        b.append('{');
        if (!m.userProperties().isEmpty()) {
            b.append("\"userProperties\":{");
            boolean first = true;
            for (Map.Entry<String, String> p : new TreeMap<>(m.userProperties()).entrySet()) {
                if (!first) {
                    b.append(',');
                }
                first = false;
                string(b, p.getKey());
                b.append(':');
                string(b, p.getValue());
            }
            b.append('}');
        }
        field(b, "contentType", m.contentType());
        field(b, "responseTopic", m.responseTopic());
        if (m.correlationData() != null) {
            field(b, "correlationData", Base64.getEncoder().encodeToString(m.correlationData()));
        }
        if (m.expirySeconds() != null) {
            separate(b);
            b.append("\"messageExpiryInterval\":").append(m.expirySeconds().longValue());
        }
        field(b, "fullTopic", fullTopic);
        if (b.length() == 1) {
            return null;
        }
        return b.append('}').toString();
    }

    private static void field(StringBuilder b, String name, String value) {
        if (value != null) {
            separate(b);
            b.append('"').append(name).append("\":");
            string(b, value);
        }
    }

    private static void separate(StringBuilder b) {
        if (b.length() > 1) {
            b.append(',');
        }
    }

    static void string(StringBuilder b, String s) {
        b.append('"');
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\0' -> b.append('\uFFFD');
                default -> {
                    if (c < 0x20) {
                        b.append(String.format("\\u%04x", (int) c));
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        b.append('"');
    }
}
