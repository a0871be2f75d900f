package org.roomctl.agent.device;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * What every device shares: a small scheduled pool that runs all devices' work (each device on
 * its own {@link SerialExecutor}) and their timers, and the clock. One per agent process, however
 * many rooms it hosts.
 */
public final class DeviceRuntime implements AutoCloseable {
    private final ScheduledThreadPoolExecutor pool;
    private final Clock clock;
    private final String scope;
    private final boolean owner;

    private DeviceRuntime(ScheduledThreadPoolExecutor pool, Clock clock, String scope, boolean owner) {
        this.pool = pool;
        this.clock = clock;
        this.scope = scope;
        this.owner = owner;
    }

    public DeviceRuntime(int threads, Clock clock) {
        AtomicInteger n = new AtomicInteger();
        ThreadFactory factory = r -> {
            Thread t = new Thread(r, "device-" + n.incrementAndGet());
            t.setDaemon(true);
            return t;
        };
        this.pool = new ScheduledThreadPoolExecutor(threads, factory);
        this.pool.setRemoveOnCancelPolicy(true);
        this.clock = clock;
        this.scope = "";
        this.owner = true;
    }

    /**
     * The same runtime for one room's devices: their executors are named {@code room/device}, so
     * every log line of theirs says which room it is about. Closing it does not stop the pool.
     */
    public DeviceRuntime forRoom(String room) {
        return new DeviceRuntime(pool, clock, room, false);
    }

    /** A runtime sized for this machine. */
    public static DeviceRuntime create() {
        return new DeviceRuntime(Math.max(2, Runtime.getRuntime().availableProcessors()), Clock.systemUTC());
    }

    public Clock clock() {
        return clock;
    }

    public ScheduledExecutorService scheduler() {
        return pool;
    }

    /** A new logical thread for one device. */
    public SerialExecutor newExecutor(String name) {
        return new SerialExecutor(pool, scope.isEmpty() ? name : scope + "/" + name);
    }

    /** Runs {@code task} on {@code executor} after {@code delay}. */
    public ScheduledFuture<?> schedule(Executor executor, Duration delay, Runnable task) {
        return pool.schedule(() -> executor.execute(task), delay.toNanos(), TimeUnit.NANOSECONDS);
    }

    /** Runs {@code task} on {@code executor} every {@code period}, starting after one period. */
    public ScheduledFuture<?> every(Executor executor, Duration period, Runnable task) {
        return pool.scheduleAtFixedRate(
                () -> executor.execute(task), period.toNanos(), period.toNanos(), TimeUnit.NANOSECONDS);
    }

    /**
     * Fails {@code future} with TIMEOUT if it is not complete after {@code timeout}. The failure is
     * applied on {@code executor}, so device code sees it in order with everything else.
     */
    public <T> CompletableFuture<T> timeout(
            CompletableFuture<T> future, Executor executor, Duration timeout, String message) {
        ScheduledFuture<?> timer =
                schedule(executor, timeout, () -> future.completeExceptionally(DeviceException.timeout(message)));
        future.whenComplete((r, e) -> timer.cancel(false));
        return future;
    }

    @Override
    public void close() {
        if (owner) {
            pool.shutdownNow();
        }
    }
}
