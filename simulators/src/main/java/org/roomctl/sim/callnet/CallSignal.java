package org.roomctl.sim.callnet;

/**
 * What simulated codecs tell each other about a call, in the manner of SIP. Every signal names
 * the call (a reference unique on the network, chosen by the caller) and the sender's address.
 */
public sealed interface CallSignal {
    long callRef();

    /** The address to answer to. */
    String from();

    /** A call offered to {@code to}. */
    record Invite(long callRef, String from, String to) implements CallSignal {}

    /** The callee is ringing. */
    record Ringing(long callRef, String from) implements CallSignal {}

    /** The callee accepted. */
    record Answer(long callRef, String from) implements CallSignal {}

    /** The callee refused, with the cause the caller will report. */
    record Reject(long callRef, String from, DisconnectCause cause) implements CallSignal {}

    /** The other side ended the call (or gave up before it was answered). */
    record Hangup(long callRef, String from) implements CallSignal {}
}
