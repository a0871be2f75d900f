package org.roomctl.agent.xapi;

import java.time.Duration;
import java.util.Optional;

/**
 * The terminal login, as a pure state machine. The device tells it what the codec printed and
 * when the wait it asked for is over; each answer says what to type, how long to wait for the
 * codec, and whether the login is over.
 *
 * <ul>
 *   <li>Nothing at first: a codec on a serial line printed its prompt long ago, so after a short
 *       wait an empty line is typed once, which makes a waiting prompt appear again. Still
 *       nothing: no login is needed.
 *   <li>{@code login:} is answered with the user name, {@code Password:} with the password (an
 *       empty one when none is configured: Cisco codecs ship with an empty admin password).
 *   <li>After the password, a banner or {@code *r Login successful} means success, but an
 *       {@code OK} may follow it, which must not be taken for the answer to the first command:
 *       the login is over at that {@code OK}, or after a short wait.
 *   <li>{@code Login incorrect}, or a new {@code login:} after the password, is a rejection. A
 *       rejected login is over: the next prompt is not answered, so a wrong password is never
 *       sent twice in a row.
 * </ul>
 */
final class XapiLogin {

    /** How a login ends. */
    enum Outcome {
        PENDING,
        LOGGED_IN,
        REJECTED
    }

    /**
     * What to do next.
     *
     * @param type bytes to send, or null
     * @param what what they are, for a log line ("user name", never the password itself)
     * @param delay how long to wait before {@link #timeUp()}, or null to keep any wait running
     * @param outcome whether the login is over
     */
    record Step(byte[] type, String what, Duration delay, Outcome outcome) {
        static final Step NOTHING = new Step(null, null, null, Outcome.PENDING);

        static Step waitFor(Duration delay) {
            return new Step(null, null, delay, Outcome.PENDING);
        }

        static Step type(byte[] bytes, String what, Duration delay) {
            return new Step(bytes, what, delay, Outcome.PENDING);
        }
    }

    private enum State {
        GREETING,
        WOKEN,
        NAME_SENT,
        PASSWORD_SENT,
        OVER
    }

    private final Optional<String> user;
    private final String password;
    private final Duration promptWait;
    private final Duration answerWait;
    private State state = State.GREETING;
    private String rejection;

    /**
     * @param user the login name, if configured
     * @param password the password ("" when none is configured)
     * @param promptWait how long a prompt or a trailing OK may take
     * @param answerWait how long the codec may take to judge a user name or password
     */
    XapiLogin(Optional<String> user, String password, Duration promptWait, Duration answerWait) {
        this.user = user.filter(u -> !u.isBlank());
        this.password = password;
        this.promptWait = promptWait;
        this.answerWait = answerWait;
    }

    /** Why the login was rejected (after a {@link Outcome#REJECTED} step). */
    String rejection() {
        return rejection;
    }

    /** The link is up. */
    Step start() {
        return Step.waitFor(promptWait);
    }

    /** The wait asked for is over. */
    Step timeUp() {
        switch (state) {
            case GREETING:
                state = State.WOKEN;
                return Step.type(XapiCommands.wake(), "an empty line", promptWait);
            case WOKEN, NAME_SENT, PASSWORD_SENT:
                return loggedIn();
            default:
                return Step.NOTHING;
        }
    }

    /** {@code login:}. */
    Step loginPrompt() {
        switch (state) {
            case GREETING, WOKEN:
                if (user.isEmpty()) {
                    return reject("codec asks for a login but no username is configured");
                }
                state = State.NAME_SENT;
                return Step.type(XapiCommands.loginLine(user.get()), "user name " + user.get(), answerWait);
            case NAME_SENT, PASSWORD_SENT:
                return reject("login incorrect");
            default:
                return Step.NOTHING;
        }
    }

    /** {@code Password:}. */
    Step passwordPrompt() {
        if (state != State.GREETING && state != State.WOKEN && state != State.NAME_SENT) {
            return Step.NOTHING;
        }
        state = State.PASSWORD_SENT;
        return Step.type(XapiCommands.loginLine(password), "password", answerWait);
    }

    /** {@code Login incorrect}. */
    Step incorrect() {
        return state == State.OVER ? Step.NOTHING : reject("login incorrect");
    }

    /** A banner line, or the echo of the user name. */
    Step text() {
        return state == State.PASSWORD_SENT ? Step.waitFor(promptWait) : Step.NOTHING;
    }

    /** {@code *r Login successful}: its OK follows. */
    Step loginSuccessful() {
        if (state == State.NAME_SENT || state == State.PASSWORD_SENT) {
            state = State.PASSWORD_SENT;
            return Step.waitFor(promptWait);
        }
        return Step.NOTHING;
    }

    /** {@code OK}/{@code ERROR}, or a complete block: the terminal is logged in and talking. */
    Step output() {
        return state == State.NAME_SENT || state == State.PASSWORD_SENT ? loggedIn() : Step.NOTHING;
    }

    private Step loggedIn() {
        state = State.OVER;
        return new Step(null, null, null, Outcome.LOGGED_IN);
    }

    private Step reject(String reason) {
        state = State.OVER;
        rejection = reason;
        return new Step(null, null, null, Outcome.REJECTED);
    }
}
