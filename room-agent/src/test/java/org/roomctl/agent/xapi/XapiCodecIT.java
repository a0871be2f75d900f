package org.roomctl.agent.xapi;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roomctl.agent.device.DeviceException;
import org.roomctl.agent.device.DeviceRuntime;
import org.roomctl.agent.transport.Backoff;
import org.roomctl.agent.transport.TcpTransport;
import org.roomctl.contract.ErrorCode;
import org.roomctl.contract.config.DeviceConfig;
import org.roomctl.contract.config.DeviceTypes;
import org.roomctl.contract.config.Secret;
import org.roomctl.contract.config.SerialLine;
import org.roomctl.contract.config.TransportSpec;
import org.roomctl.contract.state.DeviceState;
import org.roomctl.contract.state.DeviceStatus;

/** The xAPI driver over a real TCP socket (as through a serial bridge) against a scripted codec. */
class XapiCodecIT {
    private static final Duration POLL = Duration.ofMillis(300);
    private static final Duration TIMEOUT = Duration.ofMillis(600);

    private final DeviceRuntime runtime = new DeviceRuntime(4, Clock.systemUTC());
    private final List<XapiCodec> codecs = new ArrayList<>();
    /** Every state the codec published, in order. */
    private final List<DeviceState> history = new CopyOnWriteArrayList<>();

    private ScriptedCodecPeer peer;

    @BeforeEach
    void peer() throws IOException {
        peer = new ScriptedCodecPeer();
        peer.answer("xCommand Call Accept", c -> List.of("*r CallAcceptResult (status=OK):"));
        peer.answer("xCommand Call Disconnect", c -> List.of("*r CallDisconnectResult (status=OK):"));
    }

    @AfterEach
    void close() throws IOException {
        codecs.forEach(XapiCodec::close);
        peer.close();
        runtime.close();
    }

