package org.roomctl.agent.simit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.roomctl.agent.simit.Driven.done;
import static org.roomctl.agent.simit.Driven.failure;
import static org.roomctl.agent.simit.Driven.outcome;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.roomctl.agent.device.Camera.Direction;
import org.roomctl.agent.device.Camera.Zoom;
import org.roomctl.agent.device.DeviceException;
import org.roomctl.agent.visca.ViscaCamera;
import org.roomctl.contract.ErrorCode;
import org.roomctl.contract.config.SerialLine;
import org.roomctl.contract.state.DeviceStatus;
import org.roomctl.sim.runtime.DeviceSimulator;
import org.roomctl.sim.visca.ViscaState;

/**
 * The VISCA driver against the simulated camera, over a real pseudo-terminal and a real raw serial
 * bridge at 9600 baud. Every test asserts both what the driver reports and what the camera did.
 */
class ViscaCameraSimIT {
    static final String ROOM = "cameras";

    SimRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = SimRig.start("cameras.yaml");
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    private Driven<ViscaCamera> camera(Wire wire) {
        return rig.drive(rig.config(ROOM, wire.device("camera")), ViscaCamera::new)
                .awaitOnline("power", "zoom", "pan", "tilt");
    }

    private DeviceSimulator sim(Wire wire) {
        return rig.sim(ROOM, wire.device("camera"));
    }

    private ViscaState seen(Wire wire) {
        return sim(wire).state(ViscaState.class);
    }

    @ParameterizedTest
    @EnumSource(names = {"PTY", "BRIDGE"})
    void powerZoomAndPanTiltReachTheCameraAndItsAnswersReachTheProperties(Wire wire) throws Exception {
        Driven<ViscaCamera> camera = camera(wire);
        assertThat(camera.state().properties())
                .containsEntry("power", "on")
                .containsEntry("zoom", 0)
                .containsEntry("pan", 0)
                .containsEntry("tilt", 0);

        done(camera.device.power(false));
        assertThat(seen(wire).power()).isEqualTo("standby");
        assertThat(camera.property("power")).isEqualTo("standby");
        DeviceException refused = failure(camera.device.zoomTo(1000));
        assertThat(refused.code()).isEqualTo(ErrorCode.DEVICE_ERROR);
        assertThat(refused.getMessage()).contains("not executable");
        assertThat(seen(wire).zoom()).isZero();
        done(camera.device.power(true));
        assertThat(seen(wire).power()).isEqualTo("on");
        assertThat(camera.property("power")).isEqualTo("on");

        // zoom to a position: done when there
        done(camera.device.zoomTo(6000));
        assertThat(seen(wire).zoom()).isEqualTo(6000);
        assertThat(seen(wire).moving()).isFalse();
        camera.awaitProperty("zoom", 6000);

        // zoom in until stopped: the position is then read back from the camera
        done(camera.device.zoom(Zoom.IN, 7));
        await().until(() -> seen(wire).zoom() > 7000);
        assertThat(seen(wire).moving()).isTrue();
        done(camera.device.zoom(Zoom.STOP, -1));
        ViscaState zoomStopped = seen(wire);
        assertThat(zoomStopped.moving()).isFalse();
        assertThat(zoomStopped.zoom()).isBetween(7000, 16384);
        camera.awaitProperty("zoom", zoomStopped.zoom());
        done(camera.device.zoom(Zoom.OUT, -1));
        await().until(() -> seen(wire).zoom() < zoomStopped.zoom() - 500);
        done(camera.device.zoom(Zoom.STOP, -1));
        camera.awaitProperty("zoom", seen(wire).zoom());

        // pan right until stopped
        done(camera.device.move(Direction.RIGHT, 10));
        await().until(() -> seen(wire).pan() > 200);
        assertThat(seen(wire).tilt()).isZero();
        done(camera.device.stop());
        ViscaState panStopped = seen(wire);
        assertThat(panStopped.moving()).isFalse();
        Thread.sleep(150); // a stopped camera stays where it is
        assertThat(seen(wire).pan()).isEqualTo(panStopped.pan());
        camera.awaitProperty("pan", panStopped.pan());

        // up and left together
        done(camera.device.move(Direction.UP_LEFT, 5));
        await().until(() -> seen(wire).tilt() > 100 && seen(wire).pan() < panStopped.pan() - 100);
        done(camera.device.stop());
        ViscaState upLeft = seen(wire);
        camera.awaitProperty("pan", upLeft.pan());
        camera.awaitProperty("tilt", upLeft.tilt());

        done(camera.device.home());
        assertThat(seen(wire).pan()).isZero();
        assertThat(seen(wire).tilt()).isZero();
        assertThat(seen(wire).moving()).isFalse();
        camera.awaitProperty("pan", 0);
        camera.awaitProperty("tilt", 0);
        assertThat(camera.status()).isEqualTo(DeviceStatus.ONLINE);
    }

