package org.roomctl.fleet.recorder;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.Map;
import java.util.TreeMap;
import org.roomctl.contract.bus.BusClient;
import org.roomctl.contract.bus.BusMessage;

/**
 * What makes two deliveries one message, so the record keeps one row for it however often the
 * broker delivers it (a QoS 1 redelivery after a lost connection or a crash before the
 * acknowledgement, a redelivery to another instance of the share group, a retained message a
 * broker sends again on subscribing).
 *
 * <ul>
 *   <li>A message with a {@link BusClient#MESSAGE_ID msg-id} user property (every roomctl
 *       publisher sets one, new for every publish) is the same message as another when both
 *       have the same topic and the same msg-id. The topic is part of the key so that a careless
 *       publisher reusing one id on many topics loses no more than one row per topic.
 *   <li>A message without one (an operator's {@code mosquitto_pub}) is identified by its
 *       content: topic, payload, retain flag and MQTT 5 properties (user properties, content
 *       type, response topic, correlation data). Nothing else survives a redelivery: MQTT has
 *       no message id of its own beyond the packet id, which is per connection and reused.
 *       The price: two such publishes with identical content are one message to the record
 *       (the first is kept) as long as the first is in it. A publisher that needs every
 *       publish on record sets msg-id ({@code mosquitto_pub -D publish user-property msg-id
 *       $(uuidgen) ...}). The message expiry interval is left out because the broker counts it
 *       down between deliveries; the QoS because it is what the subscription granted, not
 *       what was published.
 * </ul>
 *
 * Keys are the SHA-256 of those fields (43 characters of base64url) behind a prefix saying which
 * rule made them, so any input, however long, makes a short key the unique index can hold.
 */
final class DedupeKey {
    private DedupeKey() {}

    static String of(BusMessage m) {
        String id = m.userProperties().get(BusClient.MESSAGE_ID);
        if (id != null && !id.isEmpty()) {
            Digest d = new Digest();
            d.add(m.topic());
            d.add(id);
            return "id:" + d.key();
        }
        Digest d = new Digest();
        d.add(m.topic());
        d.add(m.payload());
        d.add(m.retained() ? "retained" : "not retained");
        for (Map.Entry<String, String> p : new TreeMap<>(m.userProperties()).entrySet()) {
            d.add(p.getKey());
            d.add(p.getValue());
        }
        d.add(m.contentType());
        d.add(m.responseTopic());
        d.add(m.correlationData());
        return "content:" + d.key();
    }

    /** One digest per thread: looking one up costs more than hashing a small message. */
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(() -> {
        try {
            return MessageDigest.getInstance("SHA-256");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    });

    /** SHA-256 over length-prefixed fields, so no two different field lists hash the same input. */
    private static final class Digest {
        private final MessageDigest sha = SHA256.get();

        Digest() {
            sha.reset();
        }

        void add(String s) {
            add(s == null ? null : s.getBytes(StandardCharsets.UTF_8));
        }

        void add(byte[] b) {
            if (b == null) {
                sha.update(new byte[] {-1, -1, -1, -1});
                return;
            }
            int n = b.length;
            sha.update(new byte[] {(byte) (n >>> 24), (byte) (n >>> 16), (byte) (n >>> 8), (byte) n});
            sha.update(b);
        }

        String key() {
            return Base64.getUrlEncoder().withoutPadding().encodeToString(sha.digest());
        }
    }
}