    private XapiCodec codec(int port, Optional<String> user, Optional<String> password, Duration poll) {
        DeviceConfig config = new DeviceConfig(
                "codec",
                DeviceTypes.CISCO_XAPI,
                new TransportSpec.Bridge("127.0.0.1", port, SerialLine.of(115200)),
                1,
                Optional.of("sip:room-b@example.org"),
                user,
                password.map(p -> new Secret("CODEC_PASSWORD", p)),
                poll,
                TIMEOUT);
        TcpTransport transport = new TcpTransport(
                "127.0.0.1", port, "bridge", new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), new Random(7)));
        XapiCodec codec = new XapiCodec(config, transport, runtime);
        codec.addListener(history::add);
        codecs.add(codec);
        codec.start();
        return codec;
    }

    private XapiCodec onlineCodec() {
        XapiCodec codec = codec(peer.port(), Optional.empty(), Optional.empty(), POLL);
        awaitStatus(codec, DeviceStatus.ONLINE);
        return codec;
    }

    private static void awaitStatus(XapiCodec codec, DeviceStatus status) {
        await().atMost(Duration.ofSeconds(5)).until(() -> codec.state().status() == status);
    }

    private static Object call(XapiCodec codec, String key) {
        Object call = codec.state().properties().get("call");
        return call instanceof java.util.Map<?, ?> m ? m.get(key) : null;
    }

    /** The codec reports call {@code id}: as a feedback push, and in its answers to xStatus Call. */
    private void codecHasCall(int id, String status, String direction, String remote) {
        List<String> lines = List.of(
                "*s Call " + id + " Status: " + status,
                "*s Call " + id + " Direction: " + direction,
                "*s Call " + id + " RemoteNumber: \"" + remote + "\"");
        peer.callStatus = lines;
        List<String> push = new ArrayList<>(lines);
        push.add("** end");
        peer.push(push.toArray(String[]::new));
    }

    private static DeviceException failure(CompletableFuture<?> f) {
        await().atMost(Duration.ofSeconds(5)).until(f::isDone);
        assertThat(f).isCompletedExceptionally();
        return DeviceException.unwrap(f.handle((v, e) -> e).join());
    }

    // ---- session ----

    @Test
    void logsInWithTheConfiguredCredentialsAndReadsTheCalls() {
        peer.requireLogin("admin", "s3cret");
        XapiCodec codec = codec(peer.port(), Optional.of("admin"), Optional.of("s3cret"), POLL);
        awaitStatus(codec, DeviceStatus.ONLINE);
        assertThat(peer.count("s3cret")).isEqualTo(1);
        assertThat(peer.received()).contains("admin", "echo off");
        assertThat(peer.received()).anyMatch(l -> l.startsWith("xFeedback Register /Status/Call | resultId=\""));
        assertThat(peer.received()).anyMatch(l -> l.startsWith("xStatus Call | resultId=\""));
        assertThat(call(codec, "state")).isEqualTo("idle");
    }

    @Test
    void wrongPasswordIsOfflineAndNotRetriedAtOnce() {
        peer.requireLogin("admin", "s3cret");
        XapiCodec codec = codec(peer.port(), Optional.of("admin"), Optional.of("wrong"), Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(5))
                .until(() -> "login incorrect".equals(codec.state().reason()));
        assertThat(codec.state().status()).isEqualTo(DeviceStatus.OFFLINE);
        // The codec prints "login:" again at once; the driver must not answer it with the same password.
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> peer.count("wrong") == 1);
    }

    @Test
    void loginWithoutAConfiguredUserIsOfflineWithAReason() {
        peer.requireLogin("admin", "s3cret");
        XapiCodec codec = codec(peer.port(), Optional.empty(), Optional.empty(), POLL);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> String.valueOf(codec.state().reason()).contains("no username is configured"));
    }

    @Test
    void switchesEchoOffAndIgnoresTheEcho() {
        XapiCodec codec = onlineCodec();
        assertThat(peer.received()).contains("echo off");
        peer.answer("xCommand Dial", c -> List.of("*r DialResult (status=OK):", "*r DialResult CallId: 5"));
        assertThat(codec.dial("sip:room-b@example.org"))
                .succeedsWithin(Duration.ofSeconds(2))
                .isEqualTo(5);
    }

    @Test
    void firmwareWithoutEchoOffGetsXPreferences() {
        peer.knowsEchoOff = false;
        XapiCodec codec = onlineCodec();
        List<String> got = peer.received();
        assertThat(got).containsSubsequence("echo off", "xPreferences Echo Off");
        assertThat(codec.state().status()).isEqualTo(DeviceStatus.ONLINE);
    }

    @Test
    void firmwareThatPrintsNothingForEchoOffStillComesOnline() {
        peer.quietEchoOff = true;
        // The set-up waits one command timeout for an answer that never comes: the checks must
        // come less often than that, as with the defaults (10 s checks, 5 s timeout).
        XapiCodec codec = codec(peer.port(), Optional.empty(), Optional.empty(), TIMEOUT.multipliedBy(2));
        awaitStatus(codec, DeviceStatus.ONLINE);
        assertThat(peer.received()).contains("echo off").doesNotContain("xPreferences Echo Off");
        assertThat(codec.refresh()).succeedsWithin(Duration.ofSeconds(2));
    }

    // ---- commands and answers ----

    @Test
    void dialCompletesWithTheCallIdOfItsOwnTaggedAnswer() {
        XapiCodec codec = onlineCodec();
        peer.answer("xCommand Dial", c -> {
            // a feedback push of the new call arrives before the tagged answer
            peer.push("*s Call 2 Status: Dialling", "*s Call 2 Direction: Outgoing", "** end");
            return List.of("*r DialResult (status=OK):", "*r DialResult CallId: 2", "*r DialResult ConferenceId: 1");
        });
        peer.callStatus = List.of("*s Call 2 Status: Dialling", "*s Call 2 Direction: Outgoing");
        assertThat(codec.dial("sip:room-b@example.org"))
                .succeedsWithin(Duration.ofSeconds(2))
                .isEqualTo(2);
        assertThat(peer.received())
                .anyMatch(l -> l.matches("xCommand Dial Number: \"sip:room-b@example.org\" \\| resultId=\"\\d+\""));
        assertThat(call(codec, "state")).isEqualTo("dialling");
        assertThat(call(codec, "direction")).isEqualTo("outgoing");
        assertThat(call(codec, "callId")).isEqualTo(2);
    }

    @Test
    void okBeforeTheBlockIsUnderstood() {
        peer.okFirst = true;
        XapiCodec codec = onlineCodec();
        peer.answer("xCommand Dial", c -> List.of("*r DialResult (status=OK):", "*r DialResult CallId: 7"));
        assertThat(codec.dial("room-b@example.org"))
                .succeedsWithin(Duration.ofSeconds(2))
                .isEqualTo(7);
    }

    @Test
    void untaggedAnswersMatchTheOldestRequest() {
        peer.tagAnswers = false;
        XapiCodec codec = onlineCodec();
        peer.answer("xCommand Dial", c -> List.of("*r DialResult (status=OK):", "*r DialResult CallId: 8"));
        assertThat(codec.dial("room-b@example.org"))
                .succeedsWithin(Duration.ofSeconds(2))
                .isEqualTo(8);
    }

    @Test
    void unknownCommandFailsWithDeviceError() {
        XapiCodec codec = onlineCodec(); // the peer has no answer for Dial
        DeviceException e = failure(codec.dial("room-b@example.org"));
        assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_ERROR);
        assertThat(e.getMessage()).contains("did not recognise").contains("xCommand Dial");
        assertThat(codec.state().status()).isEqualTo(DeviceStatus.ONLINE);
    }

    @Test
    void errorResultFailsWithItsReason() {
        XapiCodec codec = onlineCodec();
        peer.answer(
                "xCommand Dial",
                c -> List.of("*r DialResult (status=Error):", "*r DialResult Reason: \"Unknown number\""));
        DeviceException e = failure(codec.dial("nobody@example.org"));
        assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_ERROR);
        assertThat(e.getMessage()).contains("Unknown number");
    }

    @Test
    void invalidNumberIsABadRequest() {
        XapiCodec codec = onlineCodec();
        assertThat(failure(codec.dial("a\"b")).code()).isEqualTo(ErrorCode.BAD_REQUEST);
    }

    @Test
    void acceptAnswersTheRingingCall() {
        XapiCodec codec = onlineCodec();
        codecHasCall(4, "Ringing", "Incoming", "room-a@example.org");
        await().atMost(Duration.ofSeconds(2)).until(() -> "ringing".equals(call(codec, "state")));
        assertThat(codec.accept()).succeedsWithin(Duration.ofSeconds(2));
        assertThat(peer.received()).anyMatch(l -> l.startsWith("xCommand Call Accept CallId: 4 | resultId="));
    }

    @Test
    void acceptWithNothingRingingFailsWhateverTheCodecSays() {
        XapiCodec codec = onlineCodec(); // the peer would answer Call Accept with OK
        DeviceException e = failure(codec.accept());
        assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_ERROR);
        assertThat(e.getMessage()).contains("no call is ringing");
        assertThat(peer.count("xCommand Call Accept")).isZero();
    }

    @Test
    void hangupNamesTheOnlyCall() {
        XapiCodec codec = onlineCodec();
        codecHasCall(3, "Connected", "Outgoing", "room-b@example.org");
        await().atMost(Duration.ofSeconds(2)).until(() -> "connected".equals(call(codec, "state")));
        assertThat(codec.hangup()).succeedsWithin(Duration.ofSeconds(2));
        assertThat(peer.received()).anyMatch(l -> l.startsWith("xCommand Call Disconnect CallId: 3 | resultId="));
    }

    @Test
    void hangupWithoutKnownCallsHangsUpAll() {
        XapiCodec codec = onlineCodec();
        assertThat(codec.hangup()).succeedsWithin(Duration.ofSeconds(2));
        assertThat(peer.received()).anyMatch(l -> l.startsWith("xCommand Call Disconnect | resultId="));
    }

    // ---- feedback ----

    @Test
    void feedbackPushesUpdateTheCallProperty() {
        XapiCodec codec = onlineCodec();
        codecHasCall(6, "Connecting", "Outgoing", "room-b@example.org");
        await().atMost(Duration.ofSeconds(2)).until(() -> "connecting".equals(call(codec, "state")));
        assertThat(call(codec, "peer")).isEqualTo("room-b@example.org");
        peer.callStatus = List.of("*s Call 6 Status: Connected");
        peer.push("*s Call 6 Status: Connected", "** end");
        await().atMost(Duration.ofSeconds(2)).until(() -> "connected".equals(call(codec, "state")));
        peer.callStatus = List.of();
        peer.push(
                "*s Call 6 (ghost=True):",
                "** end",
                "*e CallDisconnect CallId: 6 CauseValue: 0 CauseType: RemoteDisconnect",
                "** end");
        await().atMost(Duration.ofSeconds(2)).until(() -> "idle".equals(call(codec, "state")));
        assertThat(call(codec, "peer")).isNull();
    }

    // ---- acceptFrom ----

    @Test
    void acceptFromArmedBeforeTheRingAcceptsWhenItRings() {
        XapiCodec codec = onlineCodec();
        CompletableFuture<Void> accepted = codec.acceptFrom("sip:Room-A@example.org", Duration.ofSeconds(3));
        await().during(Duration.ofMillis(300)).atMost(Duration.ofSeconds(1)).until(() -> !accepted.isDone());
        codecHasCall(9, "Ringing", "Incoming", "room-a@example.org");
        assertThat(accepted).succeedsWithin(Duration.ofSeconds(2));
        assertThat(peer.received()).anyMatch(l -> l.startsWith("xCommand Call Accept CallId: 9 | resultId="));
    }

    @Test
    void acceptFromAfterTheRingAcceptsAtOnce() {
        XapiCodec codec = onlineCodec();
        codecHasCall(10, "Ringing", "Incoming", "room-a@example.org");
        await().atMost(Duration.ofSeconds(2)).until(() -> "ringing".equals(call(codec, "state")));
        assertThat(codec.acceptFrom("room-a@example.org", Duration.ofSeconds(3)))
                .succeedsWithin(Duration.ofSeconds(2));
        assertThat(peer.received()).anyMatch(l -> l.startsWith("xCommand Call Accept CallId: 10 | resultId="));
    }

    @Test
    void acceptFromTimesOutWhenNoSuchCallRings() {
        XapiCodec codec = onlineCodec();
        codecHasCall(11, "Ringing", "Incoming", "room-c@example.org"); // someone else
        DeviceException e = failure(codec.acceptFrom("room-a@example.org", Duration.ofMillis(400)));
        assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
        assertThat(e.getMessage()).contains("room-a@example.org");
        assertThat(peer.count("xCommand Call Accept")).isZero();
    }

    // ---- supervision ----

    @Test
    void silenceMakesItOfflineAndAnAnswerBringsItBack() {
        XapiCodec codec = onlineCodec();
        peer.silent = true;
        await().atMost(Duration.ofSeconds(5)).until(() -> history.stream()
                .anyMatch(s -> s.status() == DeviceStatus.OFFLINE
                        && String.valueOf(s.reason()).contains("no answer to 3 status checks")));
        long readsBefore = peer.count("xStatus Call");
        peer.silent = false;
        awaitStatus(codec, DeviceStatus.ONLINE);
        await().atMost(Duration.ofSeconds(2)).until(() -> peer.count("xStatus Call") > readsBefore);
    }

    @Test
    void connectionRefusedIsOfflineWithTheReason() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort(); // closed again: nothing listens there
        }
        XapiCodec codec = codec(port, Optional.empty(), Optional.empty(), POLL);
        await().atMost(Duration.ofSeconds(5))
                .until(() -> String.valueOf(codec.state().reason()).contains("connection refused"));
        assertThat(codec.state().status()).isEqualTo(DeviceStatus.OFFLINE);
        assertThat(failure(codec.dial("room-b@example.org")).code()).isEqualTo(ErrorCode.DEVICE_OFFLINE);
    }

    @Test
    void droppedLinkIsOfflineThenLoggedInAgain() throws IOException {
        peer.requireLogin("admin", "s3cret");
        XapiCodec codec = codec(peer.port(), Optional.of("admin"), Optional.of("s3cret"), POLL);
        awaitStatus(codec, DeviceStatus.ONLINE);
        peer.dropClient();
        await().atMost(Duration.ofSeconds(5)).until(() -> peer.connections() == 2);
        awaitStatus(codec, DeviceStatus.ONLINE);
        assertThat(peer.count("s3cret")).isEqualTo(2);
    }
}
