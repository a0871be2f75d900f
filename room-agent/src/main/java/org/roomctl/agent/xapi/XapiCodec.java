package org.roomctl.agent.xapi;

import java.time.Duration;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ScheduledFuture;
import org.roomctl.agent.device.AbstractDevice;
import org.roomctl.agent.device.Codec;
import org.roomctl.agent.device.DeviceException;
import org.roomctl.agent.device.DeviceRuntime;
import org.roomctl.agent.transport.Transport;
import org.roomctl.contract.ErrorCode;
import org.roomctl.contract.config.DeviceConfig;
import org.roomctl.contract.config.Secret;

/**
 * A video-conference codec driven through its xAPI terminal (serial, or a serial bridge).
 *
 * <p>Session: on connect it logs in if asked to ({@link XapiLogin}: it waits briefly for a
 * {@code login:} prompt and, if none comes, sends an empty line once), answers the login
 * from the config, switches echo off ({@code echo off}, or {@code xPreferences Echo Off} when that
 * is not recognised), registers for call feedback, reads {@code xStatus Call}, and is then online.
 * A rejected login makes it offline ("login incorrect") and it does not try again until the link
 * is re-established (after three unanswered checks), so a wrong password is never hammered.
 *
 * <p>Requests are tagged {@code | resultId="N"} and matched by {@link XapiRequests}. Status lines
 * and call events, whether answers or feedback pushes, go into a {@link CallTable}, published as
 * the {@code call} property (see {@link Codec}).
 *
 * <p>Construct with {@code new XapiCodec(config, transport, runtime)} and {@link #start()} it.
 */
public final class XapiCodec extends AbstractDevice implements Codec {
    /** How long to wait for a login prompt before (and after) waking the terminal. */
    static final Duration PROMPT_WAIT = Duration.ofMillis(300);

    /** Whether echo was switched off on this link: an echo after that means the codec restarted. */
    private boolean echoSwitchedOff;
    /** When the set-up steps were last done again because of an echo (null: not on this link). */
    private java.time.Instant lastResetup;
    /** The set-up is done again at most this often: firmware that ignores "echo off" echoes always. */
    static final java.time.Duration RESETUP_AT_MOST_EVERY = java.time.Duration.ofSeconds(30);

    private enum Phase {
        /** No link. */
        DOWN,
        /** Linked; logging in, or finding out that no login is needed ({@link XapiLogin}). */
        LOGIN,
        /** The login failed (or cannot be done); nothing more is sent on this link. */
        REJECTED,
        /** Logged in: switching echo off, registering feedback, reading the calls. */
        SETUP,
        /** Ready for commands. */
        READY
    }

    private final XapiDecoder decoder = new XapiDecoder();
    private final XapiRequests requests = new XapiRequests();
    private final CallTable calls = new CallTable();
    private final Duration promptWait;

    private Phase phase = Phase.DOWN;
    /** Counts links and logins, so that a timer or reply of an earlier one does nothing. */
    private int session;

    private XapiLogin login;
    private String rejection;
    private ScheduledFuture<?> loginTimer;
    private CompletableFuture<Void> setup;
    private CompletableFuture<Void> ready = new CompletableFuture<>();
    private int nextResultId;
    private AcceptArm arm;

    /** An armed {@link #acceptFrom}: the address awaited, its future and its window. */
    private static final class AcceptArm {
        final String address;
        final CompletableFuture<Void> result = new CompletableFuture<>();
        ScheduledFuture<?> window;
        boolean accepting;

        AcceptArm(String address) {
            this.address = address;
        }
    }

    /**
     * @param config the codec's config: username and password for its login (both optional),
     *     poll interval and command timeout
     * @param transport the serial port or serial bridge the terminal is on
     * @param runtime the agent's shared runtime
     */
    public XapiCodec(DeviceConfig config, Transport transport, DeviceRuntime runtime) {
        super(config, transport, runtime);
        Duration third = config.commandTimeout().dividedBy(3);
        this.promptWait = third.compareTo(PROMPT_WAIT) < 0 ? third : PROMPT_WAIT;
    }

    // ---- Codec ----

    @Override
    public CompletableFuture<Integer> dial(String uri) {
        XapiCommand dial;
        try {
            dial = XapiCommands.dial(uri);
        } catch (IllegalArgumentException e) {
            return CompletableFuture.failedFuture(DeviceException.badRequest(e.getMessage()));
        }
        return command(
                "dial " + uri, () -> whenReady().thenCompose(x -> send(dial)).thenApply(block -> {
                    int callId = callId(block);
                    if (calls.dialled(callId, uri.strip(), runtime.clock().instant())) {
                        publishCall();
                    }
                    return callId;
                }));
    }

