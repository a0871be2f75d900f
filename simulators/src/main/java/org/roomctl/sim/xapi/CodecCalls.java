package org.roomctl.sim.xapi;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import org.roomctl.sim.callnet.CallNetwork;
import org.roomctl.sim.callnet.CallSignal;
import org.roomctl.sim.callnet.DisconnectCause;

/**
 * A codec's calls and the call-control rules: dialling, ringing, answering, refusing and hanging
 * up, signalled to the other codec through the {@link CallNetwork}. One call at a time: a codec
 * with a call in progress is busy to anyone calling it (so calling yourself finds yourself busy,
 * and two rooms calling each other at the same moment both fail busy, as glare does). Runs on the
 * codec's thread only; what changes is told to a {@link Listener}.
 */
final class CodecCalls {
    /** Hears what happens to calls, to print status and events. */
    interface Listener {
        /** The call's status changed (or it is new). */
        void changed(Call call, long now);

        /** The call is connected. */
        void connected(Call call, long now);

        /** The call ended. */
        void ended(Call call, DisconnectCause cause, long now);
    }

    /** The outcome of a dial: the new call, or why there is none. */
    record Dialled(Call call, String error) {}

    private final String ownUri;
    private final CallNetwork network;
    private final Listener listener;
    private final List<Call> calls = new ArrayList<>();
    private int nextCallId = 1;
    private int nextConferenceId = 1;
    private boolean autoAnswer;
    private long ringTimeoutNanos = CodecFaults.DEFAULT_RING_TIMEOUT_MILLIS * 1_000_000;
    private long unknownUriFailNanos = CodecFaults.DEFAULT_UNKNOWN_URI_FAIL_MILLIS * 1_000_000;

    CodecCalls(String ownUri, CallNetwork network, Listener listener) {
        this.ownUri = ownUri;
        this.network = network;
        this.listener = listener;
    }

    List<Call> calls() {
        return List.copyOf(calls);
    }

    boolean autoAnswer() {
        return autoAnswer;
    }

    void autoAnswer(boolean on) {
        autoAnswer = on;
    }

    void timeouts(long ringTimeoutMillis, long unknownUriFailMillis) {
        ringTimeoutNanos = ringTimeoutMillis * 1_000_000;
        unknownUriFailNanos = unknownUriFailMillis * 1_000_000;
    }

    Dialled dial(String number, long now) {
        if (!calls.isEmpty()) {
            return new Dialled(null, "Max active calls reached");
        }
        Call call = new Call(
                nextCallId++,
                nextConferenceId++,
                network.newCallRef(),
                Call.Direction.Outgoing,
                number,
                CallStatus.Dialling);
        calls.add(call);
        call.peerKnows = network.deliver(number, new CallSignal.Invite(call.ref, ownUri, number));
        if (call.peerKnows) {
            call.deadline = now + ringTimeoutNanos;
            call.deadlineCause = DisconnectCause.REMOTE_NO_ANSWER;
        } else {
            call.deadline = now + unknownUriFailNanos;
            call.deadlineCause = DisconnectCause.UNKNOWN_REMOTE_SITE;
        }
        listener.changed(call, now);
        return new Dialled(call, null);
    }

    /** Accepts a ringing incoming call; returns null, or why not. */
    String accept(Integer callId, long now) {
        Call call = ringing(callId);
        if (call == null) {
            return "No incoming call to accept";
        }
        connect(call, now);
        network.deliver(call.peer, new CallSignal.Answer(call.ref, ownUri));
        return null;
    }

    /** Refuses a ringing incoming call; returns null, or why not. */
    String reject(Integer callId, long now) {
        Call call = ringing(callId);
        if (call == null) {
            return "No incoming call to reject";
        }
        network.deliver(call.peer, new CallSignal.Reject(call.ref, ownUri, DisconnectCause.REMOTE_REJECTED));
        end(call, DisconnectCause.LOCAL_REJECT, now);
        return null;
    }

