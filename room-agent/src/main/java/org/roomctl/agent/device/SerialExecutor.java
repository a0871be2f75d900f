package org.roomctl.agent.device;

import java.util.ArrayDeque;
import java.util.Queue;
import java.util.concurrent.Executor;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

/**
 * Runs tasks one at a time, in submission order, on a shared pool: a device's own logical thread
 * without a real thread per device. Everything that touches a device's state runs here.
 */
public final class SerialExecutor implements Executor {
    private static final Logger log = LoggerFactory.getLogger(SerialExecutor.class);

    /** The logging context key naming what a log line is about, for example {@code sydney-harbour/camera}. */
    public static final String LOG_KEY = "device";

    private final Executor pool;
    private final String name;
    private final Queue<Runnable> tasks = new ArrayDeque<>();
    private boolean running;

    public SerialExecutor(Executor pool, String name) {
        this.pool = pool;
        this.name = name;
    }

    @Override
    public void execute(Runnable task) {
        synchronized (tasks) {
            tasks.add(task);
            if (running) {
                return;
            }
            running = true;
        }
        pool.execute(this::drain);
    }

    private void drain() {
        boolean finished = false;
        try {
            while (true) {
                Runnable next;
                synchronized (tasks) {
                    next = tasks.poll();
                    if (next == null) {
                        running = false;
                        finished = true;
                        return;
                    }
                }
                MDC.put(LOG_KEY, name);
                try {
                    next.run();
                } catch (RuntimeException e) {
                    // A bug in one task must not stop the device: log it as a bug and run the rest.
                    log.error("{}: task failed", name, e);
                } finally {
                    MDC.remove(LOG_KEY);
                }
            }
        } finally {
            if (!finished) {
                // An Error escaped a task: let it propagate, but keep the device's later tasks alive.
                boolean more;
                synchronized (tasks) {
                    more = !tasks.isEmpty();
                    running = more;
                }
                if (more) {
                    pool.execute(this::drain);
                }
            }
        }
    }

    @Override
    public String toString() {
        return name;
    }
}
