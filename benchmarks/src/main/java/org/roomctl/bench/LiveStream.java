package org.roomctl.bench;

import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.function.Predicate;

/**
 * A page's live stream read as a browser's {@code EventSource} reads it: a real HTTP request with
 * the browser's cookies, server-sent events parsed line by line as they arrive. A benchmark waits
 * for the first event whose data passes a test, and gets the time it arrived (its last line read).
 */
final class LiveStream implements AutoCloseable {
    private record Watch(Predicate<String> test, CompletableFuture<Long> arrived) {}

    private final String path;
    private final List<Watch> watches = new ArrayList<>();
    private final CompletableFuture<Void> opened = new CompletableFuture<>();
    private volatile Flow.Subscription subscription;
    private volatile int events;
    private volatile String last = "";
    private volatile String ended;

    private LiveStream(String path) {
        this.path = path;
    }

    /** Opens {@code path} (a page's live URL) as {@code browser}; completes with the first event. */
    static CompletableFuture<LiveStream> open(Browser browser, String path) {
        LiveStream s = new LiveStream(path);
        HttpRequest request = browser.request(path)
                .header("Accept", "text/event-stream")
                .GET()
                .build();
        browser.http()
                .sendAsync(request, HttpResponse.BodyHandlers.fromLineSubscriber(s.new Lines()))
                .whenComplete((r, e) -> {
                    if (e != null) {
                        s.opened.completeExceptionally(e);
                    } else if (r.statusCode() != 200) {
                        s.opened.completeExceptionally(
                                new IllegalStateException(path + " answered HTTP " + r.statusCode()));
                    }
                });
        return s.opened.thenApply(x -> s);
    }

    /** Completes with the arrival (System.nanoTime) of the next event whose data passes {@code test}. */
    CompletableFuture<Long> next(Predicate<String> test) {
        Watch w = new Watch(test, new CompletableFuture<>());
        synchronized (watches) {
            watches.add(w);
        }
        return w.arrived();
    }

    /** Events received so far. */
    int events() {
        return events;
    }

    /** What the stream last showed, and whether it ended: for saying why an awaited event did not come. */
    String describe() {
        return path + " (" + events + " events" + (ended == null ? "" : ", ended: " + ended) + "), last: " + last;
    }

    private void event(String name, String data) {
        long now = System.nanoTime();
        events++;
        last = name + ": " + data;
        if ("reload".equals(name)) {
            opened.completeExceptionally(new IllegalStateException(path + " told the page to reload (not enrolled?)"));
            return;
        }
        opened.complete(null);
        List<Watch> hit = new ArrayList<>();
        synchronized (watches) {
            watches.removeIf(w -> {
                if (w.test().test(data)) {
                    hit.add(w);
                    return true;
                }
                return false;
            });
        }
        hit.forEach(w -> w.arrived().complete(now));
    }

    @Override
    public void close() {
        Flow.Subscription s = subscription;
        if (s != null) {
            s.cancel();
        }
    }

    /** The SSE format: {@code event:} and {@code data:} lines, a blank line ends an event. */
    private final class Lines implements Flow.Subscriber<String> {
        private String name = "message";
        private final StringBuilder data = new StringBuilder();
        private boolean sawData;

        @Override
        public void onSubscribe(Flow.Subscription s) {
            subscription = s;
            s.request(Long.MAX_VALUE);
        }

        @Override
        public void onNext(String line) {
            if (line.isEmpty()) {
                if (sawData) {
                    event(name, data.toString());
                }
                name = "message";
                data.setLength(0);
                sawData = false;
            } else if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                if (sawData) {
                    data.append('\n');
                }
                sawData = true;
                data.append(line.startsWith("data: ") ? line.substring(6) : line.substring(5));
            }
            // ":" comments (keep-alives) and other fields are ignored, as EventSource does.
        }

        @Override
        public void onError(Throwable t) {
            ended = t.toString();
            opened.completeExceptionally(t);
        }

        @Override
        public void onComplete() {
            ended = "by the server";
            opened.completeExceptionally(new IllegalStateException(path + " ended"));
        }
    }
}
