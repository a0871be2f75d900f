package org.roomctl.agent.transport;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential reconnect delays with jitter: 0.25 s, 0.5 s, 1 s ... up to a ceiling, each spread by
 * up to a fifth so that many devices losing the same switch do not reconnect in lockstep. The
 * standard ceiling is 10 s: a device plugged back in is in use again within seconds, and one
 * attempt every 10 s costs a serial port or a serial bridge nothing.
 */
public final class Backoff {
    private final long firstMillis;
    private final long maxMillis;
    private final RandomGenerator random;
    private int attempt;

    public Backoff(Duration first, Duration max, RandomGenerator random) {
        this.firstMillis = first.toMillis();
        this.maxMillis = max.toMillis();
        this.random = random;
    }

    public static Backoff standard() {
        return new Backoff(Duration.ofMillis(250), Duration.ofSeconds(10), RandomGenerator.getDefault());
    }

    /** The delay before the next attempt. */
    public Duration next() {
        long base = Math.min(maxMillis, firstMillis << Math.min(attempt, 20));
        attempt++;
        long jitter = base / 5 == 0 ? 0 : random.nextLong(base / 5 + 1);
        return Duration.ofMillis(Math.min(maxMillis, base + jitter));
    }

    /** After a successful connection the next loss starts from the first delay again. */
    public void reset() {
        attempt = 0;
    }
}
