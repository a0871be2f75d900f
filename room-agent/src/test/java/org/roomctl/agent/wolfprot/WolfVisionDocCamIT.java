package org.roomctl.agent.wolfprot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roomctl.agent.device.DeviceException;
import org.roomctl.agent.device.DeviceRuntime;
import org.roomctl.agent.transport.Backoff;
import org.roomctl.agent.transport.TcpTransport;
import org.roomctl.agent.visca.ScriptedPeer;
import org.roomctl.contract.ErrorCode;
import org.roomctl.contract.config.DeviceConfig;
import org.roomctl.contract.config.DeviceTypes;
import org.roomctl.contract.config.TransportSpec;
import org.roomctl.contract.state.DeviceState;
import org.roomctl.contract.state.DeviceStatus;

/** WolfVisionDocCam over a real TCP socket against a scripted visualiser. */
class WolfVisionDocCamIT {
    static final String GET_POWER = "00 30 00";
    static final String SET_POWER_ON = "01 30 01 01";
    static final String SET_POWER_OFF = "01 30 01 00";
    static final String SET_DONE = "01 30 00";

    static final Duration POLL = Duration.ofMillis(200);
    static final Duration TIMEOUT = Duration.ofMillis(500);

    DeviceRuntime runtime;
    ScriptedPeer peer;
    WolfVisionDocCam doccam;
    final List<DeviceState> states = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        runtime = new DeviceRuntime(2, Clock.systemUTC());
        peer = new ScriptedPeer(ScriptedPeer.WOLFPROT).answer(GET_POWER, "00 30 01 01"); // on
    }

    @AfterEach
    void tearDown() throws IOException {
        if (doccam != null) {
            doccam.close();
        }
        peer.close();
        runtime.close();
    }

    @Test
    void itIsOnlineOnceItAnswersAndReportsItsPower() {
        peer.answer(GET_POWER, "00 30 01 00"); // off
        start(POLL, TIMEOUT);

        await().untilAsserted(() -> {
            assertThat(doccam.state().status()).isEqualTo(DeviceStatus.ONLINE);
            assertThat(doccam.state().properties()).containsEntry("power", "off");
        });
        assertThat(peer.received()).first().isEqualTo(GET_POWER);
    }

    @Test
    void powerOnCompletesOnTheSetReply() {
        startOnline();

        CompletableFuture<Void> on = doccam.power(true);
        peer.expect(SET_POWER_ON).send(SET_DONE);

        assertThat(on).succeedsWithin(Duration.ofSeconds(5));
        assertThat(doccam.state().properties()).containsEntry("power", "on");
    }

    @Test
    void powerOffWithTheReplyOneByteAtATime() {
        startOnline();

        peer.answer(GET_POWER, "00 30 01 00"); // status checks see it off from now on
        CompletableFuture<Void> off = doccam.power(false);
        peer.expect(SET_POWER_OFF).sendByteByByte(SET_DONE);

        assertThat(off).succeedsWithin(Duration.ofSeconds(5));
        assertThat(doccam.state().properties()).containsEntry("power", "off");
    }

    @Test
    void errorRepliesFailTheCommandWithTheErrorsName() {
        startOnline();

        DeviceException invalid = refusedWith("81 30 03");
        assertThat(invalid.code()).isEqualTo(ErrorCode.DEVICE_ERROR);
        assertThat(invalid.getMessage()).contains("power on", "invalid parameter");

        DeviceException poweredOff = refusedWith("81 30 0B");
        assertThat(poweredOff.code()).isEqualTo(ErrorCode.DEVICE_ERROR);
        assertThat(poweredOff.getMessage()).contains("powered off");

        DeviceException busy = refusedWith("81 30 09");
        assertThat(busy.code()).isEqualTo(ErrorCode.BUSY);
        assertThat(busy.getMessage()).contains("busy");

        assertThat(refusedWith("81 30 05").code()).isEqualTo(ErrorCode.BUSY); // buffer full
        assertThat(doccam.state().properties()).as("unchanged by failures").containsEntry("power", "on");
        assertThat(doccam.state().status()).isEqualTo(DeviceStatus.ONLINE);
    }

    @Test
    void oneRequestAtATime() throws Exception {
        startOnline();

        CompletableFuture<Void> on = doccam.power(true);
        CompletableFuture<Void> off = doccam.power(false);
        peer.expect(SET_POWER_ON);
        peer.expectNothingWithin(Duration.ofMillis(200));
        peer.send(SET_DONE);
        assertThat(on).succeedsWithin(Duration.ofSeconds(5));
        peer.answer(GET_POWER, "00 30 01 00"); // status checks see it off from now on
        peer.expect(SET_POWER_OFF).send(SET_DONE);

        assertThat(off).succeedsWithin(Duration.ofSeconds(5));
        assertThat(doccam.state().properties()).containsEntry("power", "off");
    }

    @Test
    void aReplyToSomethingElseDoesNotAnswerTheRequest() {
        startOnline();

        CompletableFuture<Void> on = doccam.power(true);
        peer.expect(SET_POWER_ON);
        peer.send("00 11 01 00"); // a GET reply for command 11: nobody asked
        peer.send("81 11 02"); // an error about command 11
        peer.send(SET_DONE);

        assertThat(on).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void aRequestWithoutAnswerTimesOutAndTheNextOneWorks() {
        startOnline();

        CompletableFuture<Void> on = doccam.power(true);
        peer.expect(SET_POWER_ON); // and no answer
        assertThat(failure(on).code()).isEqualTo(ErrorCode.TIMEOUT);

        CompletableFuture<Void> off = doccam.power(false);
        peer.expect(SET_POWER_OFF).send(SET_DONE);
        assertThat(off).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void aStrayByteThatSwallowsTheAnswerIsForgottenAfterTheTimeout() {
        startOnline();

        CompletableFuture<Void> on = doccam.power(true);
        peer.expect(SET_POWER_ON).send("01").send(SET_DONE); // 01 01 30: a frame of 30 hex data bytes begins
        assertThat(failure(on).code()).isEqualTo(ErrorCode.TIMEOUT);

        CompletableFuture<Void> off = doccam.power(false);
        peer.expect(SET_POWER_OFF).send(SET_DONE);
        assertThat(off).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void silenceTakesItOfflineAndItIsReadAgainWhenItAnswers() {
        start(Duration.ofMillis(100), Duration.ofMillis(150));
        await().until(() -> doccam.state().status() == DeviceStatus.ONLINE);

        peer.silent(true);
        await().untilAsserted(() -> assertThat(states).anySatisfy(s -> {
            assertThat(s.status()).isEqualTo(DeviceStatus.OFFLINE);
            assertThat(s.reason()).contains("no answer to 3 status checks in a row");
        }));
        assertThat(failure(doccam.power(true)).code()).isEqualTo(ErrorCode.DEVICE_OFFLINE);
        peer.answer(GET_POWER, "00 30 01 00"); // switched off at the unit meanwhile

        peer.silent(false);

        await().untilAsserted(() -> {
            assertThat(doccam.state().status()).isEqualTo(DeviceStatus.ONLINE);
            assertThat(doccam.state().properties()).containsEntry("power", "off");
        });
    }

    @Test
    void connectionRefusedIsOfflineWithTheReason() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        doccam = new WolfVisionDocCam(config(closedPort, POLL, TIMEOUT), transport(closedPort), runtime);
        doccam.start();

        await().untilAsserted(() -> assertThat(doccam.state().reason()).contains("connection refused"));
        assertThat(doccam.state().status()).isEqualTo(DeviceStatus.OFFLINE);
    }

    @Test
    void aLostConnectionFailsTheRequestAndItReconnects() throws Exception {
        startOnline();
        CompletableFuture<Void> on = doccam.power(true);
        peer.expect(SET_POWER_ON);

        peer.drop();

        assertThat(failure(on).code()).isEqualTo(ErrorCode.DEVICE_OFFLINE);
        await().untilAsserted(() -> {
            assertThat(peer.connections()).isEqualTo(2);
            assertThat(doccam.state().status()).isEqualTo(DeviceStatus.ONLINE);
        });
    }

    // ---- helpers ----

    DeviceException refusedWith(String errorReply) {
        CompletableFuture<Void> on = doccam.power(true);
        peer.expect(SET_POWER_ON).send(errorReply);
        return failure(on);
    }

    void startOnline() {
        start(POLL, TIMEOUT);
        await().until(() -> doccam.state().status() == DeviceStatus.ONLINE
                && doccam.state().properties().containsKey("power"));
    }

    void start(Duration poll, Duration timeout) {
        doccam = new WolfVisionDocCam(config(peer.port(), poll, timeout), transport(peer.port()), runtime);
        doccam.addListener(states::add);
        doccam.start();
    }

    static DeviceConfig config(int port, Duration poll, Duration timeout) {
        return new DeviceConfig(
                "doccam",
                DeviceTypes.WOLFVISION,
                new TransportSpec.Tcp("127.0.0.1", port),
                1,
                Optional.empty(),
                Optional.empty(),
                Optional.empty(),
                poll,
                timeout);
    }

    static TcpTransport transport(int port) {
        return new TcpTransport(
                "127.0.0.1",
                port,
                "tcp",
                new Backoff(Duration.ofMillis(20), Duration.ofMillis(100), RandomGenerator.getDefault()));
    }

    static DeviceException failure(CompletableFuture<?> future) {
        try {
            future.get(5, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            return DeviceException.unwrap(e);
        } catch (InterruptedException | TimeoutException e) {
            throw new AssertionError("no failure within 5 s", e);
        }
        throw new AssertionError("completed normally; a failure was expected");
    }
}
