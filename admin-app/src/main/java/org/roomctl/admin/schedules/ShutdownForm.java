package org.roomctl.admin.schedules;

/**
 * What the shutdowns page shows besides the lists: the create form as typed, and a message for
 * that form or for one shutdown's row.
 *
 * @param site the create form's site
 * @param time its time of day
 * @param zone its time zone
 * @param row the shutdown the message is about (null: the create form)
 * @param message the message ("" for none)
 * @param ok whether it is good news
 */
public record ShutdownForm(String site, String time, String zone, Long row, String message, boolean ok) {
    static ShutdownForm blank(String zone) {
        return new ShutdownForm("", "", zone, null, "", true);
    }

    ShutdownForm say(Long row, String message, boolean ok) {
        return new ShutdownForm(site, time, zone, row, message, ok);
    }

    /** Whether the message is about the shutdown {@code id}. */
    public boolean about(long id) {
        return row != null && row == id && !message.isEmpty();
    }

    /** Whether the message is about the create form. */
    public boolean aboutForm() {
        return row == null && !message.isEmpty();
    }
}
