package org.roomctl.agent.visca;

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
import org.roomctl.agent.device.Camera;
import org.roomctl.agent.device.DeviceException;
import org.roomctl.agent.device.DeviceRuntime;
import org.roomctl.agent.transport.Backoff;
import org.roomctl.agent.transport.TcpTransport;
import org.roomctl.contract.ErrorCode;
import org.roomctl.contract.config.DeviceConfig;
import org.roomctl.contract.config.DeviceTypes;
import org.roomctl.contract.config.SerialLine;
import org.roomctl.contract.config.TransportSpec;
import org.roomctl.contract.state.DeviceState;
import org.roomctl.contract.state.DeviceStatus;

/** ViscaCamera over a real TCP socket (a raw serial bridge) against a scripted camera. */
class ViscaCameraIT {
    static final String ADDRESS_SET = "88 30 01 FF";
    static final String IF_CLEAR = "88 01 00 01 FF";
    static final String POWER_INQUIRY = "81 09 04 00 FF";
    static final String ZOOM_INQUIRY = "81 09 04 47 FF";
    static final String PAN_TILT_INQUIRY = "81 09 06 12 FF";

    static final Duration POLL = Duration.ofMillis(200);
    static final Duration TIMEOUT = Duration.ofMillis(500);

    DeviceRuntime runtime;
    ScriptedPeer peer;
    ViscaCamera camera;
    final List<DeviceState> states = new CopyOnWriteArrayList<>();

    @BeforeEach
    void setUp() throws IOException {
        runtime = new DeviceRuntime(2, Clock.systemUTC());
        peer = new ScriptedPeer(ScriptedPeer.VISCA)
                .answer(ADDRESS_SET, "88 30 02 FF") // one camera on the chain
                .answer(IF_CLEAR, IF_CLEAR) // the broadcast comes back round
                .answer(POWER_INQUIRY, "90 50 02 FF") // on
                .answer(ZOOM_INQUIRY, "90 50 01 02 03 04 FF") // zoom 1234 hex
                .answer(PAN_TILT_INQUIRY, "90 50 0F 0F 0F 0F 00 00 01 00 FF"); // pan -1, tilt 16
    }

    @AfterEach
    void tearDown() throws IOException {
        if (camera != null) {
            camera.close();
        }
        peer.close();
        runtime.close();
    }

    // ---- connecting ----

    @Test
    void atConnectAddressesAndClearsTheChainThenReadsTheCamera() {
        startOnline();

        assertThat(peer.received()).startsWith(hex(ADDRESS_SET), hex(IF_CLEAR), hex(POWER_INQUIRY));
        await().untilAsserted(() -> assertThat(camera.state().properties())
                .containsEntry("power", "on")
                .containsEntry("zoom", 0x1234)
                .containsEntry("pan", -1)
                .containsEntry("tilt", 16));
    }

    @Test
    void aCameraMissingFromTheChainIsOfflineWithTheReason() {
        start(2, POLL, TIMEOUT); // only camera 1 answers the address set

        await().untilAsserted(() -> assertThat(states).anySatisfy(s -> assertThat(s.reason())
                .contains("found 1 camera(s) on the chain, so there is no camera 2")));
        assertThat(camera.state().status()).isEqualTo(DeviceStatus.OFFLINE);
    }

    @Test
    void connectionRefusedIsOfflineWithTheReason() throws IOException {
        int closedPort;
        try (ServerSocket s = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
            closedPort = s.getLocalPort();
        }
        camera = new ViscaCamera(config(closedPort, 1, POLL, TIMEOUT), transport(closedPort), runtime);
        camera.start();

        await().untilAsserted(() -> assertThat(camera.state().reason()).contains("connection refused"));
        assertThat(camera.state().status()).isEqualTo(DeviceStatus.OFFLINE);
        assertThat(failure(camera.recall(1)).code()).isEqualTo(ErrorCode.DEVICE_OFFLINE);
    }

    // ---- commands and sockets ----

    @Test
    void aRecallCompletesWhenTheMoveEndsAndThePositionIsReadAgain() throws Exception {
        startOnline();

        CompletableFuture<Void> recall = camera.recall(2);
        peer.expect("81 01 04 3F 02 02 FF").send("90 41 FF"); // ACK, socket 1
        barrier();
        assertThat(recall).as("done only on completion").isNotDone();

        peer.answer(PAN_TILT_INQUIRY, "90 50 01 00 00 00 0F 0F 0F 0E FF"); // pan 1000 hex = 4096, tilt -2
        peer.send("90 51 FF"); // completion, socket 1

        assertThat(recall).succeedsWithin(Duration.ofSeconds(5));
        assertThat(camera.state().properties()).containsEntry("preset", 2);
        await().untilAsserted(() -> assertThat(camera.state().properties())
                .containsEntry("pan", 4096)
                .containsEntry("tilt", -2));
    }

