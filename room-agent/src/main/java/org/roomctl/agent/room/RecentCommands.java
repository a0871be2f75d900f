package org.roomctl.agent.room;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import org.roomctl.contract.Reply;

/**
 * The last commands a room took, by id and reply address, so that a redelivered or re-sent
 * command is answered again but not executed again. Bounded: the oldest are forgotten first.
 */
final class RecentCommands {
    record Key(String id, String replyTo) {}

    private final int capacity;
    private final Map<Key, CompletableFuture<Reply>> recent;

    RecentCommands(int capacity) {
        this.capacity = capacity;
        this.recent = new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<Key, CompletableFuture<Reply>> eldest) {
                return size() > RecentCommands.this.capacity;
            }
        };
    }

    /**
     * Registers a command about to run.
     *
     * @return null if it is new (and {@code reply} is now its reply), or the reply of the earlier
     *     command with the same key
     */
    synchronized CompletableFuture<Reply> claim(String id, String replyTo, CompletableFuture<Reply> reply) {
        Key key = new Key(Objects.requireNonNull(id), replyTo == null ? "" : replyTo);
        CompletableFuture<Reply> earlier = recent.get(key);
        if (earlier != null) {
            return earlier;
        }
        recent.put(key, reply);
        return null;
    }
}
