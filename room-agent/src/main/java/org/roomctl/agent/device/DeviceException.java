package org.roomctl.agent.device;

import org.roomctl.contract.ErrorCode;

/**
 * Why a device command failed, with the reply code it maps to. Completes futures exceptionally;
 * never thrown out of a device for an anticipated failure.
 */
public class DeviceException extends Exception {
    private final ErrorCode code;

    public DeviceException(ErrorCode code, String message) {
        super(message, null, false, false);
        this.code = code;
    }

    public ErrorCode code() {
        return code;
    }

    public static DeviceException offline(String message) {
        return new DeviceException(ErrorCode.DEVICE_OFFLINE, message);
    }

    public static DeviceException error(String message) {
        return new DeviceException(ErrorCode.DEVICE_ERROR, message);
    }

    public static DeviceException timeout(String message) {
        return new DeviceException(ErrorCode.TIMEOUT, message);
    }

    public static DeviceException busy(String message) {
        return new DeviceException(ErrorCode.BUSY, message);
    }

    public static DeviceException badRequest(String message) {
        return new DeviceException(ErrorCode.BAD_REQUEST, message);
    }

    /** The DeviceException inside a future's failure, or an INTERNAL one describing an unexpected failure. */
    public static DeviceException unwrap(Throwable t) {
        Throwable cause = t;
        while ((cause instanceof java.util.concurrent.CompletionException
                        || cause instanceof java.util.concurrent.ExecutionException)
                && cause.getCause() != null) {
            cause = cause.getCause();
        }
        if (cause instanceof DeviceException d) {
            return d;
        }
        return new DeviceException(ErrorCode.INTERNAL, String.valueOf(cause));
    }
}
