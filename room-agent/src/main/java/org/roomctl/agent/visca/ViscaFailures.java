package org.roomctl.agent.visca;

import org.roomctl.agent.device.DeviceException;

/** What a camera's error reply means for the command it answers. */
final class ViscaFailures {
    private ViscaFailures() {}

    /**
     * @param error the camera's error
     * @param what the command, for the message ("camera: recall preset 2")
     */
    static DeviceException of(ViscaError error, String what) {
        return switch (error) {
            case BUFFER_FULL -> DeviceException.busy(what + ": both command sockets are busy (command buffer full)");
            case CANCELLED -> DeviceException.error(what + ": cancelled by a later move");
            case NOT_EXECUTABLE -> DeviceException.error(what + ": not executable now (camera in standby?)");
            case SYNTAX -> DeviceException.error(what + ": syntax error (the camera does not know this command)");
            case MESSAGE_LENGTH -> DeviceException.error(what + ": message length error");
            case NO_SOCKET -> DeviceException.error(what + ": no command running on that socket");
        };
    }
}
