package org.roomctl.sim.pjlink;

import java.util.List;
import java.util.stream.Collectors;

/**
 * A PJLink class 1 display's state and command set, shared by all its connections (hence
 * synchronized). Pure: time is passed in; warm-up and cool-down are worked out from it.
 *
 * <p>{@link #execute} takes a command name and parameter and returns what follows {@code =} in
 * the reply: a value, {@code OK}, or {@code ERR1} (unknown command), {@code ERR2} (bad parameter),
 * {@code ERR3} (unavailable now, in standby or while warming up or cooling down), {@code ERR4}
 * (device failure).
 */
public final class PjlinkDisplay {
    /** The inputs this display has: RGB 1, video 1, digital 1 to 3, network 1. */
    public static final List<Integer> INPUTS = List.of(11, 21, 31, 32, 33, 51);

    private enum Power {
        STANDBY(0, "standby"),
        ON(1, "on"),
        COOLING(2, "cooling"),
        WARMING(3, "warming up");

        final int code;
        final String description;

        Power(int code, String description) {
            this.code = code;
            this.description = description;
        }
    }

    private final String name;
    private Power power = Power.STANDBY;
    private long transitionEnds;
    private int input = 31;
    private boolean videoMuted;
    private boolean audioMuted;
    private int lampHours = 1234;
    private DisplayFaults faults = DisplayFaults.NONE;
    private String lastCommand = "";

    /** @param name what {@code NAME ?} answers */
    public PjlinkDisplay(String name) {
        this.name = name;
    }

    public synchronized DisplayFaults faults() {
        return faults;
    }

    public synchronized void faults(DisplayFaults faults) {
        this.faults = faults;
    }

    /** The result of one command, for example {@code execute("POWR", "?", now)} is {@code "0"}. */
    public synchronized String execute(String command, String parameter, long now) {
        settle(now);
        lastCommand = "%1" + command + " " + parameter;
        boolean query = parameter.equals("?");
        return switch (command) {
            case "POWR" -> failed() ? "ERR4" : query ? Integer.toString(power.code) : power(parameter, now);
            case "INPT" -> failed() ? "ERR4" : query ? whenOn(Integer.toString(input)) : input(parameter);
            case "AVMT" -> failed() ? "ERR4" : query ? whenOn(muteCode()) : mute(parameter);
            case "ERST" -> query ? errorStatus() : "ERR2";
            case "LAMP" -> failed() ? "ERR4" : query ? lampHours + " " + (lampLit() ? 1 : 0) : "ERR2";
            case "NAME" -> query ? name : "ERR2";
            case "INF1" -> query ? "ROOMCTL" : "ERR2";
            case "INF2" -> query ? "SimDisplay 1" : "ERR2";
            case "INFO" -> query ? "roomctl simulated display" : "ERR2";
            case "CLSS" -> query ? "1" : "ERR2";
            case "INST" -> query ? INPUTS.stream().map(String::valueOf).collect(Collectors.joining(" ")) : "ERR2";
            default -> "ERR1";
        };
    }

    private boolean failed() {
        return faults.deviceFailure();
    }

    private String whenOn(String result) {
        return power == Power.ON ? result : "ERR3";
    }

    private String power(String parameter, long now) {
        if (!parameter.equals("0") && !parameter.equals("1")) {
            return "ERR2";
        }
        if (power == Power.WARMING || power == Power.COOLING) {
            return "ERR3";
        }
        boolean on = parameter.equals("1");
        if (on && power == Power.STANDBY) {
            transition(Power.WARMING, Power.ON, faults.warmUpMillis(), now);
        } else if (!on && power == Power.ON) {
            transition(Power.COOLING, Power.STANDBY, faults.coolDownMillis(), now);
        }
        return "OK";
    }

    private void transition(Power during, Power after, long millis, long now) {
        if (millis == 0) {
            power = after;
        } else {
            power = during;
            transitionEnds = now + millis * 1_000_000;
        }
    }

    private void settle(long now) {
        if (power == Power.WARMING && now >= transitionEnds) {
            power = Power.ON;
        } else if (power == Power.COOLING && now >= transitionEnds) {
            power = Power.STANDBY;
        }
    }

    private String input(String parameter) {
        if (!parameter.matches("[1-5][1-9]")) {
            return "ERR2";
        }
        int wanted = Integer.parseInt(parameter);
        if (!INPUTS.contains(wanted)) {
            return "ERR2";
        }
        if (power != Power.ON) {
            return "ERR3";
        }
        input = wanted;
        return "OK";
    }

    private String mute(String parameter) {
        if (!parameter.matches("[123][01]")) {
            return "ERR2";
        }
        if (power != Power.ON) {
            return "ERR3";
        }
        boolean on = parameter.charAt(1) == '1';
        char what = parameter.charAt(0);
        if (what == '1' || what == '3') {
            videoMuted = on;
        }
        if (what == '2' || what == '3') {
            audioMuted = on;
        }
        return "OK";
    }

    private String muteCode() {
        if (videoMuted && audioMuted) {
            return "31";
        }
        if (videoMuted) {
            return "11";
        }
        if (audioMuted) {
            return "21";
        }
        return "30";
    }

    private String errorStatus() {
        String status = faults.errorStatus();
        return failed() ? status.substring(0, 5) + "2" : status;
    }

    private boolean lampLit() {
        return power == Power.ON || power == Power.WARMING;
    }

    /** Mains power off and on: back in standby, unmuted. */
    public synchronized void powerCycle() {
        power = Power.STANDBY;
        videoMuted = false;
        audioMuted = false;
    }

    public synchronized DisplayState state(long now) {
        settle(now);
        return new DisplayState(
                power.description, input, videoMuted, audioMuted, lampHours, errorStatus(), lastCommand);
    }
}