    /** Hangs up one call, or all when {@code callId} is null; returns null, or why not. */
    String disconnect(Integer callId, long now) {
        List<Call> ending =
                calls.stream().filter(c -> callId == null || c.id == callId).toList();
        if (ending.isEmpty()) {
            return callId == null ? "No active call" : "No call with CallId " + callId;
        }
        for (Call call : ending) {
            if (call.peerKnows) {
                network.deliver(call.peer, new CallSignal.Hangup(call.ref, ownUri));
            }
            end(call, DisconnectCause.LOCAL_DISCONNECT, now);
        }
        return null;
    }

    void receive(CallSignal signal, long now) {
        if (signal instanceof CallSignal.Invite invite) {
            offered(invite, now);
            return;
        }
        Call call = byRef(signal.callRef());
        if (call == null) {
            if (signal instanceof CallSignal.Answer) {
                // answered after we gave up: tell the callee it is over
                network.deliver(signal.from(), new CallSignal.Hangup(signal.callRef(), ownUri));
            }
            return;
        }
        if (signal instanceof CallSignal.Ringing) {
            if (call.status == CallStatus.Dialling) {
                call.status = CallStatus.Connecting;
                listener.changed(call, now);
            }
        } else if (signal instanceof CallSignal.Answer) {
            connect(call, now);
        } else if (signal instanceof CallSignal.Reject reject) {
            end(call, reject.cause(), now);
        } else if (signal instanceof CallSignal.Hangup) {
            end(call, DisconnectCause.REMOTE_DISCONNECT, now);
        }
    }

    private void offered(CallSignal.Invite invite, long now) {
        if (!calls.isEmpty()) {
            network.deliver(
                    invite.from(), new CallSignal.Reject(invite.callRef(), ownUri, DisconnectCause.REMOTE_BUSY));
            return;
        }
        Call call = new Call(
                nextCallId++,
                nextConferenceId++,
                invite.callRef(),
                Call.Direction.Incoming,
                invite.from(),
                CallStatus.Ringing);
        call.peerKnows = true;
        calls.add(call);
        network.deliver(call.peer, new CallSignal.Ringing(call.ref, ownUri));
        listener.changed(call, now);
        if (autoAnswer) {
            accept(call.id, now);
        }
    }

    /** Ends the calls whose time is up: unanswered, or dialled to an address nobody has. */
    void expire(long now) {
        for (Call call : calls()) {
            if (call.deadline <= now) {
                if (call.peerKnows) {
                    network.deliver(call.peer, new CallSignal.Hangup(call.ref, ownUri));
                }
                end(call, call.deadlineCause, now);
            }
        }
    }

    OptionalLong nextDeadline() {
        return calls.stream()
                .mapToLong(c -> c.deadline)
                .filter(d -> d != Call.NO_DEADLINE)
                .min();
    }

    /** Power gone: the other sides are told, the calls are forgotten without a word. */
    void dropAll() {
        for (Call call : calls) {
            if (call.peerKnows) {
                network.deliver(call.peer, new CallSignal.Hangup(call.ref, ownUri));
            }
        }
        calls.clear();
    }

    private void connect(Call call, long now) {
        call.status = CallStatus.Connected;
        call.connectedAt = now;
        call.deadline = Call.NO_DEADLINE;
        listener.changed(call, now);
        listener.connected(call, now);
    }

    private void end(Call call, DisconnectCause cause, long now) {
        if (calls.remove(call)) {
            call.status = CallStatus.Disconnecting;
            listener.ended(call, cause, now);
        }
    }

    private Call ringing(Integer callId) {
        return calls.stream()
                .filter(c -> c.direction == Call.Direction.Incoming && c.status == CallStatus.Ringing)
                .filter(c -> callId == null || c.id == callId)
                .findFirst()
                .orElse(null);
    }

    private Call byRef(long ref) {
        return calls.stream().filter(c -> c.ref == ref).findFirst().orElse(null);
    }
}
