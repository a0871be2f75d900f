package org.roomctl.panel.access;

/** A panel asked about a room that is not its own. */
public final class OtherRoomException extends RuntimeException {
    private final String ownRoom;

    public OtherRoomException(String ownRoom, String askedRoom) {
        super("this panel controls its own room only, not '" + askedRoom + "'", null, false, false);
        this.ownRoom = ownRoom;
    }

    /** The panel's room, where it may go instead. */
    public String ownRoom() {
        return ownRoom;
    }
}
