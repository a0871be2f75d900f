package org.roomctl.agent.pjlink;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ScheduledFuture;
import java.util.function.Consumer;
import org.roomctl.agent.device.AbstractDevice;
import org.roomctl.agent.device.DeviceException;
import org.roomctl.agent.device.DeviceRuntime;
import org.roomctl.agent.device.Display;
import org.roomctl.agent.device.RequestQueue;
import org.roomctl.agent.transport.Transport;
import org.roomctl.contract.ErrorCode;
import org.roomctl.contract.config.DeviceConfig;
import org.roomctl.contract.state.DeviceStatus;

/**
 * A display or projector over PJLink class 1 (TCP).
 *
 * <p>Each connection starts with the display's greeting; with authentication every command is
 * prefixed by {@link PjlinkAuth#digest}. One command is on the wire at a time ({@link
 * RequestQueue}); a reply is matched by its command name. Commands issued while the connection is
 * being (re-)established wait for the greeting, in order.
 *
 * <p>A display that hangs up an idle connection is not offline: {@link QuietReconnectTransport}
 * hides the loss while the reconnect succeeds within a poll interval, and a command cut off by it
 * is sent again once on the new connection.
 *
 * <p>Properties: {@code power} (off, on, warming, cooling), {@code input} (hdmi1...), {@code mute},
 * {@code errors} (parts not ok, only when there are some), {@code lamps} (list of hours/on),
 * {@code name}, {@code manufacturer}, {@code model}, {@code pjlinkClass}. A part in error makes
 * the display degraded, naming it.
 *
 * <p>Construct with {@code new PjlinkDisplay(config, transport, runtime)} and {@link #start()} it.
 */
public final class PjlinkDisplay extends AbstractDevice implements Display {
    /** Requests that may wait behind the one on the wire. */
    static final int QUEUE_CAPACITY = 16;

    /**
     * Hang-ups hidden in a row without a reply in between; a display that keeps hanging up without
     * answering is not idle but broken, and the next loss is reported.
     */
    static final int MAX_QUIET_LOSSES = 3;

    private enum Phase {
        /** No connection. */
        DOWN,
        /** Connected; waiting for {@code PJLINK 0/1}. */
        GREETING,
        /** Greeted; commands may be sent. */
        READY,
        /** The display wants a password and none is configured, or the last one was refused. */
        LOCKED
    }

    /** A command cut off by the display hanging up; it is sent again on the next connection. */
    private static final class CutOff extends DeviceException {
        CutOff(String message) {
            super(ErrorCode.DEVICE_OFFLINE, message);
        }
    }

    /** A command waiting for the connection to be ready. */
    private record Waiting(PjlinkCommand command, CompletableFuture<PjlinkReply> result) {}

    private final QuietReconnectTransport link;
    private final RequestQueue<PjlinkReply> queue;
    private final PjlinkDecoder decoder = new PjlinkDecoder();
    private final Deque<Waiting> waiting = new ArrayDeque<>();
    private final Duration fastPoll;

    private Phase phase = Phase.DOWN;
    private Optional<String> random = Optional.empty();
    private Optional<String> digest = Optional.empty();
    private String lockedReason;
    private Instant passwordRetryAt = Instant.MIN;
    /** Whether the display has answered since the link was last really lost: read by the reader thread. */
    private volatile boolean answering;
    /** Hang-ups hidden since the last reply: counted on the reader thread. */
    private final java.util.concurrent.atomic.AtomicInteger quietLosses =
            new java.util.concurrent.atomic.AtomicInteger();

    private String power;
    private ScheduledFuture<?> powerPoll;
    private boolean degradedByErrors;

    /**
     * @param config the display's config: its password (when the display asks for one), poll
     *     interval and command timeout
     * @param transport a TCP transport to the display's port 4352; it is wrapped so that a display
     *     hanging up an idle connection does not make it offline
     * @param runtime the agent's shared runtime
     */
    public PjlinkDisplay(DeviceConfig config, Transport transport, DeviceRuntime runtime) {
        super(config, new QuietReconnectTransport(transport, runtime, config.pollInterval()), runtime);
        this.link = (QuietReconnectTransport) this.transport;
        this.queue = new RequestQueue<>(this.transport, runtime, executor, config.commandTimeout(), QUEUE_CAPACITY);
        this.fastPoll = clamp(config.pollInterval().dividedBy(5), Duration.ofMillis(100), Duration.ofSeconds(1));
        link.bind(new QuietReconnectTransport.Session() {
            @Override
            public boolean mayHideLoss() {
                return answering && state().status() != DeviceStatus.OFFLINE && quietLosses.get() < MAX_QUIET_LOSSES;
            }

            @Override
            public void lostQuietly(String reason) {
                quietLosses.incrementAndGet();
                executor.execute(() -> onLostQuietly(reason));
            }

            @Override
            public void reconnectedQuietly() {
                executor.execute(PjlinkDisplay.this::onConnectedQuietly);
            }
        });
    }

