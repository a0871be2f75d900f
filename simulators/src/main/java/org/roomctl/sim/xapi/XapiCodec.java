package org.roomctl.sim.xapi;

import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.OptionalLong;
import java.util.function.Consumer;
import org.roomctl.sim.callnet.CallNetwork;
import org.roomctl.sim.callnet.CallSignal;
import org.roomctl.sim.runtime.DeviceContext;
import org.roomctl.sim.runtime.StreamDevice;

/**
 * A Cisco-style video-conference codec's xAPI terminal (serial console): login, echo, feedback,
 * {@code xStatus Call}, dialling, answering and hanging up through the {@link CallNetwork}.
 *
 * <p>Output lines end with CRLF. A reply block ends {@code ** end} then {@code OK} (or {@code OK}
 * first, see {@link CodecFaults#okFirst()}); a request tagged {@code | resultId="ID"} gets a first
 * line {@code ** resultId="ID"} in its reply. An unknown command gets {@code Command not
 * recognized.} (then {@code OK}). Status changes of calls are pushed as {@code *s Call ...} blocks,
 * and call events as {@code *e ...}, once {@code xFeedback Register /Status/Call} (or a matching
 * {@code /Event/...}) is registered.
 */
public final class XapiCodec implements StreamDevice<CodecFaults> {
    private static final String CRLF = XapiReply.CRLF;
    private static final long UNSET = Long.MIN_VALUE;

    private enum Stage {
        USERNAME,
        PASSWORD,
        READY
    }

    private final String name;
    private final String uri;
    private final String username;
    private final String password;
    private final CallNetwork network;
    private final CodecCalls calls;
    private final TerminalInput input = new TerminalInput();
    private final Feedback feedback = new Feedback();
    private CodecFaults faults;
    private Stage stage;
    private DeviceContext context;
    private Consumer<CallSignal> inbox;
    private long bootedAt = UNSET;
    private String lastCommand = "";

    private String pendingUser;

    /** Output of the step in progress: echo and replies (pushed feedback follows each reply). */
    private ByteArrayOutputStream out = new ByteArrayOutputStream();

    /**
     * @param name shown in the login banner, for example the room's name
     * @param uri the codec's own call address, where other codecs reach it
     * @param username the login name (when a login is required)
     * @param password the password; null accepts any (when a login is required)
     * @param loginRequired whether the terminal starts by asking for a login
     */
    public XapiCodec(
            String name, String uri, String username, String password, boolean loginRequired, CallNetwork network) {
        this.name = name;
        this.uri = uri;
        this.username = username;
        this.password = password;
        this.network = network;
        this.calls = new CodecCalls(uri, network, feedback);
        this.faults = CodecFaults.initial(loginRequired);
        this.stage = loginRequired ? Stage.USERNAME : Stage.READY;
    }

    @Override
    public void attach(DeviceContext context) {
        this.context = context;
        this.inbox = signal -> context.post(now -> onSignal(signal, now));
        network.register(uri, inbox);
    }

    @Override
    public void detach() {
        if (inbox != null) {
            calls.dropAll();
            network.unregister(uri, inbox);
        }
    }

    // --- stream device ----------------------------------------------------------------------------

    @Override
    public byte[] receive(byte[] data, long now) {
        return step(now, () -> {
            calls.expire(now);
            flushPushes();
            for (byte b : data) {
                boolean echoThis = faults.echo() && stage != Stage.PASSWORD;
                String line = input.feed(b, echoThis ? out : null);
                if (line != null) {
                    handleLine(line, now);
                    flushPushes();
                }
            }
        });
    }

    /** A signal from another codec, on this codec's thread. */
    byte[] onSignal(CallSignal signal, long now) {
        return step(now, () -> calls.receive(signal, now));
    }

    @Override
    public byte[] advance(long now) {
        return step(now, () -> calls.expire(now));
    }

    @Override
    public OptionalLong nextDeadline() {
        return calls.nextDeadline();
    }

    @Override
    public byte[] powerCycle(long now) {
        return step(now, () -> {
            calls.dropAll();
            feedback.clear();
            input.reset();
            bootedAt = now;
            faults = new CodecFaults(
                    faults.loginRequired(),
                    true,
                    faults.okFirst(),
                    faults.ringTimeoutMillis(),
                    faults.unknownUriFailMillis());
            stage = faults.loginRequired() ? Stage.USERNAME : Stage.READY;
            if (stage == Stage.USERNAME) {
                text(CRLF + "login: ");
            }
        });
    }

