package org.roomctl.bench;

import io.javalin.Javalin;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.roomctl.contract.Json;
import org.roomctl.contract.Reply;
import org.roomctl.contract.bus.BusClient;
import org.roomctl.contract.bus.BusMessage;
import org.roomctl.contract.bus.BusOptions;
import org.roomctl.contract.state.DeviceState;
import org.roomctl.contract.state.DeviceStatus;
import org.roomctl.contract.state.RoomState;
import org.roomctl.embedded.TestDatabases;
import org.roomctl.fleet.Fleet;
import org.roomctl.fleet.FleetSettings;
import org.roomctl.fleet.catalog.RoomSnapshot;
import org.roomctl.panel.PanelApp;
import org.roomctl.panel.PanelSettings;
import org.roomctl.schema.Database;
import org.roomctl.testkit.RoomsRig;

/**
 * Benchmark 3: touch-panel feedback. A tap on room A's panel (the HTTP request its button sends)
 * until the pushed fragment showing the result reaches the panels' live streams, read by real SSE
 * clients holding enrolled panels' cookies: the document camera switched on or off (A's panel),
 * and A connected to B and hung up again (A's and B's panels). Everything is real: the panel app
 * on a {@link Fleet}, PostgreSQL, the embedded broker, the room agent and simulated devices
 * ({@link RoomsRig}). Beside it, in the same run and interleaved in blocks: the bare broker round
 * trip, and the same actions sent straight to the agent over MQTT, timed until the room's state
 * showing the result reaches a plain subscriber.
 */
final class PanelFeedback {
    static final double TARGET_P99_MS = 100;
    private static final Duration WAIT = Duration.ofSeconds(20);
    private static final Duration PAUSE_BEFORE_CONNECT = Duration.ofMillis(300);
    private static final Pattern CALL_KIND = Pattern.compile("id=\"call\" class=\"[^\"]*\" data-kind=\"([a-z]+)\"");
    private static final Pattern DOCCAM =
            Pattern.compile("id=\"state-doccam\" class=\"[^\"]*\" data-status=\"([a-z]+)\"");
    private static final Pattern CONFIRM_KEY = Pattern.compile("name=\"key\" value=\"([^\"]+)\"");
    private static final String A = "room-a";
    private static final String B = "room-b";

    /** What one side of the comparison measured. */
    private static final class Figures {
        final Latencies doccam = new Latencies();
        final Latencies doccamAnswer = new Latencies();
        final Latencies connectA = new Latencies();
        final Latencies connectB = new Latencies();
        final Latencies connectBoth = new Latencies();
        final Latencies hangupBoth = new Latencies();
    }

    private final RoomsRig rig;
    private final Fleet fleet;
    private final Browser panelA;
    private final LiveStream streamA;
    private final LiveStream streamB;
    private final BusWatch watch;
    private final BusClient direct;
    private final String bareTopic = "bench/bare-" + UUID.randomUUID();
    private final Figures viaPanel = new Figures();
    private final Figures straight = new Figures();
    private final Latencies bare = new Latencies();
    private boolean doccamOn;

    private PanelFeedback(
            RoomsRig rig,
            Fleet fleet,
            Browser panelA,
            LiveStream streamA,
            LiveStream streamB,
            BusWatch watch,
            BusClient direct) {
        this.rig = rig;
        this.fleet = fleet;
        this.panelA = panelA;
        this.streamA = streamA;
        this.streamB = streamB;
        this.watch = watch;
        this.direct = direct;
    }

    /** Runs it; a failure is printed (the other benchmarks still run). */
    static void run(int taps, int calls, PrintStream out) {
        try {
            setUpAndMeasure(taps, calls, out);
        } catch (Exception e) {
            out.println("   FAILED: " + e);
            e.printStackTrace();
        }
    }