    @ParameterizedTest
    @EnumSource(names = {"PTY", "BRIDGE"})
    void aPresetIsSavedInTheCameraAndARecallCompletesOnlyWhenTheMoveHasEnded(Wire wire) {
        Driven<ViscaCamera> camera = camera(wire);
        done(camera.device.zoomTo(4000));
        done(camera.device.move(Direction.DOWN_RIGHT, 20));
        await().until(() -> seen(wire).pan() > 1000);
        done(camera.device.stop());
        ViscaState there = seen(wire);

        done(camera.device.save(3));
        assertThat(seen(wire).presets()).containsEntry(3, new ViscaState.Preset(there.pan(), there.tilt(), 4000));
        assertThat(camera.property("preset")).isEqualTo(3);

        done(camera.device.home());
        done(camera.device.zoomTo(0));
        camera.awaitProperty("preset", null); // moved by other means: no longer at the preset
        sim(wire).setFaults(Map.of("moveTimeScale", 2.0)); // about a second

        long start = System.nanoTime();
        CompletableFuture<Void> recall = camera.device.recall(3);
        await().until(() -> seen(wire).moving());
        assertThat(recall).as("acknowledged, still moving").isNotDone();
        done(recall);
        ViscaState arrived = seen(wire);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(arrived.moving())
                .as("still moving when the recall completed")
                .isFalse();
        assertThat(new ViscaState.Preset(arrived.pan(), arrived.tilt(), arrived.zoom()))
                .isEqualTo(new ViscaState.Preset(there.pan(), there.tilt(), 4000));
        // at least the pan at full speed (2400 units/s), at twice the normal time
        assertThat(took).isGreaterThanOrEqualTo(Duration.ofMillis(there.pan() * 2000L / 2400));
        camera.awaitProperty("preset", 3);
        camera.awaitProperty("pan", there.pan());
        camera.awaitProperty("tilt", there.tilt());
        camera.awaitProperty("zoom", 4000);
    }

    @ParameterizedTest
    @EnumSource(names = {"PTY", "BRIDGE"})
    void bothSocketsBusyIsBusyAndTheCameraStaysOnline(Wire wire) throws Exception {
        Driven<ViscaCamera> camera = camera(wire);
        sim(wire).setFaults(Map.of("busySockets", 2));
        int mark = camera.mark();

        DeviceException busy = failure(camera.device.zoomTo(9000));
        assertThat(busy.code()).isEqualTo(ErrorCode.BUSY);
        assertThat(busy.getMessage()).contains("both command sockets are busy");
        assertThat(failure(camera.device.save(5)).code()).isEqualTo(ErrorCode.BUSY);
        assertThat(seen(wire).zoom()).isZero();
        assertThat(seen(wire).presets()).doesNotContainKey(5);
        assertThat(seen(wire).busySockets()).containsExactly(1, 2);

        Thread.sleep(1200); // three status checks: inquiries need no socket, so the camera answers them
        assertThat(camera.statusesSince(mark)).doesNotContain(DeviceStatus.OFFLINE);
        assertThat(camera.status()).isEqualTo(DeviceStatus.ONLINE);

        sim(wire).setFaults(Map.of("busySockets", 0));
        done(camera.device.zoomTo(9000));
        assertThat(seen(wire).zoom()).isEqualTo(9000);
    }

    @ParameterizedTest
    @EnumSource(names = {"PTY", "BRIDGE"})
    void aLaterMoveCancelsTheMoveInProgress(Wire wire) {
        Driven<ViscaCamera> camera = camera(wire);
        sim(wire).setFaults(Map.of("moveTimeScale", 0.0)); // set up instantly
        done(camera.device.move(Direction.RIGHT, 24));
        done(camera.device.stop());
        done(camera.device.zoomTo(8000));
        done(camera.device.save(1));
        done(camera.device.home());
        done(camera.device.zoomTo(0));
        assertThat(seen(wire).presets()).containsEntry(1, new ViscaState.Preset(2448, 0, 8000));

        sim(wire).setFaults(Map.of("moveTimeScale", 3.0)); // preset 1 is now three seconds away
        List<String> ended = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> first = camera.device.recall(1);
        first.whenComplete((v, e) -> ended.add("first"));
        await().until(() -> seen(wire).pan() > 200);
        CompletableFuture<Void> second = camera.device.recall(2); // never saved: home and wide
        second.whenComplete((v, e) -> ended.add("second"));

        DeviceException cancelled = failure(first);
        assertThat(cancelled.code()).isEqualTo(ErrorCode.DEVICE_ERROR);
        assertThat(cancelled.getMessage()).contains("recall preset 1").contains("cancelled by a later move");
        done(second);
        assertThat(ended).containsExactly("first", "second");
        ViscaState s = seen(wire);
        assertThat(s.moving()).isFalse();
        assertThat(List.of(s.pan(), s.tilt(), s.zoom())).containsExactly(0, 0, 0);
        assertThat(s.busySockets()).isEmpty();
        camera.awaitProperty("preset", 2);
        camera.awaitProperty("pan", 0);
        assertThat(camera.status()).isEqualTo(DeviceStatus.ONLINE);
    }

