package org.roomctl.admin;

import static org.assertj.core.api.Assertions.assertThat;

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
import org.roomctl.admin.auth.Gatekeeper;
import org.roomctl.web.Csrf;

/** A browser without a browser: keeps its cookies, sends the CSRF token as the pages' script does. */
final class Client {
    private final String base;
    private final HttpClient http =
            HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    final Map<String, String> cookies = new LinkedHashMap<>();

    Client(String base) {
        this.base = base;
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(HttpRequest.newBuilder(URI.create(base + path)).GET(), true);
    }

    /** A form post as htmx sends it: with the CSRF header. */
    HttpResponse<String> post(String path, Map<String, String> form) throws Exception {
        return send(formRequest(path, form).header(Csrf.HEADER, csrf()).header("HX-Request", "true"), true);
    }

    HttpResponse<String> post(String path) throws Exception {
        return post(path, Map.of());
    }

    /** A form post without the CSRF token (as a forged request would be). */
    HttpResponse<String> postWithoutCsrf(String path, Map<String, String> form) throws Exception {
        return send(formRequest(path, form), true);
    }

    /** A plain form post (no script): the token in the form. */
    HttpResponse<String> submit(String path, Map<String, String> form) throws Exception {
        Map<String, String> f = new LinkedHashMap<>(form);
        f.put(Csrf.FIELD, csrf());
        return send(formRequest(path, f), true);
    }

    private HttpRequest.Builder formRequest(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return HttpRequest.newBuilder(URI.create(base + path))
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    HttpResponse<String> send(HttpRequest.Builder b, boolean withCookies) throws Exception {
        if (withCookies && !cookies.isEmpty()) {
            b.header(
                    "Cookie",
                    cookies.entrySet().stream()
                            .map(e -> e.getKey() + "=" + e.getValue())
                            .collect(Collectors.joining("; ")));
        }
        HttpResponse<String> r =
                http.send(b.timeout(Duration.ofSeconds(30)).build(), HttpResponse.BodyHandlers.ofString());
        for (String c : r.headers().allValues("Set-Cookie")) {
            String pair = c.substring(0, c.indexOf(';'));
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            if (value.isEmpty()) {
                cookies.remove(name);
            } else {
                cookies.put(name, value);
            }
        }
        return r;
    }

    /** The CSRF token, getting one from the login page if this client has none yet. */
    String csrf() throws Exception {
        if (!cookies.containsKey(Csrf.COOKIE)) {
            get("/login");
        }
        return cookies.get(Csrf.COOKIE);
    }

    void login(String name, String password) throws Exception {
        HttpResponse<String> r = submit("/login", Map.of("name", name, "password", password, "next", "/fleet"));
        assertThat(r.statusCode()).as("sign-in of %s: %s", name, r.body()).isEqualTo(303);
        assertThat(cookies).containsKey(Gatekeeper.SESSION_COOKIE);
    }

    String session() {
        return cookies.get(Gatekeeper.SESSION_COOKIE);
    }

    static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    /** An API call with a bearer token (no cookies). */
    static HttpResponse<String> api(String base, String method, String path, String token, String json)
            throws Exception {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path)).timeout(Duration.ofSeconds(30));
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        b.method(
                method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
    }
}