    @Test
    void aSecondCommandWaitsForTheFirstOnesAck() throws Exception {
        startOnline();

        CompletableFuture<Void> recall = camera.recall(1);
        CompletableFuture<Void> save = camera.save(4);
        peer.expect("81 01 04 3F 02 01 FF");
        peer.expectNothingWithin(Duration.ofMillis(200));
        peer.send("90 41 FF");
        peer.expect("81 01 04 3F 01 04 FF").send("90 42 FF 90 52 FF");

        assertThat(save).succeedsWithin(Duration.ofSeconds(5));
        assertThat(recall).isNotDone();
        peer.send("90 51 FF");
        assertThat(recall).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void twoCommandsCompleteOutOfOrder() {
        startOnline();

        CompletableFuture<Void> recall = camera.recall(1);
        peer.expect("81 01 04 3F 02 01 FF").send("90 41 FF");
        CompletableFuture<Void> zoom = camera.zoomTo(8000);
        peer.expect("81 01 04 47 01 0F 04 00 FF").send("90 42 FF"); // 8000 = 1F40 hex, ACK on socket 2

        peer.send("90 52 FF"); // the zoom ends first
        assertThat(zoom).succeedsWithin(Duration.ofSeconds(5));
        assertThat(recall).isNotDone();

        peer.send("90 51 FF");
        assertThat(recall).succeedsWithin(Duration.ofSeconds(5));
        assertThat(camera.state().properties()).containsEntry("preset", 1);
    }

    @Test
    void aFullBufferFailsTheCommandWithBusyAndTheRunningOnesGoOn() {
        startOnline();
        CompletableFuture<Void> recall = camera.recall(1);
        peer.expect("81 01 04 3F 02 01 FF").send("90 41 FF");
        CompletableFuture<Void> home = camera.home();
        peer.expect("81 01 06 04 FF").send("90 42 FF");

        CompletableFuture<Void> third = camera.move(Camera.Direction.LEFT, 5);
        peer.expect("81 01 06 01 05 05 01 03 FF").send("90 60 03 FF"); // command buffer full

        DeviceException busy = failure(third);
        assertThat(busy.code()).isEqualTo(ErrorCode.BUSY);
        assertThat(busy.getMessage()).contains("move left", "busy");
        peer.send("90 51 FF 90 52 FF");
        assertThat(recall).succeedsWithin(Duration.ofSeconds(5));
        assertThat(home).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void aSupersedingMoveCancelsTheFirst() {
        startOnline();
        CompletableFuture<Void> first = camera.recall(1);
        peer.expect("81 01 04 3F 02 01 FF").send("90 41 FF");

        CompletableFuture<Void> second = camera.recall(2);
        peer.expect("81 01 04 3F 02 02 FF").send("90 61 04 FF 90 42 FF"); // socket 1 cancelled, ACK socket 2

        DeviceException cancelled = failure(first);
        assertThat(cancelled.code()).isEqualTo(ErrorCode.DEVICE_ERROR);
        assertThat(cancelled.getMessage()).contains("recall preset 1", "cancelled by a later move");
        assertThat(second).isNotDone();
        peer.send("90 52 FF");
        assertThat(second).succeedsWithin(Duration.ofSeconds(5));
        assertThat(camera.state().properties()).containsEntry("preset", 2);
    }

    @Test
    void aCommandTheCameraCannotCarryOutNowFails() {
        startOnline();

        CompletableFuture<Void> zoom = camera.zoom(Camera.Zoom.IN, 3);
        peer.expect("81 01 04 07 23 FF").send("90 61 41 FF"); // not executable

        DeviceException e = failure(zoom);
        assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_ERROR);
        assertThat(e.getMessage()).contains("zoom in", "not executable now (camera in standby?)");
    }

    @Test
    void aSyntaxErrorFailsTheCommand() {
        startOnline();

        CompletableFuture<Void> home = camera.home();
        peer.expect("81 01 06 04 FF").send("90 60 02 FF");

        DeviceException e = failure(home);
        assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_ERROR);
        assertThat(e.getMessage()).contains("home", "syntax error");
    }

