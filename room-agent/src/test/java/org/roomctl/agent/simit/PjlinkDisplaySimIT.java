package org.roomctl.agent.simit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.roomctl.agent.simit.Driven.done;
import static org.roomctl.agent.simit.Driven.failure;

import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.roomctl.agent.device.DeviceException;
import org.roomctl.agent.pjlink.PjlinkDisplay;
import org.roomctl.contract.ErrorCode;
import org.roomctl.contract.state.DeviceState;
import org.roomctl.contract.state.DeviceStatus;
import org.roomctl.sim.pjlink.DisplayState;
import org.roomctl.sim.pjlink.PjlinkSimulator;
import org.roomctl.sim.runtime.DeviceSimulator;

/**
 * The PJLink driver against the simulated display over TCP (the only transport PJLink has), with
 * and without authentication.
 */
class PjlinkDisplaySimIT {
    static final String ROOM = "displays";

    SimRig rig;

    @BeforeEach
    void start() throws Exception {
        rig = SimRig.start("displays.yaml");
    }

    @AfterEach
    void stop() throws Exception {
        rig.close();
    }

    private Driven<PjlinkDisplay> display(String id) {
        return rig.drive(rig.config(ROOM, id), PjlinkDisplay::new).awaitOnline("power");
    }

    private DeviceSimulator sim(String id) {
        return rig.sim(ROOM, id);
    }

    private DisplayState seen(String id) {
        return sim(id).state(DisplayState.class);
    }

    @ParameterizedTest
    @ValueSource(strings = {"display-open", "display-locked"})
    void warmUpInputMuteAndCoolDownWithAndWithoutAPassword(String id) {
        sim(id).setFaults(Map.of("warmUpMillis", 1200, "coolDownMillis", 800));
        Driven<PjlinkDisplay> display = display(id);
        int mark = display.mark();
        assertThat(display.property("power")).isEqualTo("off");
        display.awaitProperty("manufacturer", "ROOMCTL"); // the rest of what it reports is read too
        assertThat(display.state().properties())
                .containsEntry("model", "SimDisplay 1")
                .containsEntry("pjlinkClass", "1")
                .containsEntry("name", "Displays " + id);

        done(display.device.power(true));
        assertThat(seen(id).power()).isEqualTo("warming up");
        display.awaitProperty("power", "warming");
        DeviceException warming = failure(display.device.input("hdmi2"));
        assertThat(warming.code()).isEqualTo(ErrorCode.BUSY);
        assertThat(warming.getMessage()).contains("warming up");
        assertThat(failure(display.device.mute(true)).code()).isEqualTo(ErrorCode.BUSY);
        assertThat(seen(id).input()).isEqualTo(31);
        assertThat(seen(id).videoMuted()).isFalse();

        display.awaitProperty("power", "on"); // asked again soon while warming, not at the next check
        assertThat(seen(id).power()).isEqualTo("on");
        done(display.device.input("hdmi2"));
        assertThat(seen(id).input()).isEqualTo(32);
        assertThat(display.property("input")).isEqualTo("hdmi2");
        done(display.device.mute(true));
        assertThat(seen(id).videoMuted()).isTrue();
        assertThat(seen(id).audioMuted()).isTrue();
        assertThat(display.property("mute")).isEqualTo(true);
        done(display.device.mute(false));
        assertThat(seen(id).videoMuted()).isFalse();
        assertThat(display.property("mute")).isEqualTo(false);

        done(display.device.power(false));
        assertThat(seen(id).power()).isEqualTo("cooling");
        display.awaitProperty("power", "cooling");
        DeviceException cooling = failure(display.device.input("hdmi1"));
        assertThat(cooling.code()).isEqualTo(ErrorCode.BUSY);
        assertThat(cooling.getMessage()).contains("cooling down");
        display.awaitProperty("power", "off");
        assertThat(seen(id).power()).isEqualTo("standby");
        assertThat(seen(id).input()).isEqualTo(32);
        assertThat(display.statusesSince(mark)).containsOnly(DeviceStatus.ONLINE);
    }

    @Test
    void aWrongPasswordIsOfflineWithTheReasonAndNothingReachesTheDisplay() throws Exception {
        Driven<PjlinkDisplay> display = rig.drive(
                rig.config(ROOM, "display-locked", Map.of("DISPLAY_PASSWORD", "not-the-password")), PjlinkDisplay::new);

        await().atMost(Driven.WAIT)
                .until(() -> display.status() == DeviceStatus.OFFLINE
                        && "wrong PJLink password".equals(display.state().reason()));
        DeviceException refused = failure(display.device.power(true));
        assertThat(refused.code()).isEqualTo(ErrorCode.DEVICE_OFFLINE);
        assertThat(refused.getMessage()).contains("wrong PJLink password");
        assertThat(seen("display-locked").power()).isEqualTo("standby");
        assertThat(seen("display-locked").lastCommand())
                .as("no command got through")
                .isEmpty();
        assertThat(display.states).extracting(DeviceState::status).doesNotContain(DeviceStatus.ONLINE);
    }

