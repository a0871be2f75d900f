package org.roomctl.web;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.config.JavalinConfig;
import io.javalin.http.Context;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Supplier;

/**
 * What operations needs from every app: {@code GET /health} (200 when every check passes, 503
 * otherwise, with each check's state in JSON, for load balancers and systemd) and
 * {@code GET /metrics} (Prometheus text: HTTP requests by route and status with their timing,
 * JVM memory, threads, GC, CPU, plus whatever the app registers).
 */
public final class Ops {
    /** One health check: null when fine, else what is wrong. */
    public interface Check extends Supplier<String> {}

    private final PrometheusMeterRegistry registry = new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
    private final Map<String, Check> checks = new LinkedHashMap<>();
    private final String app;
    private final String version;
    private final ObjectMapper json = new ObjectMapper();

    public Ops(String app, String version) {
        this.app = app;
        this.version = version;
        // Tags before meters: a filter added after the first meter would not apply to it.
        registry.config().commonTags("app", app);
        new JvmMemoryMetrics().bindTo(registry);
        new JvmGcMetrics().bindTo(registry);
        new JvmThreadMetrics().bindTo(registry);
        new ProcessorMetrics().bindTo(registry);
        new UptimeMetrics().bindTo(registry);
    }

    /** Where the app registers its own meters (live streams, connections, recorder counts...). */
    public PrometheusMeterRegistry registry() {
        return registry;
    }

    public Ops check(String name, Check check) {
        checks.put(name, check);
        return this;
    }

    /** Adds the routes and times every request by its route. */
    public void install(JavalinConfig config) {
        config.routes.get("/health", this::health);
        config.routes.get("/metrics", ctx -> ctx.contentType("text/plain; version=0.0.4; charset=utf-8")
                .result(registry.scrape()));
        config.routes.before(ctx -> ctx.attribute("roomctl.started", System.nanoTime()));
        config.routes.after(ctx -> {
            Long started = ctx.attribute("roomctl.started");
            io.javalin.router.Endpoint matched = ctx.endpoints().matchedHttpEndpoint();
            if (started == null || matched == null) {
                return;
            }
            String route = matched.path;
            if (route.equals("/metrics") || route.equals("/health")) {
                return;
            }
            Timer.builder("http_server_requests")
                    .tag("method", ctx.method().name())
                    .tag("route", route)
                    .tag("status", Integer.toString(ctx.statusCode()))
                    .register(registry)
                    .record(System.nanoTime() - started, java.util.concurrent.TimeUnit.NANOSECONDS);
        });
    }

    private void health(Context ctx) throws Exception {
        Map<String, Object> body = new LinkedHashMap<>();
        Map<String, String> results = new LinkedHashMap<>();
        boolean ok = true;
        for (Map.Entry<String, Check> c : checks.entrySet()) {
            String problem;
            try {
                problem = c.getValue().get();
            } catch (RuntimeException e) {
                problem = String.valueOf(e.getMessage());
            }
            results.put(c.getKey(), problem == null ? "ok" : problem);
            ok &= problem == null;
        }
        body.put("status", ok ? "ok" : "failing");
        body.put("app", app);
        body.put("version", version);
        body.put("checks", results);
        ctx.status(ok ? 200 : 503).contentType("application/json").result(json.writeValueAsString(body));
    }
}
