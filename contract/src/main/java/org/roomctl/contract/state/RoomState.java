package org.roomctl.contract.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The whole room in one snapshot, published retained on {@code <prefix>/rooms/<room>/state}:
 * "give me everything".
 *
 * @param room the room id
 * @param seq increases by one with every snapshot the agent publishes, so a reader can tell
 *     order and gaps (it starts again from 1 when the agent restarts; {@code timestamp} orders
 *     across restarts)
 * @param timestamp when this snapshot was taken
 * @param call the call (absent if the room has no codec)
 * @param devices every device's state, by device id
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoomState(String room, long seq, Instant timestamp, CallState call, Map<String, DeviceState> devices) {
    public RoomState {
        devices = devices == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(devices));
    }
}
