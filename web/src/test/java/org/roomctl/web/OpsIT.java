package org.roomctl.web;

import static org.assertj.core.api.Assertions.assertThat;

import io.javalin.Javalin;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class OpsIT {
    private final AtomicReference<String> database = new AtomicReference<>();
    private Javalin app;
    private final HttpClient http = HttpClient.newHttpClient();

    @BeforeEach
    void start() {
        Ops ops = new Ops("test-app", "1.2.3").check("database", database::get).check("broker", () -> null);
        app = Javalin.create(config -> {
                    ops.install(config);
                    config.routes.get("/rooms/{id}", ctx -> ctx.result("room " + ctx.pathParam("id")));
                })
                .start("127.0.0.1", 0);
    }

    @AfterEach
    void stop() {
        app.stop();
    }

    private HttpResponse<String> get(String path) throws Exception {
        return http.send(
                HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + app.port() + path))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void healthSaysWhichCheckFails() throws Exception {
        HttpResponse<String> ok = get("/health");
        assertThat(ok.statusCode()).isEqualTo(200);
        assertThat(ok.body()).contains("\"status\":\"ok\"", "\"database\":\"ok\"", "\"version\":\"1.2.3\"");
        database.set("connection refused");
        HttpResponse<String> bad = get("/health");
        assertThat(bad.statusCode()).isEqualTo(503);
        assertThat(bad.body())
                .contains("\"status\":\"failing\"", "\"database\":\"connection refused\"", "\"broker\":\"ok\"");
    }

    @Test
    void metricsCountRequestsByRouteNotByPath() throws Exception {
        get("/rooms/a");
        get("/rooms/b");
        String metrics = get("/metrics").body();
        assertThat(metrics)
                .contains(
                        "http_server_requests_seconds_count{app=\"test-app\",method=\"GET\",route=\"/rooms/{id}\",status=\"200\"} 2");
        assertThat(metrics).contains("jvm_memory_used_bytes");
    }
}