    @Override
    public CompletableFuture<Void> accept() {
        return command("accept", () -> whenReady()
                .thenCompose(x -> ringingCall())
                .thenCompose(call -> send(XapiCommands.accept(OptionalInt.of(call.id()))))
                .thenApply(block -> null));
    }

    @Override
    public CompletableFuture<Void> acceptFrom(String uri, Duration window) {
        if (SipAddress.normalise(uri).isEmpty()) {
            return CompletableFuture.failedFuture(DeviceException.badRequest("acceptFrom needs the caller's address"));
        }
        if (window.isNegative()) {
            return CompletableFuture.failedFuture(DeviceException.badRequest("acceptFrom window is negative"));
        }
        return command("accept a call from " + uri, window.plus(config.commandTimeout()), () -> whenReady()
                .thenCompose(x -> arm(uri, window)));
    }

    @Override
    public CompletableFuture<Void> hangup() {
        return command("hang up", () -> whenReady().thenCompose(x -> {
            OptionalInt only = calls.calls().size() == 1
                    ? OptionalInt.of(calls.calls().keySet().iterator().next())
                    : OptionalInt.empty();
            return send(XapiCommands.disconnect(only))
                    .<Void>thenApply(block -> null)
                    .exceptionallyCompose(this::hungUpAnyway);
        }));
    }

    /**
     * A refused hang-up ("No active call") is still done if the codec confirms no call is left:
     * the goal is a room without a call. Anything else stays a failure.
     */
    private CompletableFuture<Void> hungUpAnyway(Throwable refusal) {
        DeviceException why = DeviceException.unwrap(refusal);
        if (why.code() != ErrorCode.DEVICE_ERROR) {
            return CompletableFuture.failedFuture(why);
        }
        return send(XapiCommands.callStatus())
                .thenCompose(block -> calls.calls().isEmpty()
                        ? CompletableFuture.<Void>completedFuture(null)
                        : CompletableFuture.<Void>failedFuture(why));
    }

    @Override
    public CompletableFuture<Void> refresh() {
        return command("refresh", () -> whenReady()
                .thenCompose(x -> send(XapiCommands.callStatus()))
                .thenApply(b -> null));
    }

    // ---- AbstractDevice ----

    @Override
    protected void onConnected() {
        session++;
        decoder.reset();
        rejection = null;
        setup = null;
        lastResetup = null;
        if (ready.isDone()) {
            ready = new CompletableFuture<>();
        }
        startLogin(null);
    }

    @Override
    protected void onBytes(byte[] bytes) {
        for (XapiRecord r : decoder.feed(bytes)) {
            handle(r);
        }
    }

    @Override
    protected void onLost(DeviceException why) {
        session++;
        phase = Phase.DOWN;
        cancelLoginTimer();
        setup = null;
        requests.failAll(why);
        ready.completeExceptionally(why);
        ready = new CompletableFuture<>();
        if (arm != null) {
            AcceptArm a = arm;
            arm = null;
            cancel(a.window);
            a.result.completeExceptionally(why);
        }
    }

    /**
     * {@code xStatus Call} once logged in; during the login it waits for the session to be ready.
     * Only an answer counts: a failure that is not the codec's own error is reported as TIMEOUT.
     */
    @Override
    protected CompletableFuture<?> check() {
        CompletableFuture<?> answer =
                switch (phase) {
                    case READY -> send(XapiCommands.callStatus());
                    case SETUP -> setup != null ? setup : startSetup();
                    case LOGIN -> ready;
                    case REJECTED -> CompletableFuture.failedFuture(DeviceException.timeout(rejection));
                    case DOWN -> CompletableFuture.failedFuture(DeviceException.timeout("not connected"));
                };
        return answer.exceptionallyCompose(e -> {
            DeviceException d = DeviceException.unwrap(e);
            boolean answered = d.code() == ErrorCode.DEVICE_ERROR;
            return CompletableFuture.failedFuture(answered ? d : DeviceException.timeout(d.getMessage()));
        });
    }

    // ---- what the codec says ----

