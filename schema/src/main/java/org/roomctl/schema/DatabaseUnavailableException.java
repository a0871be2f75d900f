package org.roomctl.schema;

/** The database cannot be reached or used; the message says why, for a person. */
public class DatabaseUnavailableException extends RuntimeException {
    public DatabaseUnavailableException(String message, Throwable cause) {
        super(message, cause);
    }
}
