package org.roomctl.bench;

import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.roomctl.web.Csrf;

/**
 * What a browser holds for one web app: its cookies (a panel's credential, an admin's session,
 * the CSRF cookie) and the CSRF token its pages gave it. Sends requests as the pages do: links
 * as plain GETs, buttons as htmx POSTs with the token in {@code X-CSRF-Token}, forms with it in
 * {@code _csrf}; every request with the headers a same-site browser sends. Follows no redirect.
 */
final class Browser {
    private static final Pattern FORM_TOKEN = Pattern.compile("name=\"" + Csrf.FIELD + "\" value=\"([^\"]+)\"");

    private final HttpClient http;
    private final String base;
    private final Map<String, String> cookies = new LinkedHashMap<>();

    /** @param http shared by many browsers (one connection pool, as many tabs of one machine) */
    Browser(HttpClient http, String base) {
        this.http = http;
        this.base = base;
    }

    HttpClient http() {
        return http;
    }

    synchronized String cookieHeader() {
        return cookies.entrySet().stream()
                .map(e -> e.getKey() + "=" + e.getValue())
                .collect(Collectors.joining("; "));
    }

    synchronized String cookie(String name) {
        return cookies.get(name);
    }

    HttpResponse<String> get(String path) throws Exception {
        return send(request(path).GET());
    }

    /** A page load as a browser makes it, accepting a compressed answer: the bytes as they came. */
    HttpResponse<byte[]> load(String path) throws Exception {
        HttpRequest.Builder b = request(path)
                .header("Accept", "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .header("Accept-Encoding", "gzip, deflate, br")
                .GET();
        return keepCookies(http.send(b.build(), HttpResponse.BodyHandlers.ofByteArray()));
    }

    /** A button press as htmx sends it: a form POST with the CSRF header, answered with a fragment. */
    CompletableFuture<HttpResponse<String>> tap(String path, Map<String, String> form) {
        HttpRequest.Builder b = request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .header(Csrf.HEADER, cookie(Csrf.COOKIE))
                .header("HX-Request", "true")
                .POST(HttpRequest.BodyPublishers.ofString(encode(form)));
        return http.sendAsync(b.build(), HttpResponse.BodyHandlers.ofString()).thenApply(this::keepCookies);
    }

    /** A plain form submitted from {@code page}: the CSRF token the page rendered goes in the form. */
    HttpResponse<String> submit(String page, String path, Map<String, String> form) throws Exception {
        Matcher m = FORM_TOKEN.matcher(get(page).body());
        if (!m.find()) {
            throw new IllegalStateException(page + " has no form with a CSRF token");
        }
        Map<String, String> withToken = new LinkedHashMap<>(form);
        withToken.put(Csrf.FIELD, m.group(1));
        return send(request(path)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(encode(withToken))));
    }

    /** A request with this browser's cookies and the headers of a same-site page. */
    HttpRequest.Builder request(String path) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base + path))
                .timeout(Duration.ofSeconds(60))
                .header("Origin", base)
                .header("Sec-Fetch-Site", "same-origin")
                .header("User-Agent", "Mozilla/5.0 (X11; Linux x86_64) roomctl-bench");
        String cookie = cookieHeader();
        if (!cookie.isEmpty()) {
            b.header("Cookie", cookie);
        }
        return b;
    }

    private HttpResponse<String> send(HttpRequest.Builder b) throws Exception {
        return keepCookies(http.send(b.build(), HttpResponse.BodyHandlers.ofString()));
    }

    private <T> HttpResponse<T> keepCookies(HttpResponse<T> r) {
        for (String c : r.headers().allValues("Set-Cookie")) {
            int semi = c.indexOf(';');
            String pair = semi < 0 ? c : c.substring(0, semi);
            String name = pair.substring(0, pair.indexOf('='));
            String value = pair.substring(pair.indexOf('=') + 1);
            synchronized (this) {
                if (c.contains("Max-Age=0") || value.isEmpty()) {
                    cookies.remove(name);
                } else {
                    cookies.put(name, value);
                }
            }
        }
        return r;
    }

    private static String encode(Map<String, String> form) {
        return form.entrySet().stream()
                .map(e -> URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "="
                        + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }
}
