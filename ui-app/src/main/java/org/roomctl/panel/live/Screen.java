package org.roomctl.panel.live;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/** The panel's screens, each following the parts of the room state it shows. */
public enum Screen {
    HOME(true, false),
    ROOMS(false, true),
    CONNECT(false, true),
    CAMERA(false, false),
    END(false, false),
    HELP(false, false);

    private final boolean showsRoomDevices;
    private final boolean listsRooms;

    Screen(boolean showsRoomDevices, boolean listsRooms) {
        this.showsRoomDevices = showsRoomDevices;
        this.listsRooms = listsRooms;
    }

    /** Whether it shows the call card and every device of its room. */
    public boolean showsRoomDevices() {
        return showsRoomDevices;
    }

    /** Whether it shows other rooms' availability. */
    public boolean listsRooms() {
        return listsRooms;
    }

    public String wireName() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Screen> of(String wireName) {
        return Arrays.stream(values())
                .filter(s -> s.wireName().equals(wireName))
                .findFirst();
    }
}
