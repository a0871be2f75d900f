package org.roomctl.agent.xapi;

import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collections;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;

/**
 * The codec's calls as its status lines and events describe them, and the {@code call} property
 * derived from them. Pure: the caller passes the time.
 */
public final class CallTable {
    /** Ended call ids remembered so that a late status line does not bring a call back. */
    private static final int ENDED_MEMORY = 32;

    /**
     * One call.
     *
     * @param state lowercase status: dialling, ringing, connecting, connected, onhold...
     * @param direction "incoming" or "outgoing", null while unknown
     * @param peer the remote number as the codec reports it, null while unknown
     * @param duration seconds, as last reported
     * @param since when it reached its state
     */
    public record Call(int id, String state, String direction, String peer, int duration, Instant since) {
        /** Whether it is an incoming call ringing now. */
        public boolean ringingIn() {
            return "ringing".equals(state) && !"outgoing".equals(direction);
        }
    }

    private final Map<Integer, Call> calls = new TreeMap<>();
    private final Set<Integer> ended = new HashSet<>();
    private final Deque<Integer> endedOrder = new ArrayDeque<>();
    private Instant idleSince;
    /** How the last call ended, as the codec's CallDisconnect event said (null: not said). */
    private String lastEndCause;

    /**
     * Applies a block's call status lines and call events.
     *
     * @param snapshot whether the block is the whole answer to {@code xStatus Call}, so that calls
     *     it does not mention are gone
     * @return whether anything changed
     */
    public boolean apply(XapiBlock block, boolean snapshot, Instant now) {
        Map<Integer, Call> before = new LinkedHashMap<>(calls);
        Set<Integer> mentioned = new HashSet<>();
        for (XapiRecord.Entry e : block.entries()) {
            if (e.kind() == XapiRecord.Kind.STATUS) {
                status(e, now, snapshot, mentioned);
            } else if (e.kind() == XapiRecord.Kind.EVENT) {
                event(e, now);
            }
        }
        if (snapshot) {
            calls.keySet().removeIf(id -> !mentioned.contains(id));
            if (idleSince == null) {
                idleSince = now;
            }
        }
        noteIdle(before, now);
        return !before.equals(calls);
    }

    /** Records a call the driver just dialled, until the codec's own status lines arrive. */
    public boolean dialled(int id, String peer, Instant now) {
        if (calls.containsKey(id) || ended.contains(id)) {
            return false;
        }
        calls.put(id, new Call(id, "dialling", "outgoing", peer, 0, now));
        return true;
    }

    /** Whether the table has been read from the codec at least once. */
    public boolean known() {
        return idleSince != null || !calls.isEmpty();
    }

    /** The calls, by id. */
    public Map<Integer, Call> calls() {
        return Collections.unmodifiableMap(calls);
    }

    /** The latest call whose state is known: the one with the highest id. */
    public Optional<Call> primary() {
        return calls.values().stream().filter(c -> c.state() != null).reduce((a, b) -> b);
    }

    /** The ringing incoming call, if there is one (the latest if several). */
    public Optional<Call> ringing() {
        return calls.values().stream().filter(Call::ringingIn).reduce((a, b) -> b);
    }

    /** The ringing incoming call from {@code address}, compared tolerantly. */
    public Optional<Call> ringingFrom(String address) {
        return calls.values().stream()
                .filter(Call::ringingIn)
                .filter(c -> SipAddress.same(c.peer(), address))
                .reduce((a, b) -> b);
    }

    /**
     * The {@code call} property: {@code state}, {@code direction}, {@code peer}, {@code callId},
     * {@code since} of the latest call, or {@code state: idle} with {@code since} and, if the
     * codec said how the last call ended, {@code endCause} (its CauseType, such as
     * {@code LocalDisconnect}).
     */
    public Map<String, Object> property() {
        Map<String, Object> p = new LinkedHashMap<>();
        Optional<Call> primary = primary();
        if (primary.isEmpty()) {
            p.put("state", "idle");
            if (idleSince != null) {
                p.put("since", idleSince.toString());
            }
            if (lastEndCause != null) {
                p.put("endCause", lastEndCause);
            }
            return p;
        }
        Call c = primary.get();
        p.put("state", c.state());
        if (c.direction() != null) {
            p.put("direction", c.direction());
        }
        if (c.peer() != null) {
            p.put("peer", c.peer());
        }
        p.put("callId", c.id());
        p.put("since", c.since().toString());
        return p;
    }

