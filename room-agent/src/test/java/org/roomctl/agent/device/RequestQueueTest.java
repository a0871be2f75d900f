package org.roomctl.agent.device;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.roomctl.agent.transport.Transport;
import org.roomctl.contract.ErrorCode;

class RequestQueueTest {
    /** A transport that records what is sent; the queue only needs send(). */
    static final class SentBytes implements Transport {
        final List<String> sent = new ArrayList<>();
        boolean up = true;

        @Override
        public void start(Listener listener) {}

        @Override
        public boolean send(byte[] bytes) {
            if (up) {
                sent.add(new String(bytes));
            }
            return up;
        }

        @Override
        public void reconnect(String reason) {}

        @Override
        public boolean isConnected() {
            return up;
        }

        @Override
        public String description() {
            return "test";
        }

        @Override
        public void close() {}
    }

    private final DeviceRuntime runtime = new DeviceRuntime(1, Clock.systemUTC());
    private final Executor direct = Runnable::run;
    private final SentBytes transport = new SentBytes();
    private final RequestQueue<String> queue =
            new RequestQueue<>(transport, runtime, direct, Duration.ofMillis(200), 2);

    @AfterEach
    void stop() {
        runtime.close();
    }

    @Test
    void sendsOneAtATimeAndMatchesReplies() {
        CompletableFuture<String> a = queue.submit("A".getBytes(), r -> r.startsWith("A"), "a");
        CompletableFuture<String> b = queue.submit("B".getBytes(), r -> r.startsWith("B"), "b");
        assertThat(transport.sent).containsExactly("A");

        assertThat(queue.offer("B=1")).isFalse(); // not B's turn: a stray reply
        assertThat(queue.offer("A=1")).isTrue();
        assertThat(a).isCompletedWithValue("A=1");
        assertThat(transport.sent).containsExactly("A", "B");
        assertThat(queue.offer("B=2")).isTrue();
        assertThat(b).isCompletedWithValue("B=2");
        assertThat(queue.busy()).isFalse();
    }

    @Test
    void unansweredRequestTimesOutAndTheNextGoes() {
        CompletableFuture<String> a = queue.submit("A".getBytes(), r -> true, "power query");
        CompletableFuture<String> b = queue.submit("B".getBytes(), r -> true, "b");
        await().until(a::isDone);
        assertThat(DeviceException.unwrap(a.handle((v, e) -> e).join()).code()).isEqualTo(ErrorCode.TIMEOUT);
        assertThat(a.handle((v, e) -> e.getMessage()).join()).contains("power query: no answer within 200 ms");
        assertThat(transport.sent).containsExactly("A", "B");
        queue.offer("late");
        assertThat(b).isCompletedWithValue("late");
    }

    @Test
    void fullQueueAnswersBusy() {
        queue.submit("A".getBytes(), r -> true, "a");
        queue.submit("B".getBytes(), r -> true, "b");
        queue.submit("C".getBytes(), r -> true, "c");
        CompletableFuture<String> d = queue.submit("D".getBytes(), r -> true, "d");
        assertThat(d).isCompletedExceptionally();
        assertThat(DeviceException.unwrap(d.handle((v, e) -> e).join()).code()).isEqualTo(ErrorCode.BUSY);
    }

    @Test
    void disconnectedTransportFailsOffline() {
        transport.up = false;
        CompletableFuture<String> a = queue.submit("A".getBytes(), r -> true, "a");
        assertThat(DeviceException.unwrap(a.handle((v, e) -> e).join()).code()).isEqualTo(ErrorCode.DEVICE_OFFLINE);
    }

    @Test
    void failAllFailsInFlightAndWaiting() {
        CompletableFuture<String> a = queue.submit("A".getBytes(), r -> true, "a");
        CompletableFuture<String> b = queue.submit("B".getBytes(), r -> true, "b");
        queue.failAll(DeviceException.offline("gone"));
        assertThat(a).isCompletedExceptionally();
        assertThat(b).isCompletedExceptionally();
        assertThat(transport.sent).containsExactly("A");
        assertThat(queue.busy()).isFalse();
    }
}
