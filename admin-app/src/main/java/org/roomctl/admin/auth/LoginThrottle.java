package org.roomctl.admin.auth;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slows guessing from one address across many user names (the per-user lock in {@link Users}
 * covers one name from many addresses): after {@code limit} failed sign-ins within
 * {@code window}, an address must wait until the oldest of them leaves the window. Kept in
 * memory: each instance counts on its own, which a load balancer spreading one address over N
 * instances multiplies by N at most.
 */
public final class LoginThrottle {
    private final Clock clock;
    private final int limit;
    private final Duration window;
    private final Map<String, Deque<Instant>> failures = new ConcurrentHashMap<>();

    public LoginThrottle(Clock clock, int limit, Duration window) {
        this.clock = clock;
        this.limit = limit;
        this.window = window;
    }

    /** When the address may try again, or null if it may now. */
    public Instant blockedUntil(String address) {
        Deque<Instant> d = failures.get(address);
        if (d == null) {
            return null;
        }
        synchronized (d) {
            Instant now = clock.instant();
            while (!d.isEmpty() && !d.peekFirst().plus(window).isAfter(now)) {
                d.pollFirst();
            }
            return d.size() >= limit ? d.peekFirst().plus(window) : null;
        }
    }

    public void failed(String address) {
        if (failures.size() > 100_000) {
            failures.clear(); // a flood of addresses: forget rather than grow without bound
        }
        Deque<Instant> d = failures.computeIfAbsent(address, a -> new ArrayDeque<>());
        synchronized (d) {
            d.addLast(clock.instant());
            while (d.size() > limit) {
                d.pollFirst();
            }
        }
    }

    public void succeeded(String address) {
        failures.remove(address);
    }
}
