package org.roomctl.contract.command;

import org.roomctl.contract.ErrorCode;

/** A command that cannot be run as given: the code and message go into the error reply. */
public class BadCommandException extends Exception {
    private final ErrorCode code;
    private final String id;

    public BadCommandException(ErrorCode code, String message, String id) {
        super(message, null, false, false);
        this.code = code;
        this.id = id;
    }

    public ErrorCode code() {
        return code;
    }

    /** The command's id, if it could be read, so the error reply can carry it. */
    public String id() {
        return id;
    }
}
