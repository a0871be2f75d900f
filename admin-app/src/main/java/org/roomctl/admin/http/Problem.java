package org.roomctl.admin.http;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A request that cannot be done, with the HTTP status, a stable code for programs and a message
 * for people. Thrown anywhere in the app; {@link ErrorResponses} turns it into JSON for the API
 * and into the form's fragment (or a page) for browsers.
 */
public class Problem extends RuntimeException {
    private final int status;
    private final String code;
    private final Map<String, Object> details = new LinkedHashMap<>();

    public Problem(int status, String code, String message) {
        super(message, null, false, false);
        this.status = status;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String code() {
        return code;
    }

    /** Adds a detail for programs, beside code and message in the API's error (null: nothing added). */
    public Problem with(String name, Object value) {
        if (value != null) {
            details.put(name, value);
        }
        return this;
    }

    public Map<String, Object> details() {
        return Collections.unmodifiableMap(details);
    }

    public static Problem badRequest(String message) {
        return new Problem(400, "bad_request", message);
    }

    public static Problem notFound(String message) {
        return new Problem(404, "not_found", message);
    }

    public static Problem conflict(String message) {
        return new Problem(409, "conflict", message);
    }

    public static Problem forbidden(String message) {
        return new Problem(403, "forbidden", message);
    }

    public static Problem unauthenticated(String message) {
        return new Problem(401, "unauthenticated", message);
    }

    public static Problem unavailable(String message) {
        return new Problem(503, "unavailable", message);
    }

    public static Problem tooManyRequests(String message) {
        return new Problem(429, "too_many_requests", message);
    }
}