    // ---- Display ----

    @Override
    public CompletableFuture<Void> power(boolean on) {
        return command("power " + (on ? "on" : "off"), () -> request(PjlinkCommands.power(on))
                .thenAccept(reply -> readPower())); // queued before anything asked after this completes
    }

    @Override
    public CompletableFuture<Void> input(String input) {
        String code;
        try {
            code = PjlinkInputs.code(input);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(DeviceException.badRequest(e.getMessage()));
        }
        return command("input " + input, () -> request(PjlinkCommands.input(code))
                .thenAccept(reply -> update("input", PjlinkInputs.name(code))));
    }

    @Override
    public CompletableFuture<Void> mute(boolean on) {
        return command("mute " + (on ? "on" : "off"), () -> request(PjlinkCommands.mute(on))
                .thenAccept(reply -> update("mute", on)));
    }

    /**
     * Reads power, input, mute, error status, lamps, name and identity. Completes when the power
     * state is read; the others may be unavailable (in standby, on a flat panel) and are then left
     * as they were.
     */
    @Override
    public CompletableFuture<Void> refresh() {
        return command("refresh", () -> {
            List<CompletableFuture<?>> optional = new ArrayList<>();
            CompletableFuture<String> powerRead = readPower();
            optional.add(read(PjlinkCommands.inputQuery(), v -> update("input", PjlinkInputs.name(v))));
            optional.add(read(PjlinkCommands.muteQuery(), v -> update("mute", PjlinkValues.mute(v))));
            optional.add(readErrors());
            optional.add(read(PjlinkCommands.lampQuery(), v -> update("lamps", PjlinkValues.lamps(v))));
            optional.add(read(PjlinkCommands.nameQuery(), v -> update("name", v)));
            optional.add(read(PjlinkCommands.manufacturerQuery(), v -> update("manufacturer", v)));
            optional.add(read(PjlinkCommands.modelQuery(), v -> update("model", v)));
            optional.add(read(PjlinkCommands.classQuery(), v -> update("pjlinkClass", v)));
            CompletableFuture<?>[] all =
                    optional.stream().map(f -> f.handle((v, e) -> null)).toArray(CompletableFuture[]::new);
            return powerRead.thenCompose(p -> CompletableFuture.allOf(all));
        });
    }

    // ---- AbstractDevice ----

    @Override
    protected void onConnected() {
        startSession();
    }

    @Override
    protected void onBytes(byte[] bytes) {
        for (PjlinkReply reply : decoder.feed(bytes)) {
            if (reply instanceof PjlinkReply.Greeting g) {
                onGreeting(g);
            } else if (reply instanceof PjlinkReply.AuthError) {
                onAuthError();
            } else if (reply instanceof PjlinkReply.Response r) {
                if (!queue.offer(r)) {
                    log.debug("{}: unsolicited reply {}={}", config.id(), r.command(), r.body());
                }
                if (phase == Phase.READY) {
                    answering = true;
                    quietLosses.set(0);
                    lockedReason = null;
                    heard();
                }
            } else if (reply instanceof PjlinkReply.Garbage g) {
                log.debug("{}: ignoring garbage ({}): {}", config.id(), g.why(), g.line());
            }
        }
    }

    @Override
    protected void onLost(DeviceException why) {
        answering = false;
        phase = Phase.DOWN;
        random = Optional.empty();
        digest = Optional.empty();
        stopPowerPoll();
        queue.failAll(why);
        while (!waiting.isEmpty()) {
            waiting.poll().result().completeExceptionally(why);
        }
    }

