package org.roomctl.bench;

import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongSupplier;
import org.roomctl.contract.Topics;
import org.roomctl.contract.bus.BusClient;
import org.roomctl.contract.bus.BusMessage;
import org.roomctl.contract.bus.BusOptions;
import org.roomctl.embedded.EmbeddedDatabase;
import org.roomctl.fleet.recorder.BusRecorder;
import org.roomctl.fleet.recorder.RecorderHealth;
import org.roomctl.fleet.recorder.RecorderSettings;
import org.roomctl.schema.Database;

/**
 * Benchmark 4: the bus record. A load generator publishes QoS 1 messages at a steady rate while
 * the recorder (as the apps run it: {@link RecorderSettings#defaults()}) writes them to a real
 * PostgreSQL, and a bare subscriber on the same broker counts the same stream in the same run.
 * First a steady run ({@code -Drecorder.rate}, default 10,000/s, for {@code -Drecorder.seconds},
 * default 60), then the rate stepped up ({@code -Drecorder.stepSeconds} a step, default 5) until
 * the recorder falls behind, to find the highest rate each keeps up with. PostgreSQL is embedded
 * unless {@code ROOMCTL_BENCH_DATABASE_URL} names one.
 */
final class RecorderThroughput {
    static final String DATABASE_ENV = "ROOMCTL_BENCH_DATABASE_URL";
    /** Publishes in flight at most; beyond it the generator waits, and falls short of its rate. */
    private static final int MAX_OUTSTANDING = 20_000;

    private static final int PUBLISHERS = 4;
    /** How long after a step a consumer may take to catch up and still count as keeping up. */
    private static final Duration GRACE = Duration.ofMillis(500);

    private RecorderThroughput() {}

    /** The database the recorder writes to: embedded, or the one in {@link #DATABASE_ENV}. */
    static final class BenchDatabase implements AutoCloseable {
        final Database database;
        final String description;
        private final EmbeddedDatabase embedded;

        BenchDatabase() {
            String url = System.getenv(DATABASE_ENV);
            if (url != null && !url.isBlank()) {
                embedded = null;
                database = Database.open(url.trim(), null, null, "bench-recorder", 4);
                description = "PostgreSQL at " + url.replaceAll("(?i)password=[^&]*", "password=***");
            } else {
                embedded = EmbeddedDatabase.temporary();
                database = Database.open(embedded.createDatabase("roomctl_bench"), null, null, "bench-recorder", 4);
                description = "embedded PostgreSQL (same machine)";
            }
        }

        @Override
        public void close() {
            database.close();
            if (embedded != null) {
                embedded.close();
            }
        }
    }