    @Test
    void aCompletionOrErrorForASocketNeverUsedIsIgnored() throws Exception {
        startOnline();
        CompletableFuture<Void> recall = camera.recall(3);
        peer.expect("81 01 04 3F 02 03 FF").send("90 41 FF");

        peer.send("90 52 FF"); // completion, socket 2: nothing of ours runs there
        peer.send("90 62 04 FF"); // cancelled, socket 2
        peer.send("A0 51 FF"); // camera 2's completion on socket 1
        barrier();

        assertThat(recall).isNotDone();
        assertThat(camera.state().status()).isEqualTo(DeviceStatus.ONLINE);
        peer.send("90 51 FF");
        assertThat(recall).succeedsWithin(Duration.ofSeconds(5));
    }

    @Test
    void garbageOnTheLineIsSkipped() {
        startOnline();

        CompletableFuture<Void> save = camera.save(7);
        peer.expect("81 01 04 3F 01 07 FF");
        peer.send("13 37 FF"); // noise up to a terminator
        peer.send("90 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 41 FF"); // 18 bytes: too long
        peer.sendByteByByte("90 41 FF 90 51 FF");

        assertThat(save).succeedsWithin(Duration.ofSeconds(5));
        assertThat(camera.state().status()).isEqualTo(DeviceStatus.ONLINE);
    }

    @Test
    void aCommandWithoutAnAnswerTimesOut() {
        startOnline();

        CompletableFuture<Void> save = camera.save(1);
        peer.expect("81 01 04 3F 01 01 FF"); // and no answer

        assertThat(failure(save).code()).isEqualTo(ErrorCode.TIMEOUT);
        assertThat(camera.state().status()).isEqualTo(DeviceStatus.ONLINE);
    }

    @Test
    void anAcknowledgedCommandWithoutCompletionTimesOut() {
        startOnline();

        CompletableFuture<Void> zoom = camera.zoom(Camera.Zoom.OUT, -1);
        peer.expect("81 01 04 07 03 FF").send("90 41 FF"); // and never a completion

        DeviceException e = failure(zoom);
        assertThat(e.code()).isEqualTo(ErrorCode.TIMEOUT);
        assertThat(e.getMessage()).contains("zoom out");
    }