    /**
     * {@code POWR ?}, and the error status after it. Any answer counts, even ERR3; a failure that
     * is not an answer from the display is reported as TIMEOUT, whatever caused it.
     */
    @Override
    protected CompletableFuture<?> check() {
        CompletableFuture<String> answer = phase == Phase.LOCKED && !mayRetryPassword()
                ? CompletableFuture.failedFuture(DeviceException.timeout(lockedReason))
                : readPower();
        answer.thenRun(this::readErrors);
        return answer.exceptionallyCompose(e -> {
            DeviceException d = DeviceException.unwrap(e);
            boolean answered = d.code() == ErrorCode.DEVICE_ERROR
                    || d.code() == ErrorCode.BUSY
                    || d.code() == ErrorCode.BAD_REQUEST;
            return CompletableFuture.failedFuture(answered ? d : DeviceException.timeout(d.getMessage()));
        });
    }

    // ---- connection ----

    private void startSession() {
        decoder.reset();
        phase = Phase.GREETING;
        random = Optional.empty();
        digest = Optional.empty();
    }

    private void onConnectedQuietly() {
        log.debug("{}: reconnected after the display hung up", config.id());
        startSession();
    }

    private void onLostQuietly(String reason) {
        log.debug("{}: display hung up ({}); reconnecting quietly", config.id(), reason);
        phase = Phase.DOWN;
        random = Optional.empty();
        digest = Optional.empty();
        queue.failAll(new CutOff("connection closed by the display before it answered"));
    }

    private void onGreeting(PjlinkReply.Greeting g) {
        random = g.random();
        if (random.isEmpty()) {
            ready(Optional.empty());
        } else if (config.password().isEmpty()) {
            lock("display requires a password");
        } else if (lockedReason != null && !mayRetryPassword()) {
            lock(lockedReason); // this password was refused a moment ago: do not hammer the display
        } else {
            ready(Optional.of(
                    PjlinkAuth.digest(random.get(), config.password().get().reveal())));
        }
    }

    private void ready(Optional<String> digest) {
        this.digest = digest;
        phase = Phase.READY;
        while (phase == Phase.READY && !waiting.isEmpty()) {
            Waiting w = waiting.poll();
            if (!w.result().isDone()) {
                submit(w.command()).whenComplete((r, e) -> {
                    if (e == null) {
                        w.result().complete(r);
                    } else {
                        w.result().completeExceptionally(DeviceException.unwrap(e));
                    }
                });
            }
        }
    }

    private void onAuthError() {
        passwordRetryAt = runtime.clock().instant().plus(config.pollInterval());
        lock("wrong PJLink password");
    }

    /** Nothing is sent until the next connection (or, after a refused password, a poll interval). */
    private void lock(String reason) {
        phase = Phase.LOCKED;
        lockedReason = reason;
        answering = false;
        digest = Optional.empty();
        unusable(reason);
        DeviceException why = DeviceException.offline(config.id() + " is offline: " + reason);
        queue.failAll(why);
        while (!waiting.isEmpty()) {
            waiting.poll().result().completeExceptionally(why);
        }
    }

    /** A refused password is tried again at most once a poll interval; a missing one never. */
    private boolean mayRetryPassword() {
        return config.password().isPresent() && !runtime.clock().instant().isBefore(passwordRetryAt);
    }

    // ---- requests ----

    /**
     * Sends a command (once more if the display hung up before answering) and returns the reply,
     * failed with a {@link DeviceException} when it is an error.
     */
    private CompletableFuture<PjlinkReply.Response> request(PjlinkCommand command) {
        return submit(command)
                .exceptionallyCompose(e -> DeviceException.unwrap(e) instanceof CutOff
                        ? submit(command)
                        : CompletableFuture.failedFuture(e))
                .thenApply(reply -> answerTo(command, reply));
    }

    private CompletableFuture<PjlinkReply> submit(PjlinkCommand command) {
        if (phase == Phase.LOCKED && random.isPresent() && mayRetryPassword()) {
            log.debug("{}: trying the password again", config.id());
            ready(Optional.of(
                    PjlinkAuth.digest(random.get(), config.password().get().reveal())));
        }
        switch (phase) {
            case READY:
                return queue.submit(
                        command.encode(digest),
                        r -> r instanceof PjlinkReply.Response resp
                                && resp.command().equals(command.name()),
                        command.toString());
            case LOCKED:
                return CompletableFuture.failedFuture(
                        DeviceException.offline(config.id() + " is offline: " + lockedReason));
            default:
                return awaitConnection(command);
        }
    }

