package org.roomctl.admin.rooms;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.roomctl.contract.state.CallState;
import org.roomctl.contract.state.DeviceState;
import org.roomctl.fleet.catalog.CatalogRoom;
import org.roomctl.fleet.catalog.RoomSnapshot;
import org.roomctl.fleet.catalog.RoomView;

/**
 * The fleet as the console shows it: every room the bus or the catalog knows, built in memory
 * from {@link RoomView} and the {@link CatalogCache} (no query per room).
 */
public final class FleetView {
    // Compared without lower-casing copies: sorting thousands of rows made one per comparison.
    static final Comparator<RoomRow> ORDER = Comparator.comparing(RoomRow::site, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(RoomRow::name, String.CASE_INSENSITIVE_ORDER)
            .thenComparing(RoomRow::id);

    private final RoomView view;
    private final CatalogCache catalog;

    public FleetView(RoomView view, CatalogCache catalog) {
        this.view = view;
        this.catalog = catalog;
    }

    /** Every room, by site and name. */
    public List<RoomRow> rows() {
        Map<String, String> names = peerNames();
        Set<String> ids = new LinkedHashSet<>(catalog.all().keySet());
        view.rooms().forEach(s -> ids.add(s.id()));
        List<RoomRow> rows = new ArrayList<>(ids.size());
        for (String id : ids) {
            rows.add(row(id, names));
        }
        rows.sort(ORDER);
        return rows;
    }

    public List<RoomRow> rows(FleetFilter filter) {
        return rows().stream().filter(filter::matches).toList();
    }

    public Optional<RoomRow> row(String id) {
        if (catalog.get(id) == null && view.room(id).isEmpty()) {
            return Optional.empty();
        }
        return Optional.of(row(id, peerNames()));
    }

    public Set<String> sites() {
        return sites(rows());
    }

    /** The sites of some rows, in order. */
    public static Set<String> sites(List<RoomRow> rows) {
        Set<String> sites = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
        for (RoomRow r : rows) {
            sites.add(r.site());
        }
        return sites;
    }

    /** The room a call address belongs to, by name, for showing who is in a call with whom. */
    private Map<String, String> peerNames() {
        Map<String, String> names = new HashMap<>();
        for (RoomSnapshot s : view.rooms()) {
            if (s.codecUri() != null) {
                CatalogRoom c = catalog.get(s.id());
                names.put(normal(s.codecUri()), c != null ? c.name() : s.info().name());
            }
        }
        return names;
    }

    static String normal(String uri) {
        String u = uri.trim().toLowerCase(Locale.ROOT);
        int colon = u.indexOf(':');
        return colon >= 0 && colon < 6 ? u.substring(colon + 1) : u;
    }

    private RoomRow row(String id, Map<String, String> peerNames) {
        CatalogRoom c = catalog.get(id);
        RoomSnapshot s = view.room(id).orElse(null);
        String name =
                c != null ? c.name() : s != null && s.info() != null ? s.info().name() : id;
        String site =
                c != null ? c.site() : s != null && s.info() != null ? s.info().site() : "";
        boolean enabled = c == null || c.enabled();
        String availability = s != null ? s.availability() : c != null ? c.availability() : RoomSnapshot.UNKNOWN;
        List<DeviceView> devices = new ArrayList<>();
        CallState call = null;
        if (s != null && s.state() != null) {
            for (DeviceState d : s.state().devices().values()) {
                devices.add(new DeviceView(
                        d.id(), d.role(), d.type(), d.status().wireName(), d.reason(), d.since(), d.properties()));
            }
            call = s.state().call();
        }
        String peer =
                call == null || call.peer() == null ? null : peerNames.getOrDefault(normal(call.peer()), call.peer());
        List<String> problems = new ArrayList<>();
        if (!RoomSnapshot.ONLINE.equals(availability)) {
            problems.add("room agent " + availability);
        }
        for (DeviceView d : devices) {
            if (!d.online()) {
                problems.add(d.id() + " " + d.status() + (d.reason() == null ? "" : ": " + d.reason()));
            }
        }
        return new RoomRow(
                id,
                name,
                site,
                enabled,
                availability,
                s != null ? s.availabilitySince() : c != null ? c.availabilitySince() : null,
                call == null ? (s == null ? null : "idle") : call.state(),
                peer,
                call == null ? null : call.since(),
                List.copyOf(devices),
                List.copyOf(problems));
    }
}