    @Test
    void argumentsOutsideTheProtocolAreRefusedWithoutSending() {
        startOnline();

        assertThat(failure(camera.recall(16)).code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(failure(camera.zoomTo(16385)).code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(failure(camera.move(Camera.Direction.UP, 25)).code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(failure(camera.zoom(Camera.Zoom.IN, 8)).code()).isEqualTo(ErrorCode.BAD_REQUEST);
    }

    @Test
    void stopAndZoomStopReadThePositionAgain() throws Exception {
        startOnline();
        peer.answer(PAN_TILT_INQUIRY, "90 50 00 00 00 05 00 00 00 06 FF"); // pan 5, tilt 6
        peer.answer(ZOOM_INQUIRY, "90 50 00 00 0F 0F FF"); // zoom 255

        CompletableFuture<Void> move = camera.move(Camera.Direction.DOWN_RIGHT, 24);
        peer.expect("81 01 06 01 18 17 02 02 FF").send("90 41 FF 90 51 FF"); // tilt speed capped at 17 hex
        move.get(5, TimeUnit.SECONDS);
        CompletableFuture<Void> stop = camera.stop();
        peer.expect("81 01 06 01 01 01 03 03 FF").send("90 41 FF 90 51 FF");
        stop.get(5, TimeUnit.SECONDS);
        CompletableFuture<Void> zoomStop = camera.zoom(Camera.Zoom.STOP, -1);
        peer.expect("81 01 04 07 00 FF").send("90 41 FF 90 51 FF");
        zoomStop.get(5, TimeUnit.SECONDS);

        await().untilAsserted(() -> assertThat(camera.state().properties())
                .containsEntry("pan", 5)
                .containsEntry("tilt", 6)
                .containsEntry("zoom", 255));
    }

    @Test
    void powerStandbyAndOnCompleteOnTheCompletion() throws Exception {
        startOnline();

        CompletableFuture<Void> standby = camera.power(false);
        peer.expect("81 01 04 00 03 FF").send("90 41 FF");
        barrier();
        assertThat(standby).isNotDone();
        peer.send("90 51 FF");
        standby.get(5, TimeUnit.SECONDS);
        assertThat(camera.state().properties()).containsEntry("power", "standby");

        CompletableFuture<Void> on = camera.power(true);
        peer.expect("81 01 04 00 02 FF").send("90 41 FF 90 51 FF");
        on.get(5, TimeUnit.SECONDS);
        assertThat(camera.state().properties()).containsEntry("power", "on");
    }

    // ---- the camera coming and going ----

    @Test
    void aNetworkChangeMidSessionAddressesTheChainAgainAndRereadsTheCamera() {
        startOnline();
        CompletableFuture<Void> recall = camera.recall(5);
        peer.expect("81 01 04 3F 02 05 FF").send("90 41 FF");
        await().until(() -> peer.count(ZOOM_INQUIRY) >= 1);
        peer.answer(ZOOM_INQUIRY, "90 50 00 00 00 00 FF"); // the camera came back fully wide

        peer.send("90 38 FF"); // network change: the camera was power-cycled

        DeviceException e = failure(recall);
        assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_ERROR);
        assertThat(e.getMessage()).contains("network change");
        await().untilAsserted(() -> {
            assertThat(peer.count(ADDRESS_SET)).isEqualTo(2);
            assertThat(peer.count(IF_CLEAR)).isEqualTo(2);
            assertThat(camera.state().properties()).containsEntry("zoom", 0);
        });
        assertThat(camera.state().status()).isEqualTo(DeviceStatus.ONLINE);
    }

    @Test
    void silenceTakesTheCameraOfflineAndItIsReadAgainWhenItAnswers() {
        start(1, Duration.ofMillis(100), Duration.ofMillis(150));
        await().until(() -> camera.state().status() == DeviceStatus.ONLINE);

        peer.silent(true);
        await().untilAsserted(() -> assertThat(states).anySatisfy(s -> {
            assertThat(s.status()).isEqualTo(DeviceStatus.OFFLINE);
            assertThat(s.reason()).contains("no answer to 3 status checks in a row");
        }));
        assertThat(failure(camera.home()).code()).isEqualTo(ErrorCode.DEVICE_OFFLINE);
        int zoomReads = peer.count(ZOOM_INQUIRY);
        peer.answer(ZOOM_INQUIRY, "90 50 04 00 00 00 FF"); // zoomed in meanwhile: 16384

        peer.silent(false);

        await().untilAsserted(() -> {
            assertThat(camera.state().status()).isEqualTo(DeviceStatus.ONLINE);
            assertThat(camera.state().properties()).containsEntry("zoom", 16384);
        });
        assertThat(peer.count(ZOOM_INQUIRY)).isGreaterThan(zoomReads);
    }

    @Test
    void aLostConnectionFailsWhatIsOutstandingAndTheCameraReconnects() throws Exception {
        startOnline();
        CompletableFuture<Void> recall = camera.recall(1);
        peer.expect("81 01 04 3F 02 01 FF").send("90 41 FF");
        barrier();

        peer.drop();

        assertThat(failure(recall).code()).isEqualTo(ErrorCode.DEVICE_OFFLINE);
        await().untilAsserted(() -> assertThat(states).anySatisfy(s -> {
            assertThat(s.status()).isEqualTo(DeviceStatus.OFFLINE);
            assertThat(s.reason()).contains("connection closed");
        }));
        await().untilAsserted(() -> {
            assertThat(peer.connections()).isEqualTo(2);
            assertThat(camera.state().status()).isEqualTo(DeviceStatus.ONLINE);
        });
        assertThat(peer.count(ADDRESS_SET)).isEqualTo(2);
    }

    // ---- helpers ----

    void startOnline() {
        start(1, POLL, TIMEOUT);
        await().until(() -> camera.state().status() == DeviceStatus.ONLINE);
        await().until(() -> camera.state().properties().containsKey("pan"));
    }

    void start(int address, Duration poll, Duration timeout) {
        camera = new ViscaCamera(config(peer.port(), address, poll, timeout), transport(peer.port()), runtime);
        camera.addListener(states::add);
        camera.start();
    }

    /** Every byte the peer sent before this is processed once the refresh's answers are. */
    void barrier() throws Exception {
        camera.refresh().get(5, TimeUnit.SECONDS);
    }

    static DeviceConfig config(int port, int address, Duration poll, Duration timeout) {
        return new DeviceConfig(
                "camera",
                DeviceTypes.SONY_VISCA,
                new TransportSpec.Bridge("127.0.0.1", port, SerialLine.of(9600)),
                address,
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
                "bridge",
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

    static String hex(String hex) {
        return ScriptedPeer.hex(hex);
    }
}