    private void handle(XapiRecord r) {
        if (r instanceof XapiRecord.Block b) {
            if (phase == Phase.LOGIN) {
                loginStep(login.output());
            }
            onBlock(b.block());
        } else if (r instanceof XapiRecord.Terminator t) {
            if (phase == Phase.LOGIN) {
                loginStep(login.output()); // the OK after "*r Login successful": ours, not a request's
                return;
            }
            if (!requests.onTerminator(t.ok())) {
                log.debug("{}: {} without a request waiting for it", config.id(), t.ok() ? "OK" : "ERROR");
            }
            answered();
        } else if (r instanceof XapiRecord.NotRecognized) {
            if (requests.onNotRecognized().isEmpty()) {
                log.debug("{}: 'Command not recognized.' without a request waiting for it", config.id());
            }
            answered();
        } else if (r instanceof XapiRecord.LoginPrompt) {
            onLoginPrompt();
        } else if (r instanceof XapiRecord.PasswordPrompt) {
            if (phase == Phase.LOGIN) {
                loginStep(login.passwordPrompt());
            }
        } else if (r instanceof XapiRecord.LoginIncorrect) {
            reject("login incorrect");
        } else if (r instanceof XapiRecord.LoginSuccessful) {
            if (phase == Phase.LOGIN) {
                loginStep(login.loginSuccessful());
            }
        } else if (r instanceof XapiRecord.Text t) {
            if (phase == Phase.LOGIN) {
                loginStep(login.text()); // not logged: it could be an echoed password
            } else {
                log.debug("{}: ignoring text: {}", config.id(), t.text());
            }
        } else if (r instanceof XapiRecord.Garbage g) {
            log.debug("{}: ignoring unreadable output ({}): {}", config.id(), g.why(), g.line());
        } else if (r instanceof XapiRecord.Echo && phase == Phase.READY && echoSwitchedOff && resetupDue()) {
            // We switched echo off on this link and it is back: most likely the codec restarted
            // without dropping the line, and forgot our feedback registrations. Do the set-up
            // steps again, staying ready (they are harmless if it did not), at most every so often.
            log.info(
                    "{}: the codec echoes again (restarted?); switching echo off and registering feedback again",
                    config.id());
            lastResetup = runtime.clock().instant();
            int s = session;
            echoOff()
                    .thenCompose(x -> registerFeedback(0))
                    .thenCompose(x -> send(XapiCommands.callStatus()))
                    .whenComplete((b, e) -> {
                        if (e != null && s == session) {
                            log.debug(
                                    "{}: set-up again not finished: {}",
                                    config.id(),
                                    DeviceException.unwrap(e).getMessage());
                        }
                    });
        }
        // Other echoes: our own input coming back while echo is on; nothing to do.
    }

    private void onBlock(XapiBlock block) {
        Optional<XapiRequests.Pending> answered = requests.onBlock(block);
        boolean snapshot =
                answered.map(p -> p.command().equals(XapiCommands.callStatus())).orElse(false);
        if (calls.apply(block, snapshot, runtime.clock().instant()) || snapshot) {
            publishCall();
            checkArm();
        }
        if (answered.isEmpty() && block.resultId().isPresent()) {
            log.debug(
                    "{}: answer to request {} that no longer waits",
                    config.id(),
                    block.resultId().get());
        }
        answered();
    }

    /** Anything valid from a logged-in codec proves it is there; during set-up, that it is not silent. */
    private void answered() {
        if (phase == Phase.READY) {
            heard();
        } else if (phase == Phase.SETUP) {
            stillThere();
        }
    }

    // ---- login ----

    /** A fresh login for this link; {@code prompt} is a prompt that has already come, if any. */
    private void startLogin(XapiRecord prompt) {
        phase = Phase.LOGIN;
        // Cisco codecs ship with an empty admin password: no password configured means an empty one.
        login = new XapiLogin(
                config.username(),
                config.password().map(Secret::reveal).orElse(""),
                promptWait,
                config.commandTimeout());
        loginStep(prompt == null ? login.start() : login.loginPrompt());
    }

    private void onLoginPrompt() {
        switch (phase) {
            case LOGIN -> loginStep(login.loginPrompt());
            case SETUP, READY -> {
                // The codec logged us out (rebooted, say) and asks again: the session starts over.
                log.info("{}: codec asks for a login again", config.id());
                offline("codec asked for a new login");
                session++;
                setup = null;
                requests.failAll(DeviceException.offline(config.id() + " is logging in again"));
                if (ready.isDone()) {
                    ready = new CompletableFuture<>();
                }
                startLogin(new XapiRecord.LoginPrompt());
            }
            default -> {
                // REJECTED or DOWN: never answered again on this link, so no password hammering
            }
        }
    }

