package org.roomctl.agent.transport;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class BackoffTest {
    private final Backoff backoff =
            new Backoff(Duration.ofMillis(250), Duration.ofSeconds(30), RandomGenerator.of("L64X128MixRandom"));

    @Test
    void doublesWithJitterUpToTheCeiling() {
        long[] bases = {250, 500, 1000, 2000, 4000, 8000, 16000, 30000, 30000};
        for (long base : bases) {
            long ms = backoff.next().toMillis();
            assertThat(ms).isBetween(base, Math.min(30000, base + base / 5));
        }
    }

    @Test
    void resetStartsOver() {
        for (int i = 0; i < 10; i++) {
            backoff.next();
        }
        backoff.reset();
        assertThat(backoff.next().toMillis()).isBetween(250L, 300L);
    }
}
