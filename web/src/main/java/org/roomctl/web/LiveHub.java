package org.roomctl.web;

import io.javalin.http.sse.SseClient;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Pages kept up to date over server-sent events. Each browser subscribes under a key (a room id,
 * say, or "fleet"); {@link #push} sends HTML fragments to every browser of a key, and htmx swaps
 * them in by id ({@code live.js}). A browser that (re)connects first gets every fragment of its
 * key again, so a dropped stream leaves nothing stale. Streams idle for a while get a comment, so
 * proxies do not close them and dead clients are noticed.
 *
 * @param <K> what browsers subscribe to
 */
public final class LiveHub<K> implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(LiveHub.class);
    static final long KEEP_ALIVE_SECONDS = 15;

    private final Map<K, Set<SseClient>> clients = new ConcurrentHashMap<>();
    private final Function<K, String> everything;
    private final ScheduledExecutorService keepAlive;

    /** @param everything renders all of a key's fragments, sent to a browser when it connects */
    public LiveHub(Function<K, String> everything) {
        this.everything = everything;
        this.keepAlive = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "live-keepalive");
            t.setDaemon(true);
            return t;
        });
        keepAlive.scheduleAtFixedRate(this::ping, KEEP_ALIVE_SECONDS, KEEP_ALIVE_SECONDS, TimeUnit.SECONDS);
    }

    /** Takes a new stream for {@code key}: call from the app's SSE route. */
    public void subscribe(K key, SseClient client) {
        client.keepAlive();
        Set<SseClient> set = clients.computeIfAbsent(key, k -> ConcurrentHashMap.newKeySet());
        set.add(client);
        client.onClose(() -> set.remove(client));
        send(client, everything.apply(key));
    }

    /** Sends fragments (elements with ids and {@code hx-swap-oob}) to every browser of {@code key}. */
    public void push(K key, String fragments) {
        Set<SseClient> set = clients.get(key);
        if (set == null || set.isEmpty()) {
            return;
        }
        for (SseClient c : set) {
            send(c, fragments);
        }
    }

    /** Tells every browser of {@code key} to reload the page (its credential was revoked, say). */
    public void reload(K key) {
        Set<SseClient> set = clients.get(key);
        if (set != null) {
            for (SseClient c : set) {
                c.sendEvent("reload", "");
            }
        }
    }

    private void send(SseClient c, String fragments) {
        if (c.terminated()) {
            return;
        }
        try {
            c.sendEvent("fragment", fragments);
        } catch (RuntimeException e) {
            log.debug("live stream failed: {}", e.toString());
            c.close();
        }
    }

    private void ping() {
        for (Set<SseClient> set : clients.values()) {
            for (SseClient c : set) {
                try {
                    c.sendComment("keep-alive");
                } catch (RuntimeException e) {
                    c.close();
                }
            }
        }
    }

    /** Streams open now, by key (for metrics and tests). */
    public Map<K, Integer> counts() {
        Map<K, Integer> counts = new java.util.HashMap<>();
        clients.forEach((k, set) ->
                counts.put(k, (int) set.stream().filter(c -> !c.terminated()).count()));
        return counts;
    }

    /** Every key some browser follows now. */
    public List<K> keys() {
        return clients.entrySet().stream()
                .filter(e -> !e.getValue().isEmpty())
                .map(Map.Entry::getKey)
                .toList();
    }

    /**
     * Ends every stream. Call it before the web server stops: closing streams whose server has
     * gone makes Javalin's error handling spin on requests Jetty has already recycled.
     */
    @Override
    public void close() {
        keepAlive.shutdownNow();
        clients.values().forEach(set -> set.forEach(SseClient::close));
        clients.clear();
    }
}