    static void run(Brokers.Broker broker, BenchDatabase db, PrintStream out) throws Exception {
        int steadyRate = Integer.getInteger("recorder.rate", 10_000);
        int seconds = Integer.getInteger("recorder.seconds", 60);
        int stepSeconds = Integer.getInteger("recorder.stepSeconds", 5);
        int maxRate = Integer.getInteger("recorder.maxRate", 200_000);
        String id = UUID.randomUUID().toString().substring(0, 6);
        Topics topics = new Topics("bench-rec-" + id);
        RecorderSettings settings = RecorderSettings.defaults().withGroup("bench-recorder-" + id);

        out.println();
        out.println("4. Bus record, " + broker.name() + ", " + db.description);
        out.printf(
                "   recorder: %d connections in one share group, batches of %d rows or %d ms, QoS 1 stream%n",
                settings.connections(),
                settings.batchSize(),
                settings.batchDelay().toMillis());
        try (BusRecorder recorder = BusRecorder.start(
                        db.database.dataSource(),
                        BusOptions.to(broker.uri(), "bench-recorder-" + id),
                        topics,
                        settings,
                        Clock.systemUTC());
                BusClient bare = new BusClient(BusOptions.to(broker.uri(), "bench-bare-" + id));
                Load load = new Load(broker.uri(), topics, id)) {
            AtomicLong bareReceived = new AtomicLong();
            bare.connect().get(10, TimeUnit.SECONDS);
            bare.subscribe(topics.all(), 1, m -> bareReceived.incrementAndGet()).get(10, TimeUnit.SECONDS);
            recorder.subscribed().get(10, TimeUnit.SECONDS);
            LongSupplier recorded = () -> handled(recorder.health());

            // Warm up the JIT, the broker and the database for a few seconds at a modest rate.
            load.publish(Math.min(steadyRate, 2000), Duration.ofSeconds(Math.min(3, seconds)));
            awaitCaughtUp(load, recorded, bareReceived::get, Duration.ofSeconds(30));

            long before = load.published();
            long recordedBefore = recorded.getAsLong();
            long bareBefore = bareReceived.get();
            double achieved = load.publish(steadyRate, Duration.ofSeconds(seconds));
            boolean caughtUp = awaitCaughtUp(load, recorded, bareReceived::get, Duration.ofSeconds(120));
            long published = load.published() - before;
            out.printf(
                    "   steady %,d/s for %d s (achieved %,.0f/s): published %,d, recorded %,d, bare received %,d%s%n",
                    steadyRate,
                    seconds,
                    achieved,
                    published,
                    recorded.getAsLong() - recordedBefore,
                    bareReceived.get() - bareBefore,
                    caughtUp ? "" : " (did not catch up within 120 s)");

            Steps steps = new Steps();
            double rate = Math.max(1000, steadyRate / 4.0);
            while (rate <= maxRate && (steps.recorderKeptUp || steps.bareKeptUp)) {
                long pubStart = load.published();
                long recStart = recorded.getAsLong();
                long bareStart = bareReceived.get();
                double got = load.publish((int) rate, Duration.ofSeconds(stepSeconds));
                Thread.sleep(GRACE.toMillis());
                long stepPublished = load.published() - pubStart;
                boolean recOk = recorded.getAsLong() - recStart >= stepPublished;
                boolean bareOk = bareReceived.get() - bareStart >= stepPublished;
                out.printf(
                        "   step %,7.0f/s (achieved %,7.0f/s): recorder %s, bare %s%n",
                        rate, got, recOk ? "kept up" : "fell behind", bareOk ? "kept up" : "fell behind");
                steps.record(got, recOk, bareOk);
                if (got < rate * 0.9) {
                    out.printf("   the load generator reached only %,.0f/s: stepping stops here%n", got);
                    break;
                }
                awaitCaughtUp(load, recorded, bareReceived::get, Duration.ofSeconds(60));
                rate *= 1.25;
            }
            awaitCaughtUp(load, recorded, bareReceived::get, Duration.ofSeconds(120));
            long stored = stored(db.database, topics);
            long total = load.published();
            RecorderHealth h = recorder.health();
            out.printf(
                    "   whole run: published %,d, rows in bus_message %,d (%s), bare received %,d%n",
                    total, stored, stored == total ? "equal" : "NOT EQUAL", bareReceived.get());
            out.printf(
                    "   recorder: %,d batches, %.0f rows a batch on average, %,d duplicates, %,d rejected%n",
                    h.batches(),
                    h.batches() == 0 ? 0.0 : (double) h.recorded() / h.batches(),
                    h.duplicates(),
                    h.rejected());
            double ratio = steps.bareBest == 0 ? 0 : steps.recorderBest / steps.bareBest;
            out.printf(
                    "   highest sustained rate: recorder %,.0f/s, bare subscriber %,.0f/s%s, ratio recorder/bare %.0f%%%n",
                    steps.recorderBest,
                    steps.bareBest,
                    steps.bareKeptUp ? " (or more: it never fell behind)" : "",
                    ratio * 100);
            boolean met = steps.recorderBest >= 10_000 && ratio >= 0.8 && stored == total;
            out.printf(
                    "   target: at least 10,000/s and 80%% of the bare rate, every message stored -> %s%n",
                    met ? "met" : "MISSED");
            deleteRows(db.database, topics);
        }
    }

    /** Messages the recorder has written or found already written. */
    private static long handled(RecorderHealth h) {
        return h.recorded() + h.duplicates() + h.rejected();
    }

