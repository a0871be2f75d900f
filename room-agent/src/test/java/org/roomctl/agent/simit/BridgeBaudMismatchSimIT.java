package org.roomctl.agent.simit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.roomctl.agent.simit.Driven.done;
import static org.roomctl.agent.simit.Driven.failure;
import static org.roomctl.agent.simit.Driven.outcome;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.roomctl.agent.device.Device;
import org.roomctl.agent.device.DeviceException;
import org.roomctl.agent.visca.ViscaCamera;
import org.roomctl.agent.wolfprot.WolfVisionDocCam;
import org.roomctl.agent.xapi.XapiCodec;
import org.roomctl.contract.ErrorCode;
import org.roomctl.contract.state.DeviceState;
import org.roomctl.contract.state.DeviceStatus;
import org.roomctl.sim.runtime.DeviceSimulator;
import org.roomctl.sim.runtime.Endpoint;
import org.roomctl.sim.visca.ViscaState;
import org.roomctl.sim.wolfprot.DocCamState;
import org.roomctl.sim.xapi.CodecState;

/**
 * A serial bridge set to the wrong speed, as happens when someone resets an iTach: set through its
 * settings port, the bytes cross the serial cable garbled both ways. The driver sees garbage: the
 * device goes offline and commands fail, without an exception; set the speed back and the device
 * comes back by itself.
 */
class BridgeBaudMismatchSimIT {
    SimRig rig;

    @AfterEach
    void stop() throws Exception {
        if (rig != null) {
            rig.close();
        }
    }

    @Test
    void aCameraBehindABridgeAtTheWrongSpeed() throws Exception {
        rig = SimRig.start("cameras.yaml");
        DeviceSimulator sim = rig.sim("cameras", "camera-bridge");
        Driven<ViscaCamera> camera = rig.drive(rig.config("cameras", "camera-bridge"), ViscaCamera::new)
                .awaitOnline("zoom");

        wrongSpeedThenRight(sim, camera, 9600, () -> camera.device.zoomTo(5000));

        assertThat(sim.state(ViscaState.class).zoom()).isEqualTo(5000);
        camera.awaitProperty("zoom", 5000);
    }

    @Test
    void aDocumentCameraBehindABridgeAtTheWrongSpeed() throws Exception {
        rig = SimRig.start("doccams.yaml");
        DeviceSimulator sim = rig.sim("doccams", "doccam-bridge");
        Driven<WolfVisionDocCam> docCam = rig.drive(rig.config("doccams", "doccam-bridge"), WolfVisionDocCam::new)
                .awaitOnline("power");

        wrongSpeedThenRight(sim, docCam, 115200, () -> docCam.device.power(true));

        assertThat(sim.state(DocCamState.class).power()).isEqualTo("on");
        assertThat(docCam.property("power")).isEqualTo("on");
    }

    @Test
    void aCodecBehindABridgeAtTheWrongSpeed() throws Exception {
        rig = SimRig.start("codecs");
        DeviceSimulator sim = rig.sim("codec-bridge", "codec");
        Driven<XapiCodec> codec =
                rig.drive(rig.config("codec-bridge", "codec"), XapiCodec::new).awaitOnline("call");

        wrongSpeedThenRight(sim, codec, 115200, codec.device::refresh);

        assertThat(sim.state(CodecState.class).lastCommand()).startsWith("xStatus Call");
        done(codec.device.dial("sip:codec-pty@sim.example.org"));
        assertThat(sim.state(CodecState.class).calls()).hasSize(1);
        done(codec.device.hangup());
        assertThat(sim.state(CodecState.class).calls()).isEmpty();
    }

    /**
     * Sets the bridge to 19200 baud: the device goes offline because its answers are garbage, and a
     * command fails. Sets it back: the device comes back by itself and {@code command} works.
     */
    private static <T extends Device> void wrongSpeedThenRight(
            DeviceSimulator sim, Driven<T> driven, int rightBaud, Supplier<CompletableFuture<?>> command)
            throws Exception {
        Endpoint bridge = sim.endpoint();
        String right = "SERIAL,1:1," + rightBaud + ",FLOW_NONE,PARITY_NO";
        assertThat(SimRig.itach(bridge, "get_SERIAL,1:1")).isEqualTo(right);
        int mark = driven.mark();

        assertThat(SimRig.itach(bridge, "set_SERIAL,1:1,19200")).isEqualTo("SERIAL,1:1,19200,FLOW_NONE,PARITY_NO");
        assertThat(sim.endpoint().line()).isEqualTo("19200 8N1");

        DeviceState offline = driven.awaitStatus(DeviceStatus.OFFLINE);
        assertThat(offline.reason()).startsWith("no answer to 3 status checks");
        DeviceException failed = failure(command.get());
        assertThat(failed.code()).isIn(ErrorCode.DEVICE_OFFLINE, ErrorCode.TIMEOUT);
        assertThat(driven.statesSince(mark))
                .filteredOn(s -> s.status() == DeviceStatus.OFFLINE)
                .allSatisfy(s -> assertThat(s.reason()).isNotBlank());

        assertThat(SimRig.itach(bridge, "set_SERIAL,1:1," + rightBaud)).isEqualTo(right);
        driven.awaitStatus(DeviceStatus.ONLINE);
        await().atMost(Duration.ofSeconds(20)).until(() -> outcome(command.get()) == null);
    }
}
