package org.roomctl.fleet.schedule;

import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.Executor;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import org.jooq.exception.DataAccessException;
import org.roomctl.contract.Errors;
import org.roomctl.schema.DatabaseUnavailableException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one thread of an app instance that drives every timer of the fleet's schedules and alert
 * rules: bookings, shutdowns and rules are checked on it, in turn, and whatever they start
 * asynchronously comes back to it. Nothing here ever stops the schedule: a database outage is
 * logged once (and its end once), the task is tried again at its next turn; any other failure
 * is a bug and is logged with its stack trace.
 */
public final class Scheduler implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(Scheduler.class);

    private final ScheduledThreadPoolExecutor thread;
    /** The last failure of each task, so an outage is logged once (scheduler thread only). */
    private final Map<String, String> failing = new HashMap<>();

    public Scheduler() {
        this.thread = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "fleet-scheduler");
            t.setDaemon(true);
            return t;
        });
        thread.setRemoveOnCancelPolicy(true);
    }

    /** Runs {@code task} every {@code interval} (the first time after one interval). */
    public void every(String what, Duration interval, Runnable task) {
        long ms = Math.max(1, interval.toMillis());
        thread.scheduleWithFixedDelay(() -> run(what, task), ms, ms, TimeUnit.MILLISECONDS);
    }

    /** Runs {@code task} soon, on the scheduler thread. */
    public void execute(String what, Runnable task) {
        if (!thread.isShutdown()) {
            thread.execute(() -> run(what, task));
        }
    }

    /** The scheduler thread as an executor, for continuing asynchronous work on it. */
    public Executor executor() {
        return command -> execute("continuation", command);
    }

    private void run(String what, Runnable task) {
        try {
            task.run();
            if (failing.remove(what) != null) {
                log.info("{}: database reachable again", what);
            }
        } catch (DataAccessException | DatabaseUnavailableException e) {
            String reason = Errors.rootMessage(e);
            if (!reason.equals(failing.put(what, reason))) {
                log.warn("{}: cannot reach the database, will retry: {}", what, reason);
            }
        } catch (RuntimeException e) {
            log.error("{} failed", what, e);
        }
    }

    @Override
    public void close() {
        thread.shutdownNow();
        try {
            thread.awaitTermination(2, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