    @ParameterizedTest
    @EnumSource(names = {"PTY", "BRIDGE"})
    void twoMovesCompleteInTheOrderTheyEndNotTheOrderTheyStarted(Wire wire) {
        Driven<ViscaCamera> camera = camera(wire);
        sim(wire).setFaults(Map.of("moveTimeScale", 0.0));
        done(camera.device.move(Direction.RIGHT, 24));
        done(camera.device.stop());
        assertThat(seen(wire).pan()).isEqualTo(2448);

        sim(wire).setFaults(Map.of("moveTimeScale", 0.6));
        List<String> ended = new CopyOnWriteArrayList<>();
        CompletableFuture<Void> zoom = camera.device.zoomTo(16384); // 2 s of zoom: 1.2 s
        zoom.whenComplete((v, e) -> ended.add("zoom"));
        CompletableFuture<Void> home = camera.device.home(); // 1 s of pan: 0.6 s
        home.whenComplete((v, e) -> ended.add("home"));

        done(home);
        assertThat(zoom).as("the longer move, started first").isNotDone();
        ViscaState halfway = seen(wire);
        assertThat(halfway.pan()).isZero();
        assertThat(halfway.zoom()).isBetween(1, 16383);
        assertThat(halfway.moving()).isTrue();
        assertThat(halfway.busySockets()).hasSize(1);

        done(zoom);
        assertThat(ended).containsExactly("home", "zoom");
        ViscaState end = seen(wire);
        assertThat(end.zoom()).isEqualTo(16384);
        assertThat(end.moving()).isFalse();
        assertThat(end.busySockets()).isEmpty();
        camera.awaitProperty("zoom", 16384);
        camera.awaitProperty("pan", 0);
    }

    @ParameterizedTest
    @EnumSource(names = {"PTY", "BRIDGE"})
    void aPowerCycledCameraIsAddressedAndReadAgainAndStaysOnline(Wire wire) {
        Driven<ViscaCamera> camera = camera(wire);
        done(camera.device.zoomTo(5000));
        camera.awaitProperty("zoom", 5000);
        sim(wire).setFaults(Map.of("moveTimeScale", 4.0));
        CompletableFuture<Void> moving = camera.device.zoomTo(12000); // about three seconds
        await().until(() -> seen(wire).moving());
        int mark = camera.mark();

        sim(wire).powerCycle(); // 90 38 FF: the camera restarted at home and wide

        DeviceException interrupted = failure(moving);
        assertThat(interrupted.code()).isEqualTo(ErrorCode.DEVICE_ERROR);
        assertThat(interrupted.getMessage()).contains("network change");
        camera.awaitProperty("zoom", 0); // read again, not assumed
        assertThat(seen(wire).zoom()).isZero();
        assertThat(seen(wire).moving()).isFalse();
        assertThat(camera.statusesSince(mark)).doesNotContain(DeviceStatus.OFFLINE);

        // a camera left in standby comes back on after a power cycle: the driver reads that too
        sim(wire).setFaults(Map.of("moveTimeScale", 0.0));
        done(camera.device.power(false));
        camera.awaitProperty("power", "standby");
        sim(wire).powerCycle();
        camera.awaitProperty("power", "on");
        assertThat(seen(wire).power()).isEqualTo("on");

        done(camera.device.zoomTo(3000));
        assertThat(seen(wire).zoom()).isEqualTo(3000);
        assertThat(camera.status()).isEqualTo(DeviceStatus.ONLINE);
    }

    @ParameterizedTest
    @EnumSource(names = {"PTY", "BRIDGE"})
    void aRecallTakesAtLeastTheWireTimeOfItsRepliesAt9600Baud(Wire wire) throws Exception {
        Driven<ViscaCamera> camera = camera(wire);
        assertThat(sim(wire).endpoint().line()).isEqualTo("9600 8N1");
        sim(wire).setFaults(Map.of("moveTimeScale", 0.0)); // the move itself takes no time
        // ACK (90 41 FF) and completion (90 51 FF): six bytes of ten bits at 9600 baud
        Duration wireTime = Duration.ofNanos(SerialLine.of(9600).wireNanos(6));
        assertThat(wireTime).isGreaterThan(Duration.ofMillis(6));

        Duration paced = fastestRecall(camera);
        assertThat(paced).isGreaterThanOrEqualTo(wireTime);

        // the same exchange on an unpaced line is quicker: what was measured is the wire
        sim(wire).setFaults(Map.of("pacing", false));
        assertThat(fastestRecall(camera)).isLessThan(wireTime);
    }

