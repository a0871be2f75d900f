package org.roomctl.bench;

import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import org.roomctl.fleet.panels.PanelService;

/** Touch panels enrolled as a person enrols one: a pairing code from the AV team, typed into /enrol. */
final class Panels {
    static final String CREDENTIAL_COOKIE = "roomctl_panel";

    private Panels() {}

    /**
     * A browser enrolled as a panel of {@code room} on the panel app at {@code base}, having
     * loaded its home screen (which gave it the CSRF cookie its buttons send).
     */
    static Browser enrol(HttpClient http, String base, PanelService panels, String room) throws Exception {
        String code = panels.issueCode(room, "bench", Duration.ofMinutes(15)).code();
        Browser b = new Browser(http, base);
        HttpResponse<String> r = b.submit("/enrol", "/enrol", Map.of("code", code));
        if (r.statusCode() != 303 || b.cookie(CREDENTIAL_COOKIE) == null) {
            throw new IllegalStateException("enrolling a panel of " + room + " failed: HTTP " + r.statusCode());
        }
        HttpResponse<String> home = b.get(home(room));
        if (home.statusCode() != 200) {
            throw new IllegalStateException(home(room) + " answered HTTP " + home.statusCode());
        }
        return b;
    }

    static String home(String room) {
        return "/room/" + room;
    }

    /** The home screen's live stream. */
    static String homeStream(String room) {
        return "/room/" + room + "/live/home";
    }
}
