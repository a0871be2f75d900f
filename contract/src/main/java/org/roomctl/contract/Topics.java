package org.roomctl.contract;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The topic tree of the bus, under a configurable prefix (default {@code roomctl}).
 *
 * <pre>
 * roomctl/rooms/&lt;room&gt;/availability            retained  online | offline (last will)
 * roomctl/rooms/&lt;room&gt;/info                    retained  what the room is and has
 * roomctl/rooms/&lt;room&gt;/state                   retained  the whole room, one snapshot
 * roomctl/rooms/&lt;room&gt;/devices/&lt;device&gt;/state  retained  one device's part of it
 * roomctl/rooms/&lt;room&gt;/command                           commands in
 * roomctl/rooms/&lt;room&gt;/events                            events out
 * roomctl/rooms/&lt;room&gt;/reply                             replies for requests without a response topic
 * roomctl/connections/events                           connections between rooms changing status
 * </pre>
 */
public final class Topics {
    public static final String DEFAULT_PREFIX = "roomctl";

    private final String prefix;
    private final Pattern roomTopic;

    public Topics(String prefix) {
        if (prefix.isEmpty() || prefix.endsWith("/") || prefix.contains("+") || prefix.contains("#")) {
            throw new IllegalArgumentException(
                    "topic prefix '" + prefix + "' must be non-empty, without wildcards or a trailing /");
        }
        this.prefix = prefix;
        this.roomTopic = Pattern.compile(Pattern.quote(prefix) + "/rooms/([^/]+)/(.+)");
    }

    public static Topics standard() {
        return new Topics(DEFAULT_PREFIX);
    }

    public String prefix() {
        return prefix;
    }

    public String room(String room) {
        return prefix + "/rooms/" + room;
    }

    public String availability(String room) {
        return room(room) + "/availability";
    }

    public String info(String room) {
        return room(room) + "/info";
    }

    public String state(String room) {
        return room(room) + "/state";
    }

    public String deviceState(String room, String device) {
        return room(room) + "/devices/" + device + "/state";
    }

    public String command(String room) {
        return room(room) + "/command";
    }

    public String events(String room) {
        return room(room) + "/events";
    }

    public String reply(String room) {
        return room(room) + "/reply";
    }

    /** Where the apps announce every change of a connection between rooms. */
    public String connectionEvents() {
        return prefix + "/connections/events";
    }

    /** Everything under the prefix. */
    public String all() {
        return prefix + "/#";
    }

    /** A filter matching one topic kind in every room, for example {@code roomctl/rooms/+/state}. */
    public String everyRoom(String suffix) {
        return prefix + "/rooms/+/" + suffix;
    }

    /** A topic under a room, split into the room id and what follows, for example ("sydney-harbour", "state"). */
    public record RoomTopic(String room, String rest) {}

    public Optional<RoomTopic> parse(String topic) {
        Matcher m = roomTopic.matcher(topic);
        return m.matches() ? Optional.of(new RoomTopic(m.group(1), m.group(2))) : Optional.empty();
    }
}
