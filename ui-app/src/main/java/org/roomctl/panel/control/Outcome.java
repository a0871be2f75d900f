package org.roomctl.panel.control;

/**
 * What became of something a person asked for, in words, with the HTTP status that goes with it.
 *
 * @param ok whether it was done
 * @param message what happened, for the person who tapped
 * @param status 200 done; 400 bad input; 409 refused (busy, offline device...); 503 the room or the
 *     database cannot be reached; 504 no answer in time
 * @param next where the panel goes next, if anywhere (after a call is started: home)
 */
public record Outcome(boolean ok, String message, int status, String next) {
    public static Outcome done(String message) {
        return new Outcome(true, message, 200, null);
    }

    public static Outcome badInput(String message) {
        return new Outcome(false, message, 400, null);
    }

    public static Outcome refused(String message) {
        return new Outcome(false, message, 409, null);
    }

    public static Outcome unavailable(String message) {
        return new Outcome(false, message, 503, null);
    }

    public static Outcome noAnswer(String message) {
        return new Outcome(false, message, 504, null);
    }

    public Outcome then(String url) {
        return new Outcome(ok, message, status, url);
    }
}