    private static void setUpAndMeasure(int taps, int calls, PrintStream out) throws Exception {
        out.println();
        out.println("3. Touch-panel feedback: a tap on room A's panel until the pushed fragment reaches the panels");
        out.println("   (panel app + Fleet, room agent, simulated devices; embedded HiveMQ, " + TestDatabases.server()
                + "; " + taps + " document camera taps and " + calls + " connect/hang-up cycles each way)");
        try (RoomsRig rig = Rigs.start()) {
            Database db = rig.closeLater(Database.open(rig.databaseUrl, null, null, "bench-panel", 8));
            String instance = "bench-panel-" + UUID.randomUUID().toString().substring(0, 6);
            Fleet fleet = rig.closeLater(Rigs.fleet(rig, db, instance));
            awaitReady(fleet);
            FleetSettings fleetSettings = new FleetSettings(
                    rig.databaseUrl, null, null, rig.broker.uri(), null, null, null, rig.topics.prefix(), instance);
            PanelSettings settings =
                    new PanelSettings(fleetSettings, "127.0.0.1", 0, Duration.ofSeconds(10), Duration.ofSeconds(15));
            Javalin app = PanelApp.create(fleet, settings, Clock.systemUTC()).start("127.0.0.1", 0);
            rig.closeLater(app::stop);
            String base = "http://127.0.0.1:" + app.port();
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(5))
                    .build();
            Browser a = Panels.enrol(http, base, fleet.panels(), A);
            Browser b = Panels.enrol(http, base, fleet.panels(), B);
            LiveStream sa =
                    rig.closeLater(LiveStream.open(a, Panels.homeStream(A)).get(10, TimeUnit.SECONDS));
            LiveStream sb =
                    rig.closeLater(LiveStream.open(b, Panels.homeStream(B)).get(10, TimeUnit.SECONDS));
            BusWatch watch = rig.closeLater(new BusWatch(rig.broker.uri(), rig.topics.everyRoom("state")));
            BusClient direct =
                    rig.closeLater(new BusClient(BusOptions.to(rig.broker.uri(), "bench-direct-" + UUID.randomUUID())));
            direct.connect().get(10, TimeUnit.SECONDS);
            BusClient responder = rig.closeLater(
                    new BusClient(BusOptions.to(rig.broker.uri(), "bench-responder-" + UUID.randomUUID())));
            responder.connect().get(10, TimeUnit.SECONDS);
            PanelFeedback bench = new PanelFeedback(rig, fleet, a, sa, sb, watch, direct);
            byte[] pong = "{\"ok\":true}".getBytes();
            responder
                    .subscribe(
                            bench.bareTopic,
                            1,
                            m -> responder.publish(BusMessage.of(m.responseTopic(), pong, 1, false)
                                    .withResponse(null, m.correlationData())))
                    .get(10, TimeUnit.SECONDS);
            bench.measure(taps, calls);
            bench.report(out);
        }
    }

    private static void awaitReady(Fleet fleet) throws InterruptedException {
        BusWatch.await(Duration.ofSeconds(60), "rooms A and B ready", () -> {
            for (String id : List.of(A, B)) {
                RoomSnapshot s = fleet.rooms().room(id).orElse(null);
                if (s == null
                        || !s.online()
                        || s.state() == null
                        || !s.call().isIdle()
                        || s.state().devices().values().stream().anyMatch(d -> d.status() != DeviceStatus.ONLINE)) {
                    return false;
                }
            }
            return fleet.catalog().rooms().size() >= 2 && fleet.catalogUpToDate();
        });
    }

    private void measure(int taps, int calls) throws Exception {
        try {
            measureAll(taps, calls);
        } catch (TimeoutException e) {
            throw new IllegalStateException("what was awaited did not come: " + diagnostics(), e);
        }
    }

    /** What the panel app and the streams show now, for saying why something awaited did not come. */
    private String diagnostics() {
        return "the panel app sees A's call "
                + fleet.rooms().room(A).map(s -> s.call().state()).orElse("?")
                + " and B's " + fleet.rooms().room(B).map(s -> s.call().state()).orElse("?")
                + "; its metrics: " + liveStreams() + "; " + streamA.describe() + "; " + streamB.describe();
    }

    private void measureAll(int taps, int calls) throws Exception {
        doccamOn = "on"
                .equals(String.valueOf(
                        doccam(fleet.rooms().room(A).orElseThrow().state())));
        // Warm-up: the JIT, the pools, the first template renders.
        Figures scratchA = new Figures();
        Figures scratchB = new Figures();
        Latencies scratch = new Latencies();
        for (int i = 0; i < 30; i++) {
            tapDoccam(scratchA);
            directDoccam(scratchB);
            bareRoundTrip(scratch);
        }
        for (int i = 0; i < 3; i++) {
            panelCall(scratchA);
            directCall(scratchB);
        }
        int block = 25;
        for (int done = 0; done < taps; done += block) {
            int n = Math.min(block, taps - done);
            for (int i = 0; i < n; i++) {
                tapDoccam(viaPanel);
            }
            for (int i = 0; i < n; i++) {
                directDoccam(straight);
            }
            for (int i = 0; i < n; i++) {
                bareRoundTrip(bare);
            }
        }
        int callBlock = 10;
        for (int done = 0; done < calls; done += callBlock) {
            int n = Math.min(callBlock, calls - done);
            for (int i = 0; i < n; i++) {
                panelCall(viaPanel);
            }
            for (int i = 0; i < n; i++) {
                directCall(straight);
            }
        }
    }

    // ---- the document camera ----

    private void tapDoccam(Figures f) throws Exception {
        boolean on = !doccamOn;
        String want = on ? "on" : "off";
        CompletableFuture<Long> shown = streamA.next(shows(DOCCAM, want::equals));
        long t0 = System.nanoTime();
        CompletableFuture<Long> answered = panelA.tap("/room/" + A + "/doccam", Map.of("on", want))
                .thenApply(r -> answeredAt(r, "document camera " + want));
        long fragment = shown.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        long answer = answered.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        f.doccam.add(fragment - t0);
        f.doccamAnswer.add(answer - t0);
        doccamOn = on;
    }

    private void directDoccam(Figures f) throws Exception {
        boolean on = !doccamOn;
        CompletableFuture<Long> shown = watch.next(
                rig.topics.state(A), m -> String.valueOf(doccam(state(m))).equals(on ? "on" : "off"));
        long t0 = System.nanoTime();
        CompletableFuture<Long> answered = command(A, "doccam.power", Map.of("on", on));
        long state = shown.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        long answer = answered.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        f.doccam.add(state - t0);
        f.doccamAnswer.add(answer - t0);
        doccamOn = on;
    }

    private void bareRoundTrip(Latencies l) throws Exception {
        long t0 = System.nanoTime();
        direct.request(BusMessage.of(bareTopic, "ping", 1, false), WAIT).get(WAIT.toSeconds(), TimeUnit.SECONDS);
        l.add(System.nanoTime() - t0);
    }

    // ---- calls ----

    /**
     * Connect A to B from A's panel (the confirm screen, then its button), then hang up from A's
     * panel. It starts a moment after the last call ended, as a person would: the fleet's
     * connection logic takes a room's last hang-up, seen just before, for the end of a call
     * connected within a few milliseconds of it, and fails that one.
     */
    private void panelCall(Figures f) throws Exception {
        Thread.sleep(PAUSE_BEFORE_CONNECT.toMillis());
        Matcher key =
                CONFIRM_KEY.matcher(panelA.get("/room/" + A + "/rooms/" + B).body());
        if (!key.find()) {
            throw new IllegalStateException("the confirm screen has no key");
        }
        CompletableFuture<Long> a = streamA.next(shows(CALL_KIND, k -> !k.equals("idle")));
        CompletableFuture<Long> b = streamB.next(shows(CALL_KIND, k -> !k.equals("idle")));
        long t0 = System.nanoTime();
        CompletableFuture<Long> answered = panelA.tap(
                        "/room/" + A + "/rooms/" + B + "/connect", Map.of("key", key.group(1)))
                .thenApply(r -> answeredAt(r, "connect"));
        record(f, a, b, t0, true);
        answered.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        awaitConnected();
        a = streamA.next(shows(CALL_KIND, "idle"::equals));
        b = streamB.next(shows(CALL_KIND, "idle"::equals));
        t0 = System.nanoTime();
        answered = panelA.tap("/room/" + A + "/hangup", Map.of()).thenApply(r -> answeredAt(r, "hang up"));
        record(f, a, b, t0, false);
        answered.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        awaitIdle();
    }

    /** The same straight to the agent, as the fleet's connection logic sends it: answer to B, dial to A. */
    private void directCall(Figures f) throws Exception {
        String uriA = fleet.rooms().room(A).orElseThrow().codecUri();
        String uriB = fleet.rooms().room(B).orElseThrow().codecUri();
        CompletableFuture<Long> a = watch.next(rig.topics.state(A), m -> !idle(state(m)));
        CompletableFuture<Long> b = watch.next(rig.topics.state(B), m -> !idle(state(m)));
        long t0 = System.nanoTime();
        Map<String, Object> answer = new LinkedHashMap<>();
        answer.put("uri", uriA);
        answer.put("window", 30);
        CompletableFuture<Long> answered = command(B, "call.answer", answer);
        CompletableFuture<Long> dialled = command(A, "call.dial", Map.of("uri", uriB));
        record(f, a, b, t0, true);
        answered.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        dialled.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        awaitConnected();
        a = watch.next(rig.topics.state(A), m -> idle(state(m)));
        b = watch.next(rig.topics.state(B), m -> idle(state(m)));
        t0 = System.nanoTime();
        CompletableFuture<Long> hungUp = command(A, "call.hangup", Map.of());
        record(f, a, b, t0, false);
        hungUp.get(WAIT.toSeconds(), TimeUnit.SECONDS);
        awaitIdle();
    }

    private static void record(
            Figures f, CompletableFuture<Long> a, CompletableFuture<Long> b, long t0, boolean connect)
            throws Exception {
        long ta = a.get(WAIT.toSeconds(), TimeUnit.SECONDS) - t0;
        long tb = b.get(WAIT.toSeconds(), TimeUnit.SECONDS) - t0;
        if (connect) {
            f.connectA.add(ta);
            f.connectB.add(tb);
            f.connectBoth.add(Math.max(ta, tb));
        } else {
            f.hangupBoth.add(Math.max(ta, tb));
        }
    }

    private void awaitConnected() throws InterruptedException {
        BusWatch.await(WAIT, "A and B in a call", () -> connected(A) && connected(B));
    }

    /** Both rooms idle, as the bus and this app see them, and no connection open (the next may start). */
    private void awaitIdle() throws InterruptedException {
        BusWatch.await(
                WAIT,
                "A and B idle",
                () -> idle(watch.state(A))
                        && idle(watch.state(B))
                        && fleet.rooms().room(A).map(s -> s.call().isIdle()).orElse(false)
                        && fleet.rooms().room(B).map(s -> s.call().isIdle()).orElse(false)
                        && fleet.connections().openFor(A).isEmpty()
                        && fleet.connections().openFor(B).isEmpty());
    }

    private boolean connected(String room) {
        RoomState s = watch.state(room);
        return s != null && s.call() != null && "connected".equals(s.call().state());
    }

    // ---- helpers ----

    private CompletableFuture<Long> command(String room, String action, Map<String, ?> arguments) {
        Map<String, Object> json = new LinkedHashMap<>(arguments);
        json.put("action", action);
        json.put("id", "bench-" + UUID.randomUUID());
        BusMessage m = BusMessage.of(rig.topics.command(room), Json.bytes(json), 1, false)
                .withExpiry(10)
                .withContentType("application/json");
        return direct.request(m, Duration.ofSeconds(10)).thenApply(r -> {
            long at = System.nanoTime();
            Reply reply = Json.read(r.payload(), Reply.class);
            if (!reply.ok()) {
                throw new IllegalStateException(room + " refused " + action + ": " + r.text());
            }
            return at;
        });
    }

    /** The panel app's count of open live streams, from its /metrics. */
    private String liveStreams() {
        try {
            return panelA.get("/metrics")
                    .body()
                    .lines()
                    .filter(l -> l.startsWith("panel_live_streams"))
                    .findFirst()
                    .orElse("?");
        } catch (Exception e) {
            return "? (" + e + ")";
        }
    }

    private static long answeredAt(HttpResponse<String> r, String what) {
        long at = System.nanoTime();
        if (r.statusCode() != 200) {
            throw new IllegalStateException(
                    "the panel answered " + what + " with HTTP " + r.statusCode() + ": " + r.body());
        }
        return at;
    }

    /** A fragment test: the pattern's first group passes {@code value}. */
    private static Predicate<String> shows(Pattern p, Predicate<String> value) {
        return data -> {
            Matcher m = p.matcher(data);
            return m.find() && value.test(m.group(1));
        };
    }

    private static RoomState state(BusMessage m) {
        return Json.read(m.payload(), RoomState.class);
    }

    private static Object doccam(RoomState s) {
        for (DeviceState d : s.devices().values()) {
            if ("doccam".equals(d.role())) {
                return d.properties().get("power");
            }
        }
        return null;
    }

    private static boolean idle(RoomState s) {
        return s != null && (s.call() == null || s.call().isIdle());
    }

    // ---- the report ----

    private void report(PrintStream out) {
        out.println("   bare broker round trip (trivial responder):          " + bare.summary());
        out.println("   document camera on/off");
        out.println("     straight to the agent: request -> state at a plain subscriber: " + straight.doccam.summary());
        out.println("     tap on A's panel -> fragment on A's live stream:               " + viaPanel.doccam.summary());
        out.println("     (the agent's reply: " + straight.doccamAnswer.summary() + ")");
        out.println("     (the panel's HTTP answer to the tap: " + viaPanel.doccamAnswer.summary() + ")");
        ratios(out, viaPanel.doccam, straight.doccam);
        out.println("   connect A to B");
        out.println("     straight to the agents (answer to B, dial to A) -> both states show the call: "
                + straight.connectBoth.summary());
        out.println("     tap on A's panel -> fragments on both A's and B's live streams:              "
                + viaPanel.connectBoth.summary());
        out.println("       A's stream: " + viaPanel.connectA.summary());
        out.println("       B's stream: " + viaPanel.connectB.summary());
        ratios(out, viaPanel.connectBoth, straight.connectBoth);
        out.println("   hang up");
        out.println(
                "     straight to agent A -> both states show no call:              " + straight.hangupBoth.summary());
        out.println(
                "     tap on A's panel -> fragments on both A's and B's streams:     " + viaPanel.hangupBoth.summary());
        ratios(out, viaPanel.hangupBoth, straight.hangupBoth);
        double worst = Math.max(
                viaPanel.doccam.percentile(99),
                Math.max(viaPanel.connectBoth.percentile(99), viaPanel.hangupBoth.percentile(99)));
        out.printf(
                "   target: tap -> fragment p99 below %.0f ms: worst p99 %.1f ms -> %s%n",
                TARGET_P99_MS, worst, worst < TARGET_P99_MS ? "met" : "MISSED");
    }

    private void ratios(PrintStream out, Latencies panel, Latencies baseline) {
        out.printf(
                "     ratio panel/straight: p50 %.2fx, p99 %.2fx; panel p99 over bare broker p99: %.1fx%n",
                panel.percentile(50) / baseline.percentile(50),
                panel.percentile(99) / baseline.percentile(99),
                panel.percentile(99) / bare.percentile(99));
    }
}
