package org.roomctl.sim.xapi;

import java.util.ArrayList;
import java.util.List;

/**
 * How the terminal answers one request: the lines of the reply, {@code ** end}, then {@code OK}
 * (or {@code OK} first, as some firmware does). A request tagged {@code | resultId="ID"} gets the
 * line {@code ** resultId: "ID"} just before {@code ** end}, as Cisco's API guide shows. Lines end
 * CRLF.
 *
 * @param resultId the request's tag, or null
 * @param okFirst print {@code OK} before the block
 */
record XapiReply(String resultId, boolean okFirst) {
    static final String CRLF = "\r\n";

    /** A block: the lines and {@code ** end}, terminated by {@code OK}. */
    String block(List<String> lines) {
        List<String> all = new ArrayList<>(lines);
        all.add("** end");
        return terminated(all);
    }

    /** Just {@code OK}, for commands with nothing to say. */
    String ok() {
        return terminated(List.of());
    }

    String notRecognized() {
        return terminated(List.of("Command not recognized."));
    }

    /** {@code *r Name (status=OK):}, or the error when {@code error} is not null. */
    String result(String name, String error) {
        return error == null ? block(List.of("*r " + name + " (status=OK):")) : error(name, error);
    }

    String error(String name, String reason) {
        return block(List.of("*r " + name + " (status=Error):", "*r " + name + " Reason: \"" + reason + "\""));
    }

    private String terminated(List<String> lines) {
        List<String> all = new ArrayList<>(lines);
        if (resultId != null) {
            // As Cisco's API guide shows it: the tag just before the block's end.
            int end = all.lastIndexOf("** end");
            all.add(end >= 0 ? end : all.size(), "** resultId: \"" + resultId + "\"");
        }
        all.add(okFirst ? 0 : all.size(), "OK");
        return String.join(CRLF, all) + CRLF;
    }
}