    private void status(XapiRecord.Entry e, Instant now, boolean snapshot, Set<Integer> mentioned) {
        List<String> path = e.path();
        if (path.size() != 2 || !path.get(0).equalsIgnoreCase("Call")) {
            return;
        }
        Integer id = parseId(path.get(1));
        if (id == null) {
            return;
        }
        mentioned.add(id);
        if ("true".equalsIgnoreCase(e.attributes().get("ghost"))) {
            end(id);
            return;
        }
        if (snapshot) {
            ended.remove(id); // the codec says it is there: believe it (ids restart after a reboot)
        }
        if (ended.contains(id) || e.fields().isEmpty()) {
            return;
        }
        Call c = calls.get(id);
        for (Map.Entry<String, String> f : e.fields().entrySet()) {
            String value = f.getValue();
            switch (f.getKey()) {
                case "Status" -> {
                    String state = value.toLowerCase(Locale.ROOT);
                    if ("idle".equals(state)) {
                        end(id);
                        return;
                    }
                    if (c == null) {
                        c = new Call(id, state, null, null, 0, now);
                    } else if (!state.equals(c.state())) {
                        c = new Call(id, state, c.direction(), c.peer(), c.duration(), now);
                    }
                }
                case "Direction" -> {
                    String direction = value.toLowerCase(Locale.ROOT);
                    c = c == null
                            ? new Call(id, null, direction, null, 0, now)
                            : new Call(id, c.state(), direction, c.peer(), c.duration(), c.since());
                }
                case "RemoteNumber" -> c = c == null
                        ? new Call(id, null, null, value, 0, now)
                        : new Call(id, c.state(), c.direction(), value, c.duration(), c.since());
                case "Duration" -> {
                    int d = parseInt(value, c == null ? 0 : c.duration());
                    c = c == null
                            ? new Call(id, null, null, null, d, now)
                            : new Call(id, c.state(), c.direction(), c.peer(), d, c.since());
                }
                default -> {
                    // other call details (CallType, DisplayName...) are not published
                }
            }
        }
        if (c != null) {
            calls.put(id, c);
        }
    }

    private void event(XapiRecord.Entry e, Instant now) {
        if (e.path().isEmpty()) {
            return;
        }
        Integer id = parseId(e.fields().getOrDefault("CallId", ""));
        if (id == null) {
            return;
        }
        String name = e.path().get(0);
        if (name.equalsIgnoreCase("CallDisconnect")) {
            lastEndCause = e.fields().get("CauseType");
            end(id);
        } else if (name.equalsIgnoreCase("CallSuccessful")) {
            Call c = calls.get(id);
            if (c != null && !"connected".equals(c.state())) {
                calls.put(id, new Call(id, "connected", c.direction(), c.peer(), c.duration(), now));
            }
        }
    }

    private void end(int id) {
        calls.remove(id);
        if (ended.add(id)) {
            endedOrder.add(id);
            if (endedOrder.size() > ENDED_MEMORY) {
                ended.remove(endedOrder.poll());
            }
        }
    }

    private void noteIdle(Map<Integer, Call> before, Instant now) {
        if (calls.isEmpty() && !before.isEmpty()) {
            idleSince = now;
        }
    }

    private static Integer parseId(String s) {
        try {
            int id = Integer.parseInt(s.strip());
            return id >= 0 ? id : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static int parseInt(String s, int fallback) {
        try {
            return Integer.parseInt(s.strip());
        } catch (NumberFormatException e) {
            return fallback;
        }
    }
}
