package org.roomctl.fleet.schedule;

import static org.roomctl.schema.jooq.Tables.SHUTDOWN_RUN;

import java.time.Clock;
import java.time.DateTimeException;
import java.time.LocalTime;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeSet;
import org.jooq.exception.DataAccessException;
import org.jooq.impl.DSL;
import org.roomctl.contract.Errors;
import org.roomctl.fleet.audit.AuditLog;
import org.roomctl.fleet.catalog.CatalogRoom;
import org.roomctl.fleet.catalog.CatalogStore;
import org.roomctl.schema.DatabaseUnavailableException;

/**
 * Sites' end-of-day shutdowns, what the admin console shows and edits: one per site (as the
 * catalog shows sites), a local time and a time zone; and the record of every run, with each
 * room's outcome. Running them is {@link ShutdownRunner}'s.
 */
public final class Shutdowns {
    private final ShutdownStore store;
    private final CatalogStore catalog;
    private final AuditLog audit;
    private final Clock clock;

    Shutdowns(ShutdownStore store, CatalogStore catalog, AuditLog audit, Clock clock) {
        this.store = store;
        this.catalog = catalog;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * Shuts down every room of {@code site} each day at {@code time} in {@code zone}.
     *
     * @param zone a time zone name, for example {@code Australia/Sydney}
     * @throws ShutdownException if the site has no room, already has a shutdown, or the time or
     *     zone is wrong
     */
    public SiteShutdown create(String site, LocalTime time, String zone, String by) throws ShutdownException {
        String s = site == null ? "" : site.strip();
        if (s.isEmpty()) {
            throw invalid("a shutdown needs a site");
        }
        ZoneId z = zone(zone);
        checkTime(time);
        checkBy(by);
        try {
            List<String> sites = sites();
            if (!sites.contains(s)) {
                throw new ShutdownException(
                        ShutdownException.Reason.UNKNOWN_SITE,
                        "no room in the catalog is at site '" + s + "'"
                                + (sites.isEmpty() ? "" : "; the sites are " + String.join(", ", sites)));
            }
            SiteShutdown created;
            try {
                created = store.create(s, time, z, by, clock.instant());
            } catch (ShutdownStore.SiteTakenException e) {
                SiteShutdown other = store.all().stream()
                        .filter(x -> x.site().equals(s))
                        .findFirst()
                        .orElse(null);
                throw new ShutdownException(
                        ShutdownException.Reason.SITE_HAS_ONE,
                        s + " already has an end-of-day shutdown"
                                + (other == null
                                        ? ""
                                        : " (" + other.localTime() + " "
                                                + other.zone().getId() + ")")
                                + ": edit that one");
            }
            audit.record(by, "shutdown.create", "site:" + s, details(created));
            return created;
        } catch (DataAccessException | DatabaseUnavailableException e) {
            throw databaseDown(e);
        }
    }

    /** Changes a shutdown's time and zone. */
    public SiteShutdown edit(long id, LocalTime time, String zone, String by) throws ShutdownException {
        ZoneId z = zone(zone);
        checkTime(time);
        checkBy(by);
        try {
            SiteShutdown s = store.edit(id, time, z, by, clock.instant()).orElseThrow(() -> notFound(id));
            audit.record(by, "shutdown.edit", "site:" + s.site(), details(s));
            return s;
        } catch (DataAccessException | DatabaseUnavailableException e) {
            throw databaseDown(e);
        }
    }

    /** Switches a shutdown on or off (it is kept either way). */
    public SiteShutdown setEnabled(long id, boolean enabled, String by) throws ShutdownException {
        checkBy(by);
        try {
            SiteShutdown s = store.setEnabled(id, enabled, by, clock.instant()).orElseThrow(() -> notFound(id));
            audit.record(by, enabled ? "shutdown.enable" : "shutdown.disable", "site:" + s.site(), details(s));
            return s;
        } catch (DataAccessException | DatabaseUnavailableException e) {
            throw databaseDown(e);
        }
    }

    /** Deletes a shutdown; its runs stay on record. */
    public void delete(long id, String by) throws ShutdownException {
        checkBy(by);
        try {
            SiteShutdown s = store.delete(id).orElseThrow(() -> notFound(id));
            audit.record(by, "shutdown.delete", "site:" + s.site(), details(s));
        } catch (DataAccessException | DatabaseUnavailableException e) {
            throw databaseDown(e);
        }
    }

    public Optional<SiteShutdown> find(long id) {
        return store.find(id);
    }

    /** Every site's shutdown, by site. */
    public List<SiteShutdown> all() {
        return store.all();
    }

    /** The sites of the rooms in the catalog, for choosing one. */
    public List<String> sites() {
        return List.copyOf(
                new TreeSet<>(catalog.rooms().stream().map(CatalogRoom::site).toList()));
    }

    /** The latest runs of every site, with each room's outcome. */
    public List<ShutdownRun> runs(int limit) {
        return store.runs(DSL.noCondition(), limit);
    }

    /** The latest runs of one site. */
    public List<ShutdownRun> runs(String site, int limit) {
        return store.runs(SHUTDOWN_RUN.SITE.eq(site), limit);
    }

    private static ZoneId zone(String zone) throws ShutdownException {
        if (zone == null || !zone.strip().matches("[A-Za-z][A-Za-z0-9_+/-]*")) {
            throw invalid("a shutdown needs a time zone name such as Australia/Sydney, not '" + zone + "'");
        }
        try {
            return ZoneId.of(zone.strip());
        } catch (DateTimeException e) {
            throw invalid("unknown time zone '" + zone.strip() + "': use a name such as Australia/Sydney");
        }
    }

    private static void checkTime(LocalTime time) throws ShutdownException {
        if (time == null) {
            throw invalid("a shutdown needs a time of day, for example 19:00");
        }
    }

    private static void checkBy(String by) throws ShutdownException {
        if (by == null || by.isBlank()) {
            throw invalid("say who is making the change");
        }
    }

    private static Map<String, Object> details(SiteShutdown s) {
        Map<String, Object> d = new LinkedHashMap<>();
        d.put("id", s.id());
        d.put("time", s.localTime().toString());
        d.put("zone", s.zone().getId());
        d.put("enabled", s.enabled());
        return d;
    }

    private static ShutdownException notFound(long id) {
        return new ShutdownException(ShutdownException.Reason.NOT_FOUND, "there is no shutdown " + id);
    }

    private static ShutdownException invalid(String message) {
        return new ShutdownException(ShutdownException.Reason.INVALID, message);
    }

    private static ShutdownException databaseDown(RuntimeException e) {
        return new ShutdownException(
                ShutdownException.Reason.DATABASE_UNAVAILABLE,
                "the database is unavailable, so nothing was changed: " + Errors.rootMessage(e),
                e);
    }
}
