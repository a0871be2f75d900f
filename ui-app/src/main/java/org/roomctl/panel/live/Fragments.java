package org.roomctl.panel.live;

import java.util.Map;
import org.roomctl.panel.view.CallView;
import org.roomctl.panel.view.DirectoryEntry;
import org.roomctl.panel.view.RoomHeader;
import org.roomctl.panel.view.Views;
import org.roomctl.web.Templates;

/**
 * The parts of the screens that follow the rooms, rendered as elements with ids: in place when a
 * page is built, and with {@code hx-swap-oob} when pushed, so htmx swaps each into its place.
 */
public final class Fragments {
    private final Templates templates;
    private final Views views;

    public Fragments(Templates templates, Views views) {
        this.templates = templates;
        this.views = views;
    }

    /** What a screen of {@code room} shows of that room: the header's call and warning, the call card, the devices. */
    public String roomPart(String room, Screen screen, Views.Names names) {
        RoomHeader header = views.header(room, names);
        CallView call = views.call(room, names);
        StringBuilder sb = new StringBuilder();
        sb.append(templates.render("fragments/warning.jte", Map.of("header", header, "oob", true)));
        sb.append(templates.render("fragments/callpill.jte", Map.of("call", call, "room", room, "oob", true)));
        if (screen.showsRoomDevices()) {
            sb.append(templates.render("fragments/call.jte", Map.of("call", call, "oob", true)));
            for (String role : new String[] {"camera", "doccam", "display"}) {
                sb.append(device(room, role));
            }
        } else if (screen == Screen.CAMERA) {
            sb.append(device(room, "camera"));
        }
        return sb.toString();
    }

    private String device(String room, String role) {
        return templates.render("fragments/device.jte", Map.of("device", views.device(room, role), "oob", true));
    }

    /** Another room's entry in the directory of the panel of {@code panelRoom}. */
    public String entry(DirectoryEntry entry, String panelRoom) {
        return templates.render("fragments/entry.jte", Map.of("entry", entry, "room", panelRoom, "oob", true));
    }

    /** A message about the last call (that did not go through), or none. */
    public String notice(String message) {
        return templates.render("fragments/notice.jte", Map.of("message", message == null ? "" : message, "oob", true));
    }
}
