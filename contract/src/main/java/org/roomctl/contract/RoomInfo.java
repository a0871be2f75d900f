package org.roomctl.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;

/**
 * A room's announcement, published retained on {@code <prefix>/rooms/<room>/info}: what the room
 * is, what it has and what it can do. The apps build their catalog from these.
 *
 * @param id the room id
 * @param name the name people see
 * @param site the city or building
 * @param codecUri the address other rooms dial (absent if the room has no codec)
 * @param devices its devices
 * @param actions the actions its agent takes
 * @param agent which agent serves it
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record RoomInfo(
        String id,
        String name,
        String site,
        String codecUri,
        List<DeviceInfo> devices,
        List<String> actions,
        AgentInfo agent) {

    /**
     * @param id the device id
     * @param role codec, camera, doccam or display
     * @param type the model family, for example sony-visca
     * @param protocol the wire protocol, for people
     * @param transport how it is reached, for example "serial /dev/ttyUSB0 9600 8N1"
     * @param capabilities what it can do
     */
    public record DeviceInfo(
            String id, String role, String type, String protocol, String transport, List<String> capabilities) {}

    /**
     * @param version the agent's version
     * @param host the machine it runs on
     * @param startedAt when it started
     */
    public record AgentInfo(String version, String host, Instant startedAt) {}
}
