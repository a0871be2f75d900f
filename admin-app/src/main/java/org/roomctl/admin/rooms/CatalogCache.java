package org.roomctl.admin.rooms;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.roomctl.contract.Errors;
import org.roomctl.fleet.catalog.CatalogRoom;
import org.roomctl.fleet.catalog.CatalogStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The catalog's names, sites and enabled flags in memory, so the fleet page renders thousands of
 * rooms without a query per room. Refreshed after every edit here and every few seconds (edits
 * made on other instances, rooms new to the catalog).
 */
public final class CatalogCache {
    private static final Logger log = LoggerFactory.getLogger(CatalogCache.class);

    private final CatalogStore store;
    private volatile Map<String, CatalogRoom> rooms = Map.of();

    public CatalogCache(CatalogStore store) {
        this.store = store;
    }

    /** Reads the catalog again; keeps the last copy when the database is down. */
    public void refresh() {
        try {
            Map<String, CatalogRoom> fresh = new ConcurrentHashMap<>();
            for (CatalogRoom r : store.rooms()) {
                fresh.put(r.id(), r);
            }
            rooms = fresh;
        } catch (RuntimeException e) {
            log.debug("catalog cache not refreshed: {}", Errors.rootMessage(e));
        }
    }

    public CatalogRoom get(String id) {
        return rooms.get(id);
    }

    public Map<String, CatalogRoom> all() {
        return rooms;
    }
}
