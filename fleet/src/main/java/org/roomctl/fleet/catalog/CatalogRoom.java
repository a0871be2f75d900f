package org.roomctl.fleet.catalog;

import java.time.Instant;

/**
 * A room as the catalog keeps it: what its agent announced, what an admin changed, and the last
 * status recorded.
 *
 * @param id the room id
 * @param name the name to show (an admin's override, or the announced name)
 * @param site the site to show (an admin's override, or the announced site)
 * @param announcedName the name its agent announces
 * @param announcedSite the site its agent announces
 * @param codecUri the address other rooms dial
 * @param enabled whether it may be used (an admin can disable a room)
 * @param firstSeenAt when it first announced itself
 * @param availability online, offline or unknown, as last recorded
 * @param availabilitySince since when
 * @param callState its call state as last recorded (null if never heard)
 * @param callPeer the other end of its call
 */
public record CatalogRoom(
        String id,
        String name,
        String site,
        String announcedName,
        String announcedSite,
        String codecUri,
        boolean enabled,
        Instant firstSeenAt,
        String availability,
        Instant availabilitySince,
        String callState,
        String callPeer) {}
