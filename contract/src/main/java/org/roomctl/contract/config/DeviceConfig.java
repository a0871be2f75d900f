package org.roomctl.contract.config;

import java.time.Duration;
import java.util.Optional;

/**
 * One device of a room, as its config file describes it.
 *
 * @param id unique within the room, used in topics ({@code camera}, {@code display-left})
 * @param type the model family
 * @param transport where its bytes travel
 * @param address VISCA camera address on the daisy chain (1..7); 1 for other types
 * @param uri the codec's own call address (codecs only)
 * @param username login name the codec prompts for (codecs only, optional)
 * @param password the device's password, from the environment (optional)
 * @param pollInterval how often the device is checked; it is offline after three silent checks
 * @param commandTimeout how long a command may take before it fails with TIMEOUT
 */
public record DeviceConfig(
        String id,
        DeviceType type,
        TransportSpec transport,
        int address,
        Optional<String> uri,
        Optional<String> username,
        Optional<Secret> password,
        Duration pollInterval,
        Duration commandTimeout) {

    public static final Duration DEFAULT_POLL_INTERVAL = Duration.ofSeconds(10);
    public static final Duration DEFAULT_COMMAND_TIMEOUT = Duration.ofSeconds(5);

    public DeviceRole role() {
        return type.role();
    }
}
