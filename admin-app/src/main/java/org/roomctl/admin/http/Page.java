package org.roomctl.admin.http;

import java.time.Instant;
import java.time.ZoneId;
import org.roomctl.admin.auth.Principal;
import org.roomctl.admin.auth.Role;

/**
 * What every page's layout needs.
 *
 * @param title the page's title
 * @param section which navigation entry is current
 * @param user who is signed in
 * @param csrf the CSRF token to render into forms
 * @param zone the time zone to show times in
 * @param now the time the page was rendered
 * @param liveUrl the page's live stream (null: none)
 */
public record Page(
        String title, String section, Principal user, String csrf, ZoneId zone, Instant now, String liveUrl) {
    public boolean may(String role) {
        return user != null && user.may(Role.of(role));
    }

    public String time(Instant t) {
        return Fmt.time(t, zone);
    }

    public String shortTime(Instant t) {
        return Fmt.shortTime(t, zone);
    }

    public String since(Instant t) {
        return Fmt.since(t, now);
    }

    public String ago(Instant t) {
        return Fmt.ago(t, now);
    }
}
