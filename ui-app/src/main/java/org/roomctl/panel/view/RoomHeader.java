package org.roomctl.panel.view;

/**
 * What every screen shows about its room and the panel's links to it.
 *
 * @param room the room id
 * @param name its name
 * @param site its site
 * @param online whether its room controller is connected
 * @param busUp whether this app is connected to the bus (otherwise what it shows may be stale)
 */
public record RoomHeader(String room, String name, String site, boolean online, boolean busUp) {
    /** A banner to show, or null when all is well. */
    public String warning() {
        if (!busUp) {
            return Words.busDown();
        }
        return online ? null : Words.roomOffline();
    }
}
