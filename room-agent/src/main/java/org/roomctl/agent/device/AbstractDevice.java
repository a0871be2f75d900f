package org.roomctl.agent.device;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.roomctl.agent.transport.Transport;
import org.roomctl.contract.ErrorCode;
import org.roomctl.contract.config.DeviceConfig;
import org.roomctl.contract.state.DeviceState;
import org.roomctl.contract.state.DeviceStatus;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * What every driver's device part shares: the link to its transport, its status, its listeners,
 * and supervision. A device is offline until it has answered; it goes offline again when its
 * transport is lost or when three status checks in a row get no answer, and the transport is then
 * reconnected; when it answers again it is re-read.
 *
 * <p>Threading: everything a subclass does runs on {@link #executor}, the device's own logical
 * thread: transport events, command bodies, timers. Subclasses need no locks.
 */
public abstract class AbstractDevice implements Device {
    /** Checks without an answer before a device is declared offline. */
    public static final int MISSED_CHECKS_OFFLINE = 3;

    protected final Logger log;
    protected final DeviceConfig config;
    protected final DeviceRuntime runtime;
    protected final SerialExecutor executor;
    protected final Transport transport;

    private final List<Consumer<DeviceState>> listeners = new CopyOnWriteArrayList<>();
    private volatile DeviceState state;
    private volatile boolean closed;
    private ScheduledFuture<?> supervision;
    private int missedChecks;
    private boolean checkInFlight;
    /**
     * Why the device is unusable although its link may come and go: it stopped answering, or it
     * answered but refused us (a wrong password). Kept until it answers properly, so the
     * published reason stays the true one across reconnects.
     */
    private String stuck;

    protected AbstractDevice(DeviceConfig config, Transport transport, DeviceRuntime runtime) {
        this.config = config;
        this.transport = transport;
        this.runtime = runtime;
        this.log = LoggerFactory.getLogger(getClass());
        this.executor = runtime.newExecutor(config.id());
        this.state = new DeviceState(
                config.id(),
                config.role().wireName(),
                config.type().name(),
                DeviceStatus.OFFLINE,
                "not connected yet",
                runtime.clock().instant(),
                Map.of());
    }

    // ---- what a driver implements (all called on the executor) ----

    /** The transport is up. Log in, switch echo off, register for feedback... then call {@link #heard()}. */
    protected abstract void onConnected();

    /** Bytes arrived: feed the framer, apply replies. */
    protected abstract void onBytes(byte[] bytes);

    /** The link is gone or the device stopped answering: fail whatever is outstanding with {@code why}. */
    protected abstract void onLost(DeviceException why);

    /**
     * A light inquiry proving the device answers (a power query, say). Its future completes on any
     * answer, even an error reply; it fails with TIMEOUT when nothing came back.
     */
    protected abstract CompletableFuture<?> check();

    // ---- lifecycle ----

    @Override
    public final DeviceConfig config() {
        return config;
    }

    @Override
    public final DeviceState state() {
        return state;
    }

    @Override
    public final void addListener(Consumer<DeviceState> listener) {
        listeners.add(listener);
    }

    @Override
    public final void start() {
        transport.start(new Transport.Listener() {
            @Override
            public void connected() {
                executor.execute(AbstractDevice.this::linkUp);
            }

            @Override
            public void received(byte[] bytes) {
                executor.execute(() -> {
                    if (!closed) {
                        onBytes(bytes);
                    }
                });
            }

            @Override
            public void disconnected(String reason) {
                executor.execute(() -> linkDown(reason));
            }
        });
        supervision = runtime.every(executor, config.pollInterval(), this::supervise);
    }

    private void linkUp() {
        if (closed) {
            return;
        }
        missedChecks = 0;
        checkInFlight = false;
        offline(
                stuck != null
                        ? stuck + " (link reopened, still waiting)"
                        : "connected over " + transport.description() + ", waiting for the device to answer");
        onConnected();
        supervise();
    }

    private void linkDown(String reason) {
        if (closed) {
            return;
        }
        String why = stuck == null || stuck.equals(reason) ? reason : stuck + " (" + reason + ")";
        offline(why);
        onLost(DeviceException.offline(config.id() + " is offline: " + why));
    }

    private void supervise() {
        if (closed || !transport.isConnected() || checkInFlight) {
            return;
        }
        checkInFlight = true;
        // A little under one interval, so an unanswered check has ended before the next tick comes
        // (a check still running at a tick would make that tick skip, and silence take twice as long).
        Duration limit = min(
                config.commandTimeout(), config.pollInterval().multipliedBy(4).dividedBy(5));
        CompletableFuture<?> check;
        try {
            check = check();
        } catch (RuntimeException e) {
            log.error("{}: status check failed", config.id(), e);
            check = CompletableFuture.failedFuture(new DeviceException(ErrorCode.INTERNAL, e.toString()));
        }
        // Time out a dependent future: the driver's own future may have other waiters.
        runtime.timeout(
                        check.toCompletableFuture().thenApply(x -> x),
                        executor,
                        limit,
                        "no answer to a status check within " + limit.toMillis() + " ms")
                .whenCompleteAsync(
                        (r, e) -> {
                            checkInFlight = false;
                            if (e == null) {
                                heard();
                            } else {
                                missedCheck(DeviceException.unwrap(e));
                            }
                        },
                        executor);
    }

    private void missedCheck(DeviceException e) {
        if (closed || !transport.isConnected()) {
            return;
        }
        if (e.code() == ErrorCode.DEVICE_ERROR) {
            // An error reply is an answer: the device is there.
            heard();
            return;
        }
        // A timeout, or a check that never reached the device (queue full, link just failed).
        missedChecks++;
        log.debug("{}: status check {} unanswered: {}", config.id(), missedChecks, e.getMessage());
        if (missedChecks >= MISSED_CHECKS_OFFLINE) {
            // A reason kept already (a refused password) stays: it is still the true one.
            String reason = stuck != null ? stuck : "no answer to " + missedChecks + " status checks in a row";
            stuck = reason;
            offline(reason);
            onLost(DeviceException.offline(config.id() + " is offline: " + reason));
            missedChecks = 0;
            transport.reconnect(reason);
        }
    }

    /**
     * The device answered something, though it is not usable yet (it is logging in, or being set
     * up): it is not silent, so unanswered checks meanwhile do not count against it.
     */
    protected final void stillThere() {
        missedChecks = 0;
    }

    /**
     * The device has answered something valid. An offline device comes back online and is re-read.
     * Call from the executor whenever a good reply arrives.
     */
    protected final void heard() {
        missedChecks = 0;
        stuck = null;
        if (!closed && state.status() == DeviceStatus.OFFLINE && transport.isConnected()) {
            online();
            refresh().exceptionally(e -> {
                log.debug(
                        "{}: re-read after return failed: {}",
                        config.id(),
                        DeviceException.unwrap(e).getMessage());
                return null;
            });
        }
    }

    @Override
    public void close() {
        closed = true;
        if (supervision != null) {
            supervision.cancel(false);
        }
        transport.close();
        executor.execute(() -> {
            offline("stopped");
            onLost(DeviceException.offline(config.id() + " was stopped"));
        });
    }

    // ---- state, for subclasses (executor only) ----

    protected final void online() {
        setStatus(DeviceStatus.ONLINE, null);
    }

    /**
     * The device answered but cannot be used (a login or password refused): offline with this
     * reason, which is kept across reconnects until the device is {@link #heard()} properly.
     */
    protected final void unusable(String reason) {
        stuck = reason;
        offline(reason);
    }

    protected final void degraded(String reason) {
        setStatus(DeviceStatus.DEGRADED, reason);
    }

    protected final void offline(String reason) {
        setStatus(DeviceStatus.OFFLINE, reason);
    }

    protected final boolean isOnline() {
        return state.status() != DeviceStatus.OFFLINE;
    }

    private void setStatus(DeviceStatus status, String reason) {
        DeviceState current = state;
        if (current.status() == status && Objects.equals(current.reason(), reason)) {
            return;
        }
        if (current.status() != status) {
            log.info("{}: {}{}", config.id(), status.wireName(), reason == null ? "" : " (" + reason + ")");
        }
        publish(current.withStatus(status, reason, runtime.clock().instant()));
    }

    /** Sets properties (a null value removes one); listeners hear of it only if something changed. */
    protected final void update(Map<String, ?> changes) {
        DeviceState current = state;
        DeviceState next = current.withProperties(changes);
        if (!next.properties().equals(current.properties())) {
            publish(next);
        }
    }

    protected final void update(String property, Object value) {
        update(java.util.Collections.singletonMap(property, value));
    }

    private void publish(DeviceState next) {
        state = next;
        for (Consumer<DeviceState> l : listeners) {
            try {
                l.accept(next);
            } catch (RuntimeException e) {
                log.error("{}: state listener failed", config.id(), e);
            }
        }
    }

    // ---- commands ----

    /**
     * Runs a command body on the executor, failing fast with DEVICE_OFFLINE when the device is
     * offline, and with TIMEOUT after the configured command timeout.
     */
    protected final <T> CompletableFuture<T> command(String what, Supplier<CompletableFuture<T>> body) {
        return command(what, config.commandTimeout(), body);
    }

    /** As {@link #command(String, Supplier)} with its own time limit (a long camera move, say). */
    protected final <T> CompletableFuture<T> command(String what, Duration limit, Supplier<CompletableFuture<T>> body) {
        CompletableFuture<T> result = new CompletableFuture<>();
        executor.execute(() -> {
            if (closed || state.status() == DeviceStatus.OFFLINE) {
                result.completeExceptionally(DeviceException.offline(config.id() + " is offline: " + state.reason()));
                return;
            }
            runtime.timeout(
                    result,
                    executor,
                    limit,
                    config.id() + ": " + what + " not done within " + limit.toMillis() + " ms");
            try {
                body.get().whenComplete((v, e) -> {
                    if (e == null) {
                        result.complete(v);
                    } else {
                        result.completeExceptionally(DeviceException.unwrap(e));
                    }
                });
            } catch (RuntimeException e) {
                log.error("{}: {} failed", config.id(), what, e);
                result.completeExceptionally(new DeviceException(ErrorCode.INTERNAL, what + " failed: " + e));
            }
        });
        return result;
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    @Override
    public String toString() {
        return config.id() + " (" + config.type().name() + " over " + transport.description() + ")";
    }
}
