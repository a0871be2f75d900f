package org.roomctl.sim.xapi;

/** The states a call goes through, named as the codec prints them in {@code *s Call n Status:}. */
public enum CallStatus {
    Idle,
    Dialling,
    Ringing,
    Connecting,
    Connected,
    Disconnecting,
    OnHold,
    EarlyMedia,
    Preserved,
    RemotePreserved
}
