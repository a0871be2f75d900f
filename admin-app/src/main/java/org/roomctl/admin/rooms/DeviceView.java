package org.roomctl.admin.rooms;

import java.time.Instant;
import java.util.Map;

/**
 * A device as the console shows it.
 *
 * @param id its id in the room config
 * @param role codec, camera, doccam or display
 * @param type its model family
 * @param status online, degraded or offline
 * @param reason why it is degraded or offline
 * @param since when its status last changed
 * @param properties what it last reported (power, input, preset...)
 */
public record DeviceView(
        String id,
        String role,
        String type,
        String status,
        String reason,
        Instant since,
        Map<String, Object> properties) {
    public boolean online() {
        return "online".equals(status);
    }

    /** Its power as reported ("on", "off", "standby", "warming"...), or null if it reports none. */
    public String power() {
        Object p = properties.get("power");
        return p == null ? null : String.valueOf(p);
    }

    public boolean powered() {
        String p = power();
        return p != null && (p.equals("on") || p.equals("warming"));
    }

    /** Whether the console can switch it on and off. */
    public boolean switchable() {
        return role.equals("camera") || role.equals("doccam") || role.equals("display");
    }

    /** A short list of what it reported, for the device table. */
    public String summary() {
        StringBuilder sb = new StringBuilder();
        properties.forEach((k, v) -> {
            if (!k.equals("call") && !(v instanceof Map) && !(v instanceof java.util.Collection)) {
                sb.append(sb.isEmpty() ? "" : ", ").append(k).append(' ').append(v);
            }
        });
        return sb.toString();
    }
}
