package org.roomctl.fleet.recorder;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Clock;
import java.time.Duration;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.roomctl.contract.bus.BusMessage;
import org.roomctl.contract.bus.BusOptions;
import org.roomctl.fleet.Fleet;
import org.roomctl.fleet.FleetHarness;
import org.roomctl.fleet.FleetOptions;

/** An app instance records the real rooms' bus unless told not to. */
class FleetRecorderIT {
    @Test
    void anAppInstanceRecordsTheBusByDefault() throws Exception {
        try (FleetHarness h = new FleetHarness()) {
            Fleet app = h.fleet("recording-app");
            Fleet other = h.rig.closeLater(Fleet.start(
                    h.database("quiet-app"),
                    BusOptions.to(h.rig.broker.uri(), "quiet-app"),
                    h.rig.topics,
                    "quiet-app",
                    Clock.systemUTC(),
                    FleetOptions.defaults().withConnections(FleetHarness.QUICK).withRecorder(RecorderSettings.off())));
            assertThat(other.recorder()).isEmpty();
            BusRecorder recorder = app.recorder().orElseThrow();
            recorder.subscribed().get(10, TimeUnit.SECONDS);
            h.awaitReady(app, "room-a", "room-b");

            String command = h.rig.topics.command("room-a");
            BusMessage reply = app.bus()
                    .request(BusMessage.of(command, "camera recall 2", 1, false), Duration.ofSeconds(10))
                    .get(15, TimeUnit.SECONDS);
            assertThat(reply.text()).contains("\"ok\":true");

            await().atMost(Duration.ofSeconds(10))
                    .until(() -> RecorderRig.count(
                                    app.database().dataSource(),
                                    "topic = '" + command + "' AND room_id = 'room-a'"
                                            + " AND payload_text = 'camera recall 2'")
                            == 1);
            await().atMost(Duration.ofSeconds(10))
                    .until(() -> RecorderRig.count(
                                    app.database().dataSource(),
                                    "topic = '" + h.rig.topics.state("room-a") + "' AND retained")
                            > 0);
            assertThat(recorder.health().problem()).isNull();
        }
    }
}