    /** Does what the login asks: type, wait, or end. */
    private void loginStep(XapiLogin.Step step) {
        if (step.type() != null) {
            log.debug("{}: typing {}", config.id(), step.what());
            transport.send(step.type());
        }
        if (step.delay() != null) {
            cancelLoginTimer();
            int s = session;
            loginTimer = runtime.schedule(executor, step.delay(), () -> {
                if (s == session && phase == Phase.LOGIN) {
                    loginStep(login.timeUp());
                }
            });
        }
        switch (step.outcome()) {
            case LOGGED_IN -> startSetup();
            case REJECTED -> reject(login.rejection());
            case PENDING -> {}
        }
    }

    private void reject(String reason) {
        if (phase == Phase.REJECTED || phase == Phase.DOWN) {
            return;
        }
        cancelLoginTimer();
        phase = Phase.REJECTED;
        rejection = reason;
        session++;
        setup = null;
        unusable(reason);
        DeviceException why = DeviceException.offline(config.id() + " is offline: " + reason);
        requests.failAll(why);
        ready.completeExceptionally(DeviceException.timeout(reason));
        ready = new CompletableFuture<>();
    }

    private boolean resetupDue() {
        return lastResetup == null
                || lastResetup
                        .plus(RESETUP_AT_MOST_EVERY)
                        .isBefore(runtime.clock().instant());
    }

    // ---- set-up ----

    private CompletableFuture<Void> startSetup() {
        cancelLoginTimer();
        phase = Phase.SETUP;
        int s = session;
        CompletableFuture<Void> steps = echoOff()
                .thenCompose(x -> registerFeedback(0))
                .thenCompose(x -> send(XapiCommands.callStatus()))
                .thenAccept(b -> {
                    if (s == session) {
                        phase = Phase.READY;
                        setup = null;
                        log.debug("{}: session ready", config.id());
                        heard();
                        ready.complete(null);
                    }
                });
        setup = steps;
        steps.whenComplete((x, e) -> {
            if (e != null && s == session) {
                setup = null; // the next check tries again
                log.debug(
                        "{}: set-up failed, retried at the next check: {}",
                        config.id(),
                        DeviceException.unwrap(e).getMessage());
            }
        });
        return steps;
    }

    /**
     * {@code echo off}; firmware that refuses it gets {@code xPreferences Echo Off}. If neither
     * works, echo stays on: echoed lines are recognised and ignored, so set-up goes on.
     */
    private CompletableFuture<Void> echoOff() {
        echoSwitchedOff = false;
        return tolerated(send(XapiCommands.echoOff()), "echo off")
                .thenCompose(outcome -> outcome == ErrorCode.DEVICE_ERROR
                        ? tolerated(send(XapiCommands.preferencesEchoOff()), "xPreferences Echo Off")
                        : CompletableFuture.completedFuture(outcome))
                .thenApply(outcome -> {
                    echoSwitchedOff = outcome == null;
                    return null;
                });
    }

    /** Registers each feedback path in turn; one the codec refuses is skipped (calls are still read at every check). */
    private CompletableFuture<Void> registerFeedback(int index) {
        if (index >= XapiCommands.FEEDBACK_PATHS.size()) {
            return CompletableFuture.completedFuture(null);
        }
        String path = XapiCommands.FEEDBACK_PATHS.get(index);
        return tolerated(send(XapiCommands.registerFeedback(path)), "feedback " + path)
                .thenCompose(x -> registerFeedback(index + 1));
    }

    /**
     * A set-up step that may be refused or go unanswered (a firmware that prints nothing for it)
     * without stopping the set-up: completes with null when done, DEVICE_ERROR when refused,
     * TIMEOUT when unanswered. Only a lost link fails it. Whether the codec really answers is
     * decided by the {@code xStatus Call} that ends the set-up.
     */
    private CompletableFuture<ErrorCode> tolerated(CompletableFuture<XapiBlock> step, String what) {
        return step.handle((b, e) -> {
            if (e == null) {
                return null;
            }
            DeviceException d = DeviceException.unwrap(e);
            if (d.code() != ErrorCode.DEVICE_ERROR && d.code() != ErrorCode.TIMEOUT) {
                throw new java.util.concurrent.CompletionException(d);
            }
            log.debug("{}: {} not done ({}); going on", config.id(), what, d.getMessage());
            return d.code();
        });
    }