    private static Duration fastestRecall(Driven<ViscaCamera> camera) throws InterruptedException {
        Duration fastest = Duration.ofDays(1);
        for (int i = 0; i < 8; i++) {
            Thread.sleep(60); // let the reads after the last recall finish: one request on the wire at a time
            long start = System.nanoTime();
            done(camera.device.recall(i % 2));
            Duration took = Duration.ofNanos(System.nanoTime() - start);
            fastest = took.compareTo(fastest) < 0 ? took : fastest;
        }
        return fastest;
    }

    @ParameterizedTest
    @EnumSource(names = {"PTY", "BRIDGE"})
    void droppedAndGarbledBytesCostCommandsButNoExceptionAndTheDriverResynchronises(Wire wire) throws Exception {
        Driven<ViscaCamera> camera = camera(wire);
        sim(wire).setFaults(Map.of("moveTimeScale", 0.0));
        sim(wire).setFaults(Map.of("dropProbability", 0.1, "garbleProbability", 0.1, "seed", 42));

        List<CompletableFuture<Void>> noisy = new ArrayList<>();
        for (int i = 0; i < 12; i++) {
            // commands with the plain command timeout (not a move's), so the test does not wait long
            noisy.add(i % 2 == 0 ? camera.device.save(i) : camera.device.zoom(Zoom.STOP, -1));
            Thread.sleep(100);
        }
        List<DeviceException> failed = new ArrayList<>();
        for (CompletableFuture<Void> f : noisy) {
            DeviceException e = outcome(f); // anticipated failures only, never INTERNAL
            if (e != null) {
                failed.add(e);
            }
        }
        assertThat(failed).as("the noise cost some commands").isNotEmpty();
        assertThat(failed)
                .extracting(DeviceException::code)
                .allMatch(c -> c == ErrorCode.TIMEOUT
                        || c == ErrorCode.DEVICE_ERROR
                        || c == ErrorCode.DEVICE_OFFLINE
                        || c == ErrorCode.BUSY);

        sim(wire).setFaults(Map.of("dropProbability", 0.0, "garbleProbability", 0.0));
        await().atMost(Duration.ofSeconds(30)).until(() -> outcome(camera.device.zoomTo(7777)) == null);
        assertThat(seen(wire).zoom()).isEqualTo(7777);
        camera.awaitStatus(DeviceStatus.ONLINE);
        done(camera.device.home());
        camera.awaitProperty("zoom", 7777);
        camera.awaitProperty("pan", 0);
    }

    @ParameterizedTest
    @EnumSource(names = {"PTY", "BRIDGE"})
    void aDroppedConnectionIsOfflineWithAReasonAndComesBackByItself(Wire wire) {
        Driven<ViscaCamera> camera = camera(wire);
        int mark = camera.mark();

        sim(wire).dropConnection();

        await().atMost(Driven.WAIT).until(() -> camera.statusesSince(mark).contains(DeviceStatus.OFFLINE));
        assertThat(camera.statesSince(mark))
                .filteredOn(s -> s.status() == DeviceStatus.OFFLINE)
                .allSatisfy(s -> assertThat(s.reason()).isNotBlank());
        camera.awaitStatus(DeviceStatus.ONLINE);
        done(camera.device.zoomTo(2000));
        assertThat(seen(wire).zoom()).isEqualTo(2000);
    }

    @ParameterizedTest
    @EnumSource(names = {"PTY", "BRIDGE"})
    void anUnpluggedCameraIsOfflineWithAReasonAndComesBackWhenPluggedIn(Wire wire) throws Exception {
        Driven<ViscaCamera> camera = camera(wire);

        sim(wire).unplug();
        String reason = wire == Wire.PTY ? "does not exist" : "connection refused";
        await().atMost(Driven.WAIT)
                .until(() -> camera.status() == DeviceStatus.OFFLINE
                        && camera.state().reason().contains(reason));
        DeviceException refused = failure(camera.device.zoomTo(100));
        assertThat(refused.code()).isEqualTo(ErrorCode.DEVICE_OFFLINE);
        assertThat(refused.getMessage()).contains(reason);

        sim(wire).plug();
        camera.awaitStatus(DeviceStatus.ONLINE);
        done(camera.device.zoomTo(100));
        assertThat(seen(wire).zoom()).isEqualTo(100);
    }
}
