package org.roomctl.contract;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.Map;

/**
 * The answer to a command, sent once the device has really done it (or could not):
 * {@code {"id": "x", "ok": true, "result": {...}}} or
 * {@code {"id": "x", "ok": false, "error": {"code": "DEVICE_OFFLINE", "message": "..."}}}.
 *
 * @param id the command's id, if it had one
 * @param room the room that answered
 * @param action the action, if the command could be read
 * @param ok whether it was done
 * @param result what was done (ok replies)
 * @param error why not (failed replies)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Reply(String id, String room, String action, boolean ok, Map<String, Object> result, Error error) {

    /** Why a command failed. */
    public record Error(ErrorCode code, String message) {}

    public static Reply ok(String id, String room, String action, Map<String, Object> result) {
        return new Reply(id, room, action, true, result, null);
    }

    public static Reply failed(String id, String room, String action, ErrorCode code, String message) {
        return new Reply(id, room, action, false, null, new Error(code, message));
    }
}
