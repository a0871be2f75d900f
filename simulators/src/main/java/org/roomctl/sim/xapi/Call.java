package org.roomctl.sim.xapi;

import java.util.List;
import org.roomctl.sim.callnet.DisconnectCause;

/** One call of a codec: who, which way, and how far it has got. Mutable; the codec's thread only. */
final class Call {
    enum Direction {
        Incoming,
        Outgoing
    }

    static final long NO_DEADLINE = Long.MAX_VALUE;

    final int id;
    final int conferenceId;
    final long ref;
    final Direction direction;
    /** The other side's address as dialled or as it introduced itself, for example {@code sip:room-b@example.org}. */
    final String peer;

    CallStatus status;
    long connectedAt;
    /** Whether the other side knows of the call (it was invited, or invited us). */
    boolean peerKnows;
    /** When the call fails by itself unless something happens first. */
    long deadline = NO_DEADLINE;

    DisconnectCause deadlineCause;

    Call(int id, int conferenceId, long ref, Direction direction, String peer, CallStatus status) {
        this.id = id;
        this.conferenceId = conferenceId;
        this.ref = ref;
        this.direction = direction;
        this.peer = peer;
        this.status = status;
    }

    /** The peer without its scheme, as {@code RemoteNumber} shows it. */
    String remoteNumber() {
        String p = peer.strip();
        return p.regionMatches(true, 0, "sip:", 0, 4) ? p.substring(4) : p;
    }

    /** The call's status as {@code xStatus Call} prints it. */
    List<String> statusLines(long now) {
        String at = "*s Call " + id + " ";
        return List.of(
                at + "Status: " + status.name(),
                at + "Direction: " + direction.name(),
                at + "RemoteNumber: \"" + remoteNumber() + "\"",
                at + "CallbackNumber: \"" + peer + "\"",
                at + "Duration: " + durationSeconds(now));
    }

    long durationSeconds(long now) {
        return status == CallStatus.Connected ? (now - connectedAt) / 1_000_000_000L : 0;
    }
}
