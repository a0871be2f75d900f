package org.roomctl.sim.xapi;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import org.roomctl.sim.callnet.DisconnectCause;

/**
 * The terminal's feedback registrations and what they make it push as calls change: status blocks
 * ({@code *s Call n ...}, {@code *s Call n (ghost=True):} when a call ends) for {@code /Status/Call},
 * and the {@code CallSuccessful} and {@code CallDisconnect} events for {@code /Event/...} paths.
 * As a convenience for controllers that register only {@code /Status/Call}, the call events come
 * with it too. Each pushed block ends {@code ** end}.
 */
final class Feedback implements CodecCalls.Listener {
    private static final String STATUS_CALL = "/status/call";
    private static final String CRLF = XapiReply.CRLF;

    private final Set<String> paths = new LinkedHashSet<>();
    private final StringBuilder pending = new StringBuilder();

    /** The path as registered: lower case, with a leading and no trailing slash. */
    static String normalise(String path) {
        String p = path.strip().toLowerCase(Locale.ROOT);
        if (!p.startsWith("/")) {
            p = "/" + p;
        }
        return p.endsWith("/") && p.length() > 1 ? p.substring(0, p.length() - 1) : p;
    }

    void register(String path) {
        paths.add(normalise(path));
    }

    void deregister(String path) {
        paths.remove(normalise(path));
    }

    void clear() {
        paths.clear();
        pending.setLength(0);
    }

    List<String> paths() {
        return List.copyOf(paths);
    }

    /** The blocks pushed since the last call. */
    String take() {
        String blocks = pending.toString();
        pending.setLength(0);
        return blocks;
    }

    private boolean registered(String path) {
        return paths.stream().anyMatch(p -> path.startsWith(p) || p.startsWith(path));
    }

    private boolean wantsEvent(String event) {
        return registered(STATUS_CALL) || registered("/event/" + event.toLowerCase(Locale.ROOT));
    }

    private void push(List<String> lines) {
        lines.forEach(line -> pending.append(line).append(CRLF));
        pending.append("** end").append(CRLF);
    }

    @Override
    public void changed(Call call, long now) {
        if (registered(STATUS_CALL)) {
            push(call.statusLines(now));
        }
    }

    @Override
    public void connected(Call call, long now) {
        if (wantsEvent("CallSuccessful")) {
            push(List.of("*e CallSuccessful CallId: " + call.id + " Protocol: \"Sip\" Direction: \""
                    + call.direction.name().toLowerCase(Locale.ROOT) + "\" RemoteURI: \"" + call.peer + "\""));
        }
    }

    @Override
    public void ended(Call call, DisconnectCause cause, long now) {
        changed(call, now);
        if (wantsEvent("CallDisconnect")) {
            push(List.of("*e CallDisconnect CallId: " + call.id + " CauseValue: " + cause.causeValue() + " CauseType: "
                    + cause.causeType()));
        }
        if (registered(STATUS_CALL)) {
            push(List.of("*s Call " + call.id + " (ghost=True):"));
        }
    }
}
