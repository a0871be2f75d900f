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
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.roomctl.agent.device.DeviceException;
import org.roomctl.agent.wolfprot.WolfVisionDocCam;
import org.roomctl.contract.ErrorCode;
import org.roomctl.contract.state.DeviceState;
import org.roomctl.contract.state.DeviceStatus;
import org.roomctl.sim.runtime.DeviceSimulator;
import org.roomctl.sim.wolfprot.DocCamState;

/**
 * The WolfProt driver against the simulated document camera over every transport it takes: a
 * pseudo-terminal, a raw serial bridge and plain TCP.
 */
class WolfVisionDocCamSimIT {
    static final String ROOM = "doccams";

    SimRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = SimRig.start("doccams.yaml");
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    private Driven<WolfVisionDocCam> docCam(Wire wire) {
        return rig.drive(rig.config(ROOM, wire.device("doccam")), WolfVisionDocCam::new)
                .awaitOnline("power");
    }

    private DeviceSimulator sim(Wire wire) {
        return rig.sim(ROOM, wire.device("doccam"));
    }

    private String seenPower(Wire wire) {
        return sim(wire).state(DocCamState.class).power();
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void powerOnAndOffReachTheCameraAndItsPowerIsReadBack(Wire wire) {
        Driven<WolfVisionDocCam> docCam = docCam(wire);
        assertThat(docCam.property("power")).isEqualTo("off"); // a camera comes up switched off
        assertThat(seenPower(wire)).isEqualTo("off");

        done(docCam.device.power(true));
        assertThat(seenPower(wire)).isEqualTo("on");
        assertThat(docCam.property("power")).isEqualTo("on");
        assertThat(sim(wire).state(DocCamState.class).lastCommand()).isEqualTo("01 30 01 01");

        done(docCam.device.power(false));
        assertThat(seenPower(wire)).isEqualTo("off");
        assertThat(docCam.property("power")).isEqualTo("off");

        // switched on, then off at the mains behind the driver's back: the status check sees it
        done(docCam.device.power(true));
        sim(wire).powerCycle();
        docCam.awaitProperty("power", "off");
        assertThat(sim(wire).state(DocCamState.class).lastCommand()).isEqualTo("00 30 00");
        assertThat(docCam.status()).isEqualTo(DeviceStatus.ONLINE);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void whileThePowerIsSwitchingPowerCommandsAreBusy(Wire wire) throws Exception {
        Driven<WolfVisionDocCam> docCam = docCam(wire);
        sim(wire).setFaults(Map.of("powerTransitionMillis", 1000));
        int mark = docCam.mark();

        done(docCam.device.power(true));
        assertThat(seenPower(wire)).isEqualTo("switching on");
        DeviceException busy = failure(docCam.device.power(false));
        assertThat(busy.code()).isEqualTo(ErrorCode.BUSY);
        assertThat(busy.getMessage()).contains("busy");
        assertThat(failure(docCam.device.refresh()).code()).isEqualTo(ErrorCode.BUSY);
        assertThat(seenPower(wire)).isEqualTo("switching on");

        await().atMost(Duration.ofSeconds(3)).until(() -> seenPower(wire).equals("on"));
        done(docCam.device.power(false));
        assertThat(seenPower(wire)).isEqualTo("switching off");
        await().atMost(Duration.ofSeconds(3)).until(() -> seenPower(wire).equals("off"));
        docCam.awaitProperty("power", "off");
        // a busy answer is an answer: the camera was never taken for gone
        assertThat(docCam.statusesSince(mark)).containsOnly(DeviceStatus.ONLINE);
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void aSilentCameraIsOfflineAfterThreeUnansweredChecksAndComesBackByItself(Wire wire) {
        Driven<WolfVisionDocCam> docCam = docCam(wire);

        sim(wire).setFaults(Map.of("silent", true));
        DeviceState offline = docCam.awaitStatus(DeviceStatus.OFFLINE);

        assertThat(offline.reason()).isEqualTo("no answer to 3 status checks in a row");
        DeviceException refused = failure(docCam.device.power(true));
        assertThat(refused.code()).isEqualTo(ErrorCode.DEVICE_OFFLINE);
        assertThat(refused.getMessage()).contains("no answer to 3 status checks");
        assertThat(seenPower(wire)).isEqualTo("off");

        sim(wire).setFaults(Map.of("silent", false));
        docCam.awaitStatus(DeviceStatus.ONLINE);
        done(docCam.device.power(true));
        assertThat(seenPower(wire)).isEqualTo("on");
    }

    /**
     * A device is checked every poll interval and is offline after three unanswered checks, so a
     * device falling silent is offline within four intervals (up to one before the first check,
     * three checks).
     */
    @Test
    void aSilentCameraIsOfflineWithinThreeChecksOfOnePollIntervalEach() {
        Wire wire = Wire.TCP;
        Driven<WolfVisionDocCam> docCam = docCam(wire);
        Duration poll = rig.config(ROOM, wire.device("doccam")).pollInterval();
        rig.log.debug(WolfVisionDocCam.class.getName());

        long start = System.nanoTime();
        sim(wire).setFaults(Map.of("silent", true));
        docCam.awaitStatus(DeviceStatus.OFFLINE);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        assertThat(rig.log.count(WolfVisionDocCam.class.getName(), "unanswered"))
                .isEqualTo(3);
        assertThat(took).isLessThan(poll.multipliedBy(4).plusMillis(200));
    }

    @ParameterizedTest
    @EnumSource(Wire.class)
    void garbledRepliesCostCommandsButNoExceptionAndTheDriverResynchronises(Wire wire) throws Exception {
        Driven<WolfVisionDocCam> docCam = docCam(wire);
        sim(wire).setFaults(Map.of("garbleProbability", 0.3, "seed", 3));

        List<CompletableFuture<Void>> noisy = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            noisy.add(docCam.device.power(i % 2 == 0));
            Thread.sleep(80);
        }
        List<DeviceException> failed = new ArrayList<>();
        for (CompletableFuture<Void> f : noisy) {
            DeviceException e = outcome(f); // an anticipated failure or success, never INTERNAL
            if (e != null) {
                failed.add(e);
            }
        }
        assertThat(failed).as("the noise cost some commands").isNotEmpty();

        sim(wire).setFaults(Map.of("garbleProbability", 0.0));
        await().atMost(Duration.ofSeconds(20)).until(() -> outcome(docCam.device.power(true)) == null);
        assertThat(seenPower(wire)).isEqualTo("on");
        docCam.awaitStatus(DeviceStatus.ONLINE);
        done(docCam.device.power(false));
        assertThat(seenPower(wire)).isEqualTo("off");
        docCam.awaitProperty("power", "off");
    }
}
