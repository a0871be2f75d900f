package org.roomctl.sim.xapi;

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

    org.roomctl.sim.callnet.DisconnectCause deadlineCause;

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

    long durationSeconds(long now) {
        return status == CallStatus.Connected ? (now - connectedAt) / 1_000_000_000L : 0;
    }
}