    // ---- requests ----

    /** Sends a command, tagged when it can be, and returns its answer; fails after the command timeout. */
    private CompletableFuture<XapiBlock> send(XapiCommand command) {
        Optional<String> id = command.taggable() ? Optional.of(Integer.toString(++nextResultId)) : Optional.empty();
        XapiRequests.Pending p = requests.add(id, command);
        if (!transport.send(command.encode(id))) {
            requests.remove(p);
            p.result().completeExceptionally(DeviceException.offline(command.what() + ": not connected"));
            return p.result();
        }
        ScheduledFuture<?> timer = runtime.schedule(executor, config.commandTimeout(), () -> {
            if (!p.result().isDone()) {
                requests.remove(p);
                p.result()
                        .completeExceptionally(DeviceException.timeout(command.what() + ": no answer within "
                                + config.commandTimeout().toMillis() + " ms"));
            }
        });
        p.result().whenComplete((b, e) -> timer.cancel(false));
        return p.result();
    }

    private CompletableFuture<Void> whenReady() {
        if (phase == Phase.READY) {
            return CompletableFuture.completedFuture(null);
        }
        return CompletableFuture.failedFuture(DeviceException.offline(
                config.id() + " is not logged in yet (" + phase.name().toLowerCase(java.util.Locale.ROOT) + ")"));
    }

    private static int callId(XapiBlock block) {
        String id = block.resultField("CallId")
                .orElseThrow(() -> new java.util.concurrent.CompletionException(
                        DeviceException.error("dial result without a CallId")));
        try {
            return Integer.parseInt(id.strip());
        } catch (NumberFormatException e) {
            throw new java.util.concurrent.CompletionException(
                    DeviceException.error("dial result with an unreadable CallId '" + id + "'"));
        }
    }

    // ---- calls ----

    /** The ringing call, re-reading the calls once if the table shows none (feedback may lag). */
    private CompletableFuture<CallTable.Call> ringingCall() {
        Optional<CallTable.Call> now = calls.ringing();
        if (now.isPresent()) {
            return CompletableFuture.completedFuture(now.get());
        }
        return send(XapiCommands.callStatus()).thenCompose(b -> calls.ringing()
                .map(CompletableFuture::completedFuture)
                .orElseGet(() -> CompletableFuture.failedFuture(DeviceException.error("no call is ringing"))));
    }

    private CompletableFuture<Void> arm(String address, Duration window) {
        if (arm != null) {
            AcceptArm old = arm;
            arm = null;
            cancel(old.window);
            old.result.completeExceptionally(
                    DeviceException.error("replaced by a later accept of a call from " + address));
        }
        AcceptArm a = new AcceptArm(address);
        arm = a;
        a.window = runtime.schedule(executor, window, () -> {
            if (arm == a && !a.accepting) {
                arm = null;
                a.result.completeExceptionally(DeviceException.timeout(
                        "no call from " + address + " rang within " + window.toMillis() + " ms"));
            }
        });
        checkArm();
        return a.result;
    }

    /** Accepts the call an armed {@link #acceptFrom} waits for, once it rings. */
    private void checkArm() {
        AcceptArm a = arm;
        if (a == null || a.accepting || phase != Phase.READY) {
            return;
        }
        Optional<CallTable.Call> call = calls.ringingFrom(a.address);
        if (call.isEmpty()) {
            return;
        }
        a.accepting = true;
        cancel(a.window);
        log.debug(
                "{}: accepting call {} from {}",
                config.id(),
                call.get().id(),
                call.get().peer());
        send(XapiCommands.accept(OptionalInt.of(call.get().id()))).whenComplete((b, e) -> {
            if (arm == a) {
                arm = null;
            }
            if (e == null) {
                a.result.complete(null);
            } else {
                a.result.completeExceptionally(DeviceException.unwrap(e));
            }
        });
    }

    private void publishCall() {
        if (calls.known()) {
            update("call", calls.property());
        }
    }

    // ---- timers ----

    private void cancelLoginTimer() {
        cancel(loginTimer);
        loginTimer = null;
    }

    private static void cancel(ScheduledFuture<?> timer) {
        if (timer != null) {
            timer.cancel(false);
        }
    }
}
