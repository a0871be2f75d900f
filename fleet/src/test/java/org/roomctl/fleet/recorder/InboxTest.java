package org.roomctl.fleet.recorder;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.roomctl.contract.bus.BusMessage;

class InboxTest {
    private static Lane.Received received(int i, int qos, int size) {
        return new Lane.Received(BusMessage.of("t/" + i, new byte[size], qos, false), null, 0);
    }

    @Test
    void aBatchEndsAtItsSizeAndKeepsArrivalOrder() throws Exception {
        Inbox inbox = new Inbox(1000);
        for (int i = 0; i < 12; i++) {
            inbox.offer(received(i, 1, 10));
        }
        List<Lane.Received> batch =
                inbox.nextBatch(5, 1 << 20, TimeUnit.SECONDS.toNanos(1), TimeUnit.SECONDS.toNanos(1), 10);
        assertThat(batch).extracting(r -> r.message().topic()).containsExactly("t/0", "t/1", "t/2", "t/3", "t/4");
        assertThat(inbox.size()).isEqualTo(7);
    }

    @Test
    void aBatchEndsAtItsBytesAndALargeMessageGoesAlone() throws Exception {
        Inbox inbox = new Inbox(1000);
        inbox.offer(received(0, 1, 5000));
        inbox.offer(received(1, 1, 10));
        assertThat(inbox.nextBatch(500, 1000, TimeUnit.SECONDS.toNanos(1), TimeUnit.SECONDS.toNanos(1), 10))
                .hasSize(1);
        assertThat(inbox.nextBatch(500, 1000, TimeUnit.SECONDS.toNanos(1), TimeUnit.MILLISECONDS.toNanos(5), 10))
                .hasSize(1);
    }

    @Test
    void aQuietBusEndsTheBatchAtOnce() throws Exception {
        Inbox inbox = new Inbox(1000);
        inbox.offer(received(0, 1, 10));
        long t0 = System.nanoTime();
        List<Lane.Received> batch =
                inbox.nextBatch(500, 1 << 20, TimeUnit.SECONDS.toNanos(5), TimeUnit.MILLISECONDS.toNanos(2), 10);
        assertThat(batch).hasSize(1);
        assertThat(System.nanoTime() - t0).isLessThan(TimeUnit.SECONDS.toNanos(1));
    }

    @Test
    void anEmptyInboxGivesAnEmptyBatchAfterWaiting() throws Exception {
        assertThat(new Inbox(10).nextBatch(500, 1 << 20, 1000, 1000, 5)).isEmpty();
    }

    @Test
    void whenTooMuchWaitsQos0IsDroppedAndQos1Kept() {
        Inbox inbox = new Inbox(3);
        for (int i = 0; i < 3; i++) {
            assertThat(inbox.offer(received(i, 1, 1))).isTrue();
        }
        assertThat(inbox.offer(received(3, 0, 1))).isFalse();
        assertThat(inbox.offer(received(4, 1, 1))).isTrue();
        assertThat(inbox.dropped()).isEqualTo(1);
        assertThat(inbox.size()).isEqualTo(4);
    }
}
