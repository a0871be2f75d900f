package org.roomctl.contract.state;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * One device's part of the room state: its health and what it last reported.
 *
 * @param id the device id from the room config
 * @param role {@code codec}, {@code camera}, {@code doccam} or {@code display}
 * @param type the model family, for example {@code sony-visca}
 * @param status online, degraded or offline
 * @param reason why it is degraded or offline (null when online)
 * @param since when the status last changed
 * @param properties what the device reported: power, zoom, input, call... (JSON values)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DeviceState(
        String id,
        String role,
        String type,
        DeviceStatus status,
        String reason,
        Instant since,
        Map<String, Object> properties) {

    public DeviceState {
        Objects.requireNonNull(id);
        Objects.requireNonNull(status);
        properties = properties == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(properties));
    }

    /** The same device with another status (the time it changed given). */
    public DeviceState withStatus(DeviceStatus newStatus, String newReason, Instant at) {
        return new DeviceState(id, role, type, newStatus, newReason, at, properties);
    }

    /** The same device with some properties set; a null value removes the property. */
    public DeviceState withProperties(Map<String, ?> changes) {
        Map<String, Object> merged = new LinkedHashMap<>(properties);
        changes.forEach((k, v) -> {
            if (v == null) {
                merged.remove(k);
            } else {
                merged.put(k, v);
            }
        });
        return new DeviceState(id, role, type, status, reason, since, merged);
    }
}
