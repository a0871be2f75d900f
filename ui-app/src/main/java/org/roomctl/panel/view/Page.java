package org.roomctl.panel.view;

/**
 * What every screen of a panel gets: its room, the room's call for the header, the CSRF token,
 * and which screen it is (its live stream follows that screen).
 *
 * @param header the room
 * @param call its call
 * @param screen home, rooms, connect, camera, end or help
 * @param csrf the CSRF token for htmx requests
 */
public record Page(RoomHeader header, CallView call, String screen, String csrf) {
    public String room() {
        return header.room();
    }

    /** Where the page's live stream is. */
    public String liveUrl() {
        return "/room/" + header.room() + "/live/" + screen;
    }

    /** A path under the panel's room: {@code at("camera")} is {@code /room/room-a/camera}. */
    public String at(String path) {
        return "/room/" + header.room() + (path.isEmpty() ? "" : "/" + path);
    }
}
