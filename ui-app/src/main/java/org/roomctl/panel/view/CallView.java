package org.roomctl.panel.view;

import java.time.Instant;

/**
 * A room's call as the panel shows it, from what the room reported.
 *
 * @param kind idle, calling, incoming, connected, ending, held or unknown (room offline), for styling
 * @param headline what the call card says: "No call", "Calling Room B…", "In a call with Room B"
 * @param peer the other room's name (or address, when it is not one of ours); null when idle
 * @param since when the call reached this state (null if the room did not say)
 * @param timer how long since then, for a connected call ("12:34"); null otherwise
 */
public record CallView(String kind, String headline, String peer, Instant since, String timer) {
    /** For the call timer the page keeps ticking. */
    public long sinceMillis() {
        return since == null ? 0 : since.toEpochMilli();
    }
}