    /** The best rate each consumer kept up with, and whether it still keeps up. */
    private static final class Steps {
        double recorderBest;
        double bareBest;
        boolean recorderKeptUp = true;
        boolean bareKeptUp = true;

        void record(double rate, boolean recorderOk, boolean bareOk) {
            if (recorderKeptUp && recorderOk) {
                recorderBest = Math.max(recorderBest, rate);
            }
            if (bareKeptUp && bareOk) {
                bareBest = Math.max(bareBest, rate);
            }
            recorderKeptUp &= recorderOk;
            bareKeptUp &= bareOk;
        }
    }

    private static boolean awaitCaughtUp(Load load, LongSupplier recorded, LongSupplier bare, Duration atMost)
            throws InterruptedException {
        long deadline = System.nanoTime() + atMost.toNanos();
        while (System.nanoTime() < deadline) {
            long target = load.published();
            if (load.outstanding() == 0 && recorded.getAsLong() >= target && bare.getAsLong() >= target) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private static long stored(Database db, Topics topics) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement();
                ResultSet r = s.executeQuery(
                        "SELECT count(*) FROM bus_message WHERE topic LIKE '" + topics.prefix() + "/%'")) {
            r.next();
            return r.getLong(1);
        }
    }

    private static void deleteRows(Database db, Topics topics) throws SQLException {
        try (Connection c = db.dataSource().getConnection();
                Statement s = c.createStatement()) {
            s.executeUpdate("DELETE FROM bus_message WHERE topic LIKE '" + topics.prefix() + "/%'");
        }
    }

    /** Publishers of QoS 1 room events at a steady rate, over a few connections. */
    private static final class Load implements AutoCloseable {
        private final List<BusClient> clients = new ArrayList<>();
        private final Topics topics;
        private final Semaphore window = new Semaphore(MAX_OUTSTANDING);
        private final AtomicLong published = new AtomicLong();
        private final AtomicLong failed = new AtomicLong();
        private long sequence;

        Load(String uri, Topics topics, String id) throws Exception {
            this.topics = topics;
            for (int i = 0; i < PUBLISHERS; i++) {
                BusClient c = new BusClient(BusOptions.to(uri, "bench-load-" + id + "-" + i));
                c.connect().get(10, TimeUnit.SECONDS);
                clients.add(c);
            }
        }

        /**
         * Publishes at {@code rate} for {@code duration}, falling short when the broker does not
         * take them fast enough.
         *
         * @return the rate achieved (messages the broker acknowledged within the duration, per second)
         */
        double publish(int rate, Duration duration) throws InterruptedException {
            long start = System.nanoTime();
            long end = start + duration.toNanos();
            long startCount = published.get();
            long sent = 0;
            while (true) {
                long now = System.nanoTime();
                if (now >= end) {
                    break;
                }
                long due = (long) ((now - start) / 1e9 * rate);
                while (sent < due && System.nanoTime() < end) {
                    if (!window.tryAcquire(1, TimeUnit.MILLISECONDS)) {
                        continue;
                    }
                    send();
                    sent++;
                }
                TimeUnit.MICROSECONDS.sleep(200);
            }
            long acknowledged = published.get() - startCount;
            return acknowledged / (duration.toNanos() / 1e9);
        }

        private void send() {
            long n = sequence++;
            String room = "bench-" + (n % 50);
            byte[] payload = ("{\"room\":\"" + room + "\",\"seq\":" + n
                            + ",\"event\":\"camera.recall\",\"preset\":2,\"by\":\"benchmark\","
                            + "\"detail\":\"a room event of ordinary size, as the agents publish them\"}")
                    .getBytes(StandardCharsets.UTF_8);
            BusClient c = clients.get((int) (n % clients.size()));
            c.publish(BusMessage.of(topics.events(room), payload, 1, false)).whenComplete((x, e) -> {
                window.release();
                if (e == null) {
                    published.incrementAndGet();
                } else {
                    failed.incrementAndGet();
                }
            });
        }

        long published() {
            return published.get();
        }

        int outstanding() {
            return MAX_OUTSTANDING - window.availablePermits();
        }

        @Override
        public void close() {
            clients.forEach(BusClient::close);
        }
    }
}
