package org.roomctl.panel.live;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.roomctl.contract.state.CallState;
import org.roomctl.contract.state.DeviceState;
import org.roomctl.contract.state.DeviceStatus;
import org.roomctl.contract.state.RoomState;
import org.roomctl.fleet.catalog.RoomSnapshot;

/** Which changes of a room the panels are sent: what they show, not every snapshot. */
class LivePanelsTest {
    private static final Instant T = Instant.parse("2026-11-22T10:00:00Z");

    private static RoomSnapshot room(long seq, Map<String, Object> camera, String call) {
        DeviceState cam = new DeviceState("camera", "camera", "sony-visca", DeviceStatus.ONLINE, null, T, camera);
        CallState c = call == null ? CallState.idle(T) : new CallState(call, "outgoing", "sip:b@x", 1, T, null);
        return new RoomSnapshot(
                "room-a",
                null,
                RoomSnapshot.ONLINE,
                T,
                new RoomState("room-a", seq, T.plusSeconds(seq), c, Map.of("camera", cam)));
    }

    @Test
    void aCameraMovingChangesNothingShown() {
        RoomSnapshot before = room(1, Map.of("power", "on", "pan", 0, "zoom", 0), null);
        RoomSnapshot moving = room(2, Map.of("power", "on", "pan", 300, "zoom", 1200), null);
        assertThat(LivePanels.shown(moving)).isEqualTo(LivePanels.shown(before));
        assertThat(LivePanels.availability(moving)).isEqualTo(LivePanels.availability(before));
    }

    @Test
    void powerPresetsAndCallsAreShown() {
        RoomSnapshot before = room(1, Map.of("power", "on"), null);
        assertThat(LivePanels.shown(room(2, Map.of("power", "standby"), null))).isNotEqualTo(LivePanels.shown(before));
        assertThat(LivePanels.shown(room(2, Map.of("power", "on", "preset", 2), null)))
                .isNotEqualTo(LivePanels.shown(before));
        RoomSnapshot calling = room(2, Map.of("power", "on"), "dialling");
        assertThat(LivePanels.shown(calling)).isNotEqualTo(LivePanels.shown(before));
        assertThat(LivePanels.availability(calling)).isNotEqualTo(LivePanels.availability(before));
    }

    @Test
    void aChangeIsRenderedOnlyWhenAScreenOpenNowShowsIt() {
        List<String> open = List.of("room-a/home", "room-b/camera");
        assertThat(LivePanels.followed("room-a", true, false, open)).isTrue();
        // Room C's own screens are closed, and no screen open lists rooms.
        assertThat(LivePanels.followed("room-c", true, true, open)).isFalse();
        // Room B's camera screen shows its own room, not other rooms' availability.
        assertThat(LivePanels.followed("room-a", false, true, open)).isFalse();
        List<String> listing = List.of("room-b/rooms");
        assertThat(LivePanels.followed("room-a", false, true, listing)).isTrue();
        assertThat(LivePanels.followed("room-a", true, false, listing)).isFalse();
        assertThat(LivePanels.followed("room-a", true, true, List.of())).isFalse();
    }
}
