package org.roomctl.fleet.recorder;

import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.regex.Pattern;
import org.roomctl.contract.Topics;
import org.roomctl.contract.bus.BusMessage;

/**
 * One row of {@code bus_message}, made from a received message. Any message makes a row: a
 * payload that is not UTF-8 text (or holds a NUL, which PostgreSQL text cannot) is kept as bytes
 * only, a topic that names no room gets no room, and strings PostgreSQL cannot hold are mended.
 *
 * @param receivedAt when this app instance received it
 * @param topic the topic; one longer than {@link #MAX_TOPIC_BYTES} bytes is cut there (its index
 *     could not hold it) and kept whole in {@code properties} as {@code fullTopic}
 * @param roomId the room the topic is under, if it names a valid room id
 * @param payload the payload's bytes
 * @param payloadText the payload as text, when it is UTF-8 without NUL and at most {@link
 *     #MAX_TEXT_BYTES} long (larger payloads would be stored twice)
 * @param qos the QoS it was delivered with (at most 1: the recorder subscribes with QoS 1)
 * @param retained the retain flag it was published with
 * @param properties its MQTT 5 properties as JSON ({@link PropertiesJson}), null when it had none
 * @param dedupeKey see {@link DedupeKey}
 */
record RecordRow(
        Instant receivedAt,
        String topic,
        String roomId,
        byte[] payload,
        String payloadText,
        int qos,
        boolean retained,
        String properties,
        String dedupeKey) {

    static final int MAX_TOPIC_BYTES = 2000;
    static final int MAX_TEXT_BYTES = 1 << 20;
    private static final Pattern ROOM_ID = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");

    static RecordRow of(BusMessage m, Topics topics, Instant fallbackTime) {
        String topic = mend(m.topic());
        String stored = topic;
        String fullTopic = null;
        if (topic.length() > MAX_TOPIC_BYTES / 4 && topic.getBytes(StandardCharsets.UTF_8).length > MAX_TOPIC_BYTES) {
            stored = cut(topic, MAX_TOPIC_BYTES);
            fullTopic = topic;
        }
        String room = topics.parse(topic)
                .map(Topics.RoomTopic::room)
                .filter(r -> ROOM_ID.matcher(r).matches())
                .orElse(null);
        byte[] payload = m.payload() == null ? new byte[0] : m.payload();
        return new RecordRow(
                m.receivedAt() != null ? m.receivedAt() : fallbackTime,
                stored,
                room,
                payload,
                text(payload),
                m.qos(),
                m.retained(),
                PropertiesJson.of(m, fullTopic),
                DedupeKey.of(m));
    }

    /** The same row with only what cannot fail: for a row the database refused as it was. */
    RecordRow bare() {
        return new RecordRow(receivedAt, topic, roomId, payload, null, qos, retained, null, dedupeKey);
    }

    /** The payload as text, or null when it is not valid UTF-8, holds a NUL or is too long. */
    static String text(byte[] payload) {
        if (payload.length > MAX_TEXT_BYTES) {
            return null;
        }
        for (byte b : payload) {
            if (b == 0) {
                return null;
            }
        }
        try {
            return StandardCharsets.UTF_8
                    .newDecoder()
                    .onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT)
                    .decode(ByteBuffer.wrap(payload))
                    .toString();
        } catch (CharacterCodingException e) {
            return null;
        }
    }

    /** PostgreSQL text holds no NUL; MQTT forbids it in strings, but a broker may pass one on. */
    private static String mend(String s) {
        return s == null || s.indexOf('\0') < 0 ? s : s.replace('\0', '\uFFFD');
    }

    /** The longest prefix of whole code points within {@code maxBytes} of UTF-8, and an ellipsis. */
    private static String cut(String s, int maxBytes) {
        int bytes = 0;
        int i = 0;
        while (i < s.length()) {
            int cp = s.codePointAt(i);
            int n = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
            if (bytes + n > maxBytes - 3) {
                break;
            }
            bytes += n;
            i += Character.charCount(cp);
        }
        return s.substring(0, i) + "\u2026";
    }
}