    /**
     * Buttons on the codec's own remote: {@code hang-up} ends every call, {@code answer} takes the
     * ringing one, as a person in the room would.
     */
    @Override
    public byte[] press(String button, long now) {
        return switch (button) {
            case "hang-up" -> step(now, () -> calls.disconnect(null, now));
            case "answer" -> step(now, () -> calls.accept(null, now));
            default -> throw new IllegalArgumentException(
                    "the codec has no button '" + button + "' (it has hang-up, answer)");
        };
    }

    @Override
    public CodecState state(long now) {
        List<CodecState.CallState> callStates = calls.calls().stream()
                .map(c -> new CodecState.CallState(
                        c.id, c.status.name(), c.direction.name(), c.remoteNumber(), c.durationSeconds(now)))
                .toList();
        return new CodecState(
                uri,
                stage == Stage.READY,
                faults.echo(),
                calls.autoAnswer(),
                feedback.paths(),
                callStates,
                lastCommand);
    }

    @Override
    public CodecFaults faults() {
        return faults;
    }

    @Override
    public void faults(CodecFaults updated) {
        boolean loginNowRequired = updated.loginRequired() && !faults.loginRequired();
        faults = updated;
        calls.timeouts(updated.ringTimeoutMillis(), updated.unknownUriFailMillis());
        if (loginNowRequired) {
            stage = Stage.USERNAME;
            input.reset();
            if (context != null) {
                context.post(now -> step(now, () -> text(CRLF + "login: ")));
            }
        } else if (!updated.loginRequired()) {
            stage = Stage.READY;
        }
    }

    private byte[] step(long now, Runnable work) {
        if (bootedAt == UNSET) {
            bootedAt = now;
        }
        out = new ByteArrayOutputStream();
        work.run();
        flushPushes();
        return out.toByteArray();
    }

    private void text(String s) {
        out.writeBytes(s.getBytes(StandardCharsets.UTF_8));
    }

    private void flushPushes() {
        text(feedback.take());
    }

    // --- login ------------------------------------------------------------------------------------

    private void handleLine(String line, long now) {
        switch (stage) {
            case USERNAME -> {
                if (line.isBlank()) {
                    text("login: ");
                } else {
                    pendingUser = line.strip();
                    stage = Stage.PASSWORD;
                    text("Password: ");
                }
            }
            case PASSWORD -> {
                text(CRLF);
                if (pendingUser.equals(username) && (password == null || password.equals(line))) {
                    stage = Stage.READY;
                    banner();
                } else {
                    stage = Stage.USERNAME;
                    text("Login incorrect" + CRLF + CRLF + "login: ");
                }
            }
            case READY -> {
                if (!line.isBlank()) {
                    lastCommand = line.strip();
                    command(XapiRequest.parse(line), now);
                }
            }
        }
    }

    private void banner() {
        text("Welcome to " + name + CRLF
                + "Cisco Codec Release ce9.15.0 (roomctl simulator)" + CRLF
                + "SW Release Date: 2024-06-01" + CRLF
                + "*r Login successful" + CRLF
                + CRLF
                + "OK" + CRLF
                + CRLF);
    }

    // --- commands ---------------------------------------------------------------------------------

    private void command(XapiRequest request, long now) {
        String head = request.word(0).toLowerCase(Locale.ROOT);
        switch (head) {
            case "echo" -> echo(request, request.word(1));
            case "xpreferences" -> preferences(request);
            case "xfeedback" -> feedback(request);
            case "xstatus" -> status(request, now);
            case "xcommand" -> xCommand(request, now);
            case "xconfiguration" -> configuration(request);
            case "bye" -> logout(request);
            default -> text(replyTo(request).notRecognized());
        }
    }

    private XapiReply replyTo(XapiRequest request) {
        return new XapiReply(request.resultId(), faults.okFirst());
    }

    private void echo(XapiRequest request, String value) {
        if (value.equalsIgnoreCase("off") || value.equalsIgnoreCase("on")) {
            faults = new CodecFaults(
                    faults.loginRequired(),
                    value.equalsIgnoreCase("on"),
                    faults.okFirst(),
                    faults.ringTimeoutMillis(),
                    faults.unknownUriFailMillis());
            text(replyTo(request).ok());
        } else {
            text(replyTo(request).notRecognized());
        }
    }

    private void preferences(XapiRequest request) {
        if (request.startsWith("xPreferences", "Echo")) {
            String value = request.param("Echo") != null ? request.param("Echo") : request.word(2);
            echo(request, value);
        } else if (request.path().size() > 1 || !request.params().isEmpty()) {
            text(replyTo(request).ok()); // output mode and the like: this terminal only speaks terminal mode
        } else {
            text(replyTo(request).notRecognized());
        }
    }

