package org.roomctl.panel;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.stream.Collectors;
import org.roomctl.web.Csrf;

/** A browser without a screen: keeps its cookies, sends the CSRF token as htmx does, follows no redirect. */
final class PanelHttp {
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final String base;
    final Map<String, String> cookies = new LinkedHashMap<>();

    PanelHttp(String base) {
        this.base = base;
    }

    String base() {
        return base;
    }

    String cookieHeader() {
        return cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    PanelHttp withPanel(String credential) {
        cookies.put("roomctl_panel", credential);
        return this;
    }

    HttpResponse<String> get(String path, String... headers) throws Exception {
        return send(request(path, headers).GET());
    }

    /** A form POST as htmx sends it: with the CSRF header (after a page gave the cookie) and HX-Request. */
    HttpResponse<String> htmx(String path, Map<String, String> form) throws Exception {
        if (!cookies.containsKey(Csrf.COOKIE)) {
            get("/enrol");
        }
        return post(path, form, Csrf.HEADER, cookies.get(Csrf.COOKIE), "HX-Request", "true");
    }

    HttpResponse<String> post(String path, Map<String, String> form, String... headers) throws Exception {
        String body = form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
        return send(request(path, headers)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body)));
    }

    private HttpRequest.Builder request(String path, String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(20));
        for (int i = 0; i < headers.length; i += 2) {
            b.header(headers[i], headers[i + 1]);
        }
        if (!cookies.isEmpty()) {
            b.header("Cookie", cookieHeader());
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        HttpResponse<String> r = http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        for (String c : r.headers().allValues("Set-Cookie")) {
            String pair = c.substring(0, c.indexOf(';') < 0 ? c.length() : c.indexOf(';'));
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            if (c.contains("Max-Age=0") || value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return r;
    }

    /** The Set-Cookie header of a response for {@code name}, or "". */
    static String setCookie(HttpResponse<?> r, String name) {
        return r.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith(name + "="))
                .findFirst()
                .orElse("");
    }
}
