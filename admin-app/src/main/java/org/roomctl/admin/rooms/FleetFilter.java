package org.roomctl.admin.rooms;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import org.roomctl.admin.http.Problem;

/**
 * Which rooms the fleet page lists.
 *
 * @param site one site only (null: every site)
 * @param show all, problems (anything wrong), agent-offline, device-offline, device-degraded or
 *     in-call
 */
public record FleetFilter(String site, String show) {
    public static final List<String> SHOWS =
            List.of("all", "problems", "agent-offline", "device-offline", "device-degraded", "in-call");

    public static final FleetFilter ALL = new FleetFilter(null, "all");

    /** @throws Problem if {@code show} is not one of {@link #SHOWS} */
    public static FleetFilter of(String site, String show) {
        String s = show == null || show.isBlank() ? "all" : show.trim().toLowerCase(Locale.ROOT);
        if (!SHOWS.contains(s)) {
            throw Problem.badRequest("show '" + show + "' is not one of " + String.join(", ", SHOWS));
        }
        return new FleetFilter(site == null || site.isBlank() ? null : site.strip(), s);
    }

    /** How a choice of {@link #SHOWS} reads in the filter. */
    public static String label(String show) {
        return switch (show) {
            case "problems" -> "Any problem";
            case "agent-offline" -> "Room agent offline";
            case "device-offline" -> "A device offline";
            case "device-degraded" -> "A device degraded";
            case "in-call" -> "In a call";
            default -> "All rooms";
        };
    }

    public boolean matches(RoomRow r) {
        if (site != null && !site.equalsIgnoreCase(r.site())) {
            return false;
        }
        return switch (show) {
            case "problems" -> r.hasProblem();
            case "agent-offline" -> !r.online();
            case "device-offline" -> r.devicesOffline() > 0;
            case "device-degraded" -> r.devicesDegraded() > 0;
            case "in-call" -> r.inCall();
            default -> true;
        };
    }

    /** As a query string, for links and the live stream's URL. */
    public String query() {
        String q = "show=" + show;
        if (site != null) {
            q += "&site=" + URLEncoder.encode(site, StandardCharsets.UTF_8);
        }
        return q;
    }
}
