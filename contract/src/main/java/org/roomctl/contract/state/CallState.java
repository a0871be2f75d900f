package org.roomctl.contract.state;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.Map;

/**
 * A room's call, as its codec reports it.
 *
 * @param state idle, dialling, ringing, connecting, connected, disconnecting, onhold...
 * @param direction incoming or outgoing (absent when idle)
 * @param peer the other end's address (absent when idle)
 * @param callId the codec's id for the call (absent when idle)
 * @param since when the call reached this state
 * @param endCause when idle after a call: how the codec says that call ended, for example
 *     {@code LocalDisconnect} (hung up here) or {@code RemoteDisconnect} (hung up at the other end)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record CallState(String state, String direction, String peer, Integer callId, Instant since, String endCause) {
    public static final String IDLE = "idle";
    public static final String CONNECTED = "connected";

    public static CallState idle(Instant since) {
        return new CallState(IDLE, null, null, null, since, null);
    }

    /** Whether the codec says the last call was ended here (someone in this room hung up). */
    @JsonIgnore
    public boolean endedHere() {
        return isIdle() && endCause != null && endCause.startsWith("Local");
    }

    /** Whether the codec says the last call was ended by the other end. */
    @JsonIgnore
    public boolean endedThere() {
        return isIdle() && endCause != null && endCause.startsWith("Remote");
    }

    @JsonIgnore
    public boolean isIdle() {
        return IDLE.equals(state);
    }

    /** Reads the {@code call} property a codec device publishes. */
    public static CallState fromProperty(Object property) {
        if (!(property instanceof Map<?, ?> m)) {
            return null;
        }
        Object since = m.get("since");
        Object id = m.get("callId");
        return new CallState(
                m.get("state") == null ? IDLE : String.valueOf(m.get("state")),
                m.get("direction") == null ? null : String.valueOf(m.get("direction")),
                m.get("peer") == null ? null : String.valueOf(m.get("peer")),
                id instanceof Number n ? n.intValue() : null,
                since instanceof Instant i ? i : since instanceof String s ? Instant.parse(s) : null,
                m.get("endCause") == null ? null : String.valueOf(m.get("endCause")));
    }
}
