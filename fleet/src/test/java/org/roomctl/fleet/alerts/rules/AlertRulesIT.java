package org.roomctl.fleet.alerts.rules;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.roomctl.schema.jooq.Tables.ALERT;
import static org.roomctl.schema.jooq.Tables.AUDIT_LOG;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roomctl.contract.state.DeviceState;
import org.roomctl.contract.state.DeviceStatus;
import org.roomctl.fleet.Fleet;
import org.roomctl.fleet.FleetHarness;
import org.roomctl.fleet.alerts.Alert;
import org.roomctl.fleet.connect.Connection;
import org.roomctl.fleet.connect.ConnectionStatus;
import org.roomctl.fleet.connect.RequestedVia;
import org.roomctl.fleet.schedule.QuickFleets;

/**
 * The alert rules on real rooms, with two app instances watching: a device offline for 2 s, an
 * agent offline for 1 s, a failed connection.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AlertRulesIT {
    FleetHarness h;
    Fleet app;
    Fleet other;

    @BeforeAll
    void start() throws Exception {
        h = new FleetHarness();
        app = QuickFleets.start(h, "app-1");
        other = QuickFleets.start(h, "app-2");
        h.awaitReady(app, "room-a", "room-b", "room-c");
        h.awaitReady(other, "room-a", "room-b", "room-c");
    }

    @AfterAll
    void stop() throws Exception {
        h.close();
    }

    private List<Alert> alerts(String kind, String room, String device) {
        return app.alerts().latest(500).stream()
                .filter(a -> a.kind().equals(kind) && room.equals(a.room()))
                .filter(a -> device == null || device.equals(a.device()))
                .toList();
    }

    private Optional<DeviceState> device(String room, String device) {
        return app.rooms().room(room).map(s -> s.state().devices().get(device));
    }

    @Test
    void anUnpluggedDeviceRaisesDeviceOfflineAfterTheDelayAndResolvesWhenItReturns() throws Exception {
        h.rig.sims.device("room-b", "camera").unplug();
        try {
            await().atMost(Duration.ofSeconds(20)).until(() -> device("room-b", "camera")
                    .map(d -> d.status() == DeviceStatus.OFFLINE)
                    .orElse(false));
            Instant offlineSince = device("room-b", "camera").orElseThrow().since();
            Thread.sleep(Math.max(
                    0,
                    Duration.between(Instant.now(), offlineSince.plusMillis(1200))
                            .toMillis()));
            assertThat(alerts(Alert.DEVICE_OFFLINE, "room-b", "camera"))
                    .as("not before the delay")
                    .isEmpty();

            await().atMost(Duration.ofSeconds(10)).until(() -> !alerts(Alert.DEVICE_OFFLINE, "room-b", "camera")
                    .isEmpty());
            Thread.sleep(600); // both instances have seen it by now
            Alert a = alerts(Alert.DEVICE_OFFLINE, "room-b", "camera").stream()
                    .collect(java.util.stream.Collectors.collectingAndThen(java.util.stream.Collectors.toList(), l -> {
                        assertThat(l).as("raised once by two instances").hasSize(1);
                        return l.get(0);
                    }));
            assertThat(a.raisedAt()).isAfterOrEqualTo(offlineSince.plusSeconds(2));
            assertThat(a.message()).startsWith("Room B's camera (camera) has been offline for more than 2 seconds");
            assertThat(a.raisedBy()).startsWith("rule@app-");
            assertThat(a.open()).isTrue();
        } finally {
            h.rig.sims.device("room-b", "camera").plug();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts(Alert.DEVICE_OFFLINE, "room-b", "camera").stream()
                .noneMatch(Alert::open));
        Alert resolved = alerts(Alert.DEVICE_OFFLINE, "room-b", "camera").get(0);
        assertThat(resolved.resolvedBy()).isEqualTo("system");
        assertThat(device("room-b", "camera").orElseThrow().status()).isNotEqualTo(DeviceStatus.OFFLINE);
        // Recorded in the audit log, just after the resolution itself.
        await().atMost(Duration.ofSeconds(5))
                .until(() -> app.database()
                                .dsl()
                                .fetchCount(
                                        AUDIT_LOG,
                                        AUDIT_LOG
                                                .ACTION
                                                .eq("alert.resolve")
                                                .and(AUDIT_LOG.TARGET.eq("alert:" + resolved.id())))
                        == 1);
    }

    @Test
    void aStoppedAgentRaisesAgentOfflineAndResolvesWhenItReturns() throws Exception {
        h.rig.stopC();
        try {
            await().atMost(Duration.ofSeconds(15)).until(() -> alerts(Alert.AGENT_OFFLINE, "room-c", null).stream()
                    .anyMatch(Alert::open));
            Thread.sleep(600);
            assertThat(alerts(Alert.AGENT_OFFLINE, "room-c", null))
                    .singleElement()
                    .satisfies(a -> assertThat(a.message())
                            .isEqualTo(
                                    "Room C is offline: its room agent has not been connected for more than 1 second"));
            // Its devices are not blamed while their agent is away.
            assertThat(alerts(Alert.DEVICE_OFFLINE, "room-c", null)).isEmpty();
        } finally {
            h.rig.restartC();
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> alerts(Alert.AGENT_OFFLINE, "room-c", null).stream()
                .noneMatch(Alert::open));
        assertThat(alerts(Alert.AGENT_OFFLINE, "room-c", null).get(0).resolvedBy())
                .isEqualTo("system");
        h.awaitReady(app, "room-c");
    }

    @Test
    void aFailedConnectionRaisesConnectionFailedOnce() throws Exception {
        h.rig.sims.device("room-b", "codec").setFaults(Map.of("silent", true));
        Connection c;
        try {
            c = app.connections().connect("room-a", "room-b", "max", RequestedVia.PANEL, null);
            await().atMost(Duration.ofSeconds(20))
                    .until(() -> app.connections().find(c.id()).orElseThrow().status() == ConnectionStatus.FAILED);
        } finally {
            h.rig.sims.device("room-b", "codec").setFaults(Map.of("silent", false));
        }
        String reason = app.connections().find(c.id()).orElseThrow().failureReason();
        await().atMost(Duration.ofSeconds(5))
                .until(() -> !alerts(Alert.CONNECTION_FAILED, "room-a", null).isEmpty());
        Thread.sleep(1000); // both instances have looked for it by now
        assertThat(app.database().dsl().fetchCount(ALERT, ALERT.SUBJECT.eq("connection/" + c.id())))
                .isEqualTo(1);
        assertThat(alerts(Alert.CONNECTION_FAILED, "room-a", null))
                .singleElement()
                .satisfies(a -> {
                    assertThat(a.message())
                            .isEqualTo("Connection " + c.id() + " from Room A to Room B failed: " + reason);
                    assertThat(a.open()).isTrue();
                });
        h.awaitReady(app, "room-a", "room-b");
    }
}