    private void feedback(XapiRequest request) {
        XapiReply reply = replyTo(request);
        String path = request.word(2);
        switch (request.word(1).toLowerCase(Locale.ROOT)) {
            case "register" -> {
                if (Feedback.normalise(path).equals("/")) {
                    text(reply.notRecognized());
                    return;
                }
                feedback.register(path);
                text(reply.block(List.of()));
            }
            case "deregister" -> {
                feedback.deregister(path);
                text(reply.block(List.of()));
            }
            case "deregisterall" -> {
                feedback.clear();
                text(reply.block(List.of()));
            }
            case "list" -> text(
                    reply.block(feedback.paths().stream().map(p -> "*f " + p).toList()));
            default -> text(reply.notRecognized());
        }
    }

    private void status(XapiRequest request, long now) {
        List<String> asked = request.path().subList(1, request.path().size());
        List<String> lines = statusTree(now).stream()
                .filter(line -> statusLineMatches(line, asked))
                .toList();
        boolean aboutCalls = !asked.isEmpty() && asked.get(0).equalsIgnoreCase("Call");
        if (lines.isEmpty() && !asked.isEmpty() && !aboutCalls) {
            text(replyTo(request).error("Status", "No match on address expression."));
        } else {
            text(replyTo(request).block(lines));
        }
    }

    private List<String> statusTree(long now) {
        List<String> tree = new ArrayList<>();
        for (Call call : calls.calls()) {
            tree.addAll(call.statusLines(now));
        }
        tree.add("*s SystemUnit ProductId: \"Cisco Codec\"");
        tree.add("*s SystemUnit Software Version: \"ce9.15.0\"");
        tree.add("*s SystemUnit Uptime: " + (now - bootedAt) / 1_000_000_000L);
        return tree;
    }

    private static boolean statusLineMatches(String line, List<String> asked) {
        // "*s Call 3 Status: Connected" has the path words Call, 3, Status
        String[] words = line.substring(3).replace(":", "").split(" ");
        if (asked.size() > words.length) {
            return false;
        }
        for (int i = 0; i < asked.size(); i++) {
            if (!words[i].equalsIgnoreCase(asked.get(i))) {
                return false;
            }
        }
        return true;
    }

    private void xCommand(XapiRequest request, long now) {
        XapiReply reply = replyTo(request);
        Integer callId = callId(request);
        if (request.is("xCommand", "Dial")) {
            dial(request, now);
        } else if (request.is("xCommand", "Call", "Accept")) {
            text(reply.result("CallAcceptResult", calls.accept(callId, now)));
        } else if (request.is("xCommand", "Call", "Reject")) {
            text(reply.result("CallRejectResult", calls.reject(callId, now)));
        } else if (request.is("xCommand", "Call", "Disconnect")) {
            text(reply.result("CallDisconnectResult", calls.disconnect(callId, now)));
        } else {
            text(reply.notRecognized());
        }
    }

    private static Integer callId(XapiRequest request) {
        String id = request.param("CallId");
        if (id == null) {
            return null;
        }
        try {
            return Integer.valueOf(id.strip());
        } catch (NumberFormatException e) {
            return -1; // matches no call
        }
    }

    private void dial(XapiRequest request, long now) {
        XapiReply reply = replyTo(request);
        String number = request.param("Number");
        if (number == null || number.isBlank() || number.chars().anyMatch(Character::isWhitespace)) {
            text(reply.error("DialResult", number == null ? "Missing parameter: Number" : "Invalid number"));
            return;
        }
        CodecCalls.Dialled dialled = calls.dial(number.strip(), now);
        if (dialled.error() != null) {
            text(reply.error("DialResult", dialled.error()));
            return;
        }
        text(reply.block(List.of(
                "*r DialResult (status=OK):",
                "*r DialResult CallId: " + dialled.call().id,
                "*r DialResult ConferenceId: " + dialled.call().conferenceId)));
    }

    private void configuration(XapiRequest request) {
        XapiReply reply = replyTo(request);
        if (!request.startsWith("xConfiguration", "Conference", "AutoAnswer")) {
            text(reply.notRecognized());
            return;
        }
        String mode = request.param("Mode");
        if (mode == null) {
            text(reply.block(
                    List.of("*c xConfiguration Conference AutoAnswer Mode: " + (calls.autoAnswer() ? "On" : "Off"))));
        } else if (mode.equalsIgnoreCase("On") || mode.equalsIgnoreCase("Off")) {
            calls.autoAnswer(mode.equalsIgnoreCase("On"));
            text(reply.block(List.of()));
        } else {
            text(reply.error("Configuration", "Invalid value: " + mode + " (On or Off)"));
        }
    }

    private void logout(XapiRequest request) {
        if (faults.loginRequired()) {
            stage = Stage.USERNAME;
            text("login: ");
        } else {
            text(replyTo(request).notRecognized());
        }
    }
}
