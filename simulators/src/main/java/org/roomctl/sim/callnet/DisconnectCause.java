package org.roomctl.sim.callnet;

/**
 * Why a call ended, as a codec reports it in {@code *e CallDisconnect ... CauseValue: v CauseType: t}.
 * The values follow ISDN Q.850 where there is one (17 busy, 19 no answer, 21 rejected, 1 unknown
 * number); a normal hang-up reports 0, as in the protocol notes.
 */
public enum DisconnectCause {
    LOCAL_DISCONNECT("LocalDisconnect", 0),
    REMOTE_DISCONNECT("RemoteDisconnect", 0),
    UNKNOWN_REMOTE_SITE("UnknownRemoteSite", 1),
    REMOTE_BUSY("RemoteBusy", 17),
    REMOTE_NO_ANSWER("RemoteNoAnswer", 19),
    REMOTE_REJECTED("RemoteRejected", 21),
    LOCAL_REJECT("LocalReject", 21);

    private final String causeType;
    private final int causeValue;

    DisconnectCause(String causeType, int causeValue) {
        this.causeType = causeType;
        this.causeValue = causeValue;
    }

    public String causeType() {
        return causeType;
    }

    public int causeValue() {
        return causeValue;
    }
}