    /**
     * A refused password stays the published reason while the driver reconnects (see the {@code
     * stuck} reason in AbstractDevice).
     */
    @Test
    void aWrongPasswordKeepsItsReasonWhileTheLinkIsReopened() throws Exception {
        Driven<PjlinkDisplay> display = rig.drive(
                rig.config(ROOM, "display-locked", Map.of("DISPLAY_PASSWORD", "not-the-password")), PjlinkDisplay::new);
        await().atMost(Driven.WAIT)
                .until(() -> display.states.stream().anyMatch(s -> "wrong PJLink password".equals(s.reason())));
        int mark = display.mark();

        Thread.sleep(4000); // several refusals and reconnects

        assertThat(display.statesSince(mark)).isNotEmpty().allSatisfy(s -> assertThat(s.reason())
                .contains("wrong PJLink password"));
    }

    @Test
    void aDeviceFailureIsAnErrorAndTheDisplayIsDegradedUntilItClears() {
        Driven<PjlinkDisplay> display = display("display-open");
        sim("display-open").setFaults(Map.of("deviceFailure", true));

        DeviceException failed = failure(display.device.power(true));
        assertThat(failed.code()).isEqualTo(ErrorCode.DEVICE_ERROR);
        assertThat(failed.getMessage()).contains("ERR4");
        assertThat(seen("display-open").power()).isEqualTo("standby");
        assertThat(seen("display-open").errorStatus()).isEqualTo("000002");
        DeviceState degraded = display.awaitStatus(DeviceStatus.DEGRADED);
        assertThat(degraded.reason()).isEqualTo("display reports other error");
        display.awaitProperty("errors", Map.of("other", "error"));

        sim("display-open").setFaults(Map.of("deviceFailure", false));
        display.awaitStatus(DeviceStatus.ONLINE);
        display.awaitProperty("errors", null);
        done(display.device.power(true));
        assertThat(seen("display-open").power()).isIn("warming up", "on");
    }

    @Test
    void aLampErrorIsDegradedNamingTheLampAndAWarningIsOnlyReported() {
        Driven<PjlinkDisplay> display = display("display-open");

        sim("display-open").setFaults(Map.of("errorStatus", "020000"));
        DeviceState degraded = display.awaitStatus(DeviceStatus.DEGRADED);
        assertThat(degraded.reason()).isEqualTo("display reports lamp error");
        display.awaitProperty("errors", Map.of("lamp", "error"));
        done(display.device.power(true)); // degraded, not unusable
        assertThat(seen("display-open").power()).isEqualTo("warming up");

        sim("display-open").setFaults(Map.of("errorStatus", "001000"));
        display.awaitProperty("errors", Map.of("temperature", "warning"));
        assertThat(display.awaitStatus(DeviceStatus.ONLINE).reason()).isNull();

        sim("display-open").setFaults(Map.of("errorStatus", "000000"));
        display.awaitProperty("errors", null);
        assertThat(display.status()).isEqualTo(DeviceStatus.ONLINE);
    }

    @Test
    void aDisplayHangingUpIdleConnectionsDoesNotFlapOfflineAndStillTakesCommands() throws Exception {
        rig.log.debug(PjlinkSimulator.class.getName());
        sim("display-idle").setFaults(Map.of("idleDisconnectMillis", 700, "warmUpMillis", 0));
        Driven<PjlinkDisplay> display = display("display-idle"); // checked every 2 s
        int online = display.mark();

        Thread.sleep(4500); // two checks, and the display hangs up between them
        long hangUps = rig.log.count(PjlinkSimulator.class.getName(), "closing idle connection");
        assertThat(hangUps).as("the display hung up idle connections").isGreaterThanOrEqualTo(3);
        assertThat(display.statusesSince(online)).doesNotContain(DeviceStatus.OFFLINE);

        done(display.device.power(true));
        assertThat(seen("display-idle").power()).isEqualTo("on");
        Thread.sleep(1000); // idle again
        done(display.device.input("hdmi3"));
        assertThat(seen("display-idle").input()).isEqualTo(33);
        assertThat(display.property("input")).isEqualTo("hdmi3");
        assertThat(display.statusesSince(online)).doesNotContain(DeviceStatus.OFFLINE);
        assertThat(display.status()).isEqualTo(DeviceStatus.ONLINE);
    }
}