    /** Holds a command until the greeting, failing it after the command timeout. */
    private CompletableFuture<PjlinkReply> awaitConnection(PjlinkCommand command) {
        if (waiting.size() >= QUEUE_CAPACITY) {
            return CompletableFuture.failedFuture(
                    DeviceException.busy(command + ": " + QUEUE_CAPACITY + " commands are already waiting"));
        }
        Waiting w = new Waiting(command, new CompletableFuture<>());
        waiting.add(w);
        ScheduledFuture<?> timer = runtime.schedule(executor, config.commandTimeout(), () -> {
            if (waiting.remove(w)) {
                w.result()
                        .completeExceptionally(
                                DeviceException.timeout(command + ": no connection to the display within "
                                        + config.commandTimeout().toMillis() + " ms"));
            }
        });
        w.result().whenComplete((r, e) -> timer.cancel(false));
        return w.result();
    }

    /** The reply as a value, or the error it stands for. */
    private PjlinkReply.Response answerTo(PjlinkCommand command, PjlinkReply reply) {
        PjlinkReply.Response r = (PjlinkReply.Response) reply;
        if (r.error().isEmpty()) {
            return r;
        }
        DeviceException e =
                switch (r.error().getAsInt()) {
                    case 1 -> DeviceException.error("display does not support " + command.name() + " (ERR1)");
                    case 2 -> DeviceException.badRequest("display refused " + command + " (ERR2: bad parameter)");
                    case 3 -> DeviceException.busy(unavailableWhy(command));
                    default -> {
                        readErrors();
                        yield DeviceException.error("display failure while doing " + command + " (ERR4)");
                    }
                };
        throw new CompletionException(e);
    }

    private String unavailableWhy(PjlinkCommand command) {
        if ("warming".equals(power)) {
            return "display is warming up";
        }
        if ("cooling".equals(power)) {
            return "display is cooling down";
        }
        if ("off".equals(power) && !command.name().equals("POWR")) {
            return "display is in standby";
        }
        if (!command.name().equals("POWR")) {
            readPower(); // perhaps it is warming up: find out for next time
        }
        return "display cannot do " + command + " now (ERR3)";
    }

    // ---- reads ----

    private CompletableFuture<String> read(PjlinkCommand query, Consumer<String> apply) {
        return request(query).thenApply(r -> {
            try {
                apply.accept(r.body());
            } catch (IllegalArgumentException e) {
                log.debug("{}: unreadable answer to {}: {}", config.id(), query, e.getMessage());
            }
            return r.body();
        });
    }

    /** {@code POWR ?}; while the display warms up or cools down it is asked again soon. */
    private CompletableFuture<String> readPower() {
        return read(PjlinkCommands.powerQuery(), body -> {
            power = PjlinkValues.power(body);
            update("power", power);
            if (power.equals("warming") || power.equals("cooling")) {
                schedulePowerPoll();
            }
        });
    }

    private void schedulePowerPoll() {
        if (powerPoll != null && !powerPoll.isDone()) {
            return;
        }
        powerPoll = runtime.schedule(executor, fastPoll, () -> {
            powerPoll = null;
            if (isOnline()) {
                readPower().exceptionally(e -> null);
            }
        });
    }

    private void stopPowerPoll() {
        if (powerPoll != null) {
            powerPoll.cancel(false);
            powerPoll = null;
        }
    }

    /** {@code ERST ?}: publishes {@code errors} and makes the display degraded while a part is in error. */
    private CompletableFuture<String> readErrors() {
        return read(PjlinkCommands.errorQuery(), body -> {
            PjlinkErrorStatus status = PjlinkErrorStatus.parse(body);
            update("errors", status.problems().isEmpty() ? null : status.problems());
            List<String> failing = status.failing();
            if (!isOnline()) {
                return;
            }
            if (!failing.isEmpty()) {
                degradedByErrors = true;
                degraded(
                        "display reports " + String.join(", ", failing) + (failing.size() == 1 ? " error" : " errors"));
            } else if (degradedByErrors) {
                degradedByErrors = false;
                online();
            }
        });
    }

    private static Duration clamp(Duration d, Duration min, Duration max) {
        return d.compareTo(min) < 0 ? min : d.compareTo(max) > 0 ? max : d;
    }
}
