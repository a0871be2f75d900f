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
 * First the bare subscriber alone, the rate stepped up ({@code -Drecorder.stepSeconds} a step,
 * default 10) until it falls behind: the baseline. Then with the recorder: the rate stepped up
 * again until the recorder falls behind, and a steady run ({@code -Drecorder.rate}, default
 * 10,000/s, for {@code -Drecorder.seconds}, default 60). PostgreSQL is embedded unless {@code
 * ROOMCTL_BENCH_DATABASE_URL} names one; {@code -Drecorder.connections} overrides the recorder's
 * connections to the broker.
 */
final class RecorderThroughput {
    static final String DATABASE_ENV = "ROOMCTL_BENCH_DATABASE_URL";
    /** Publishes in flight at most; beyond it the generator waits, and falls short of its rate. */
    private static final int MAX_OUTSTANDING = 20_000;

    private static final int PUBLISHERS = 4;
    /** How long after a step a consumer may take to catch up and still count as keeping up. */
    private static final Duration GRACE = Duration.ofSeconds(1);

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
        Duration step = Duration.ofSeconds(Integer.getInteger("recorder.stepSeconds", 10));
        int maxRate = Integer.getInteger("recorder.maxRate", 200_000);
        String id = UUID.randomUUID().toString().substring(0, 6);
        Topics topics = new Topics("bench-rec-" + id);
        RecorderSettings defaults = RecorderSettings.defaults();
        RecorderSettings settings = defaults.withGroup("bench-recorder-" + id)
                .withConnections(Integer.getInteger("recorder.connections", defaults.connections()));

        out.println();
        out.println("4. Bus record, " + broker.name() + ", " + db.description);
        out.printf(
                "   QoS 1 room events of ~200 bytes from %d publishers; the recorder as the apps run it (%d"
                        + " connection(s), batches of %d rows or %d ms); the bare subscriber a plain QoS 1"
                        + " subscription that only counts%n",
                PUBLISHERS,
                settings.connections(),
                settings.batchSize(),
                settings.batchDelay().toMillis());
        try (BusClient bare = new BusClient(BusOptions.to(broker.uri(), "bench-bare-" + id));
                Load load = new Load(broker.uri(), topics, id)) {
            AtomicLong bareReceived = new AtomicLong();
            bare.connect().get(10, TimeUnit.SECONDS);
            bare.subscribe(topics.all(), 1, m -> bareReceived.incrementAndGet()).get(10, TimeUnit.SECONDS);
            LongSupplier none = () -> Long.MAX_VALUE;

            // The baseline first, alone: how fast the broker hands this stream to a subscriber that does nothing.
            load.publish(2000, Duration.ofSeconds(3)); // warm up
            awaitCaughtUp(load, none, bareReceived::get, Duration.ofSeconds(30));
            Stepping bareSteps = stepUp(load, bareReceived::get, step, maxRate, "bare subscriber alone", out);

            try (BusRecorder recorder = BusRecorder.start(
                    db.database.dataSource(),
                    BusOptions.to(broker.uri(), "bench-recorder-" + id),
                    topics,
                    settings,
                    Clock.systemUTC())) {
                recorder.subscribed().get(10, TimeUnit.SECONDS);
                // Counted like the publisher's total, which includes the baseline's messages.
                long publishedBefore = load.published();
                LongSupplier recorded = () -> publishedBefore + handled(recorder.health());

                // Up until the recorder falls behind, the bare subscriber beside it.
                Stepping recorderSteps =
                        stepUp(load, recorded, step, maxRate, "recorder (the bare subscriber beside it)", out);
                boolean drained = awaitCaughtUp(load, recorded, bareReceived::get, Duration.ofMinutes(2));

                // The steady run, both consuming.
                long steadyBefore = load.published();
                long recordedBefore = recorded.getAsLong();
                long bareBefore = bareReceived.get();
                double achieved = drained ? load.publish(steadyRate, Duration.ofSeconds(seconds)) : 0;
                long t0 = System.nanoTime();
                boolean caughtUp = drained && awaitCaughtUp(load, recorded, bareReceived::get, Duration.ofMinutes(2));
                out.printf(
                        "   steady %,d/s for %d s (achieved %,.0f/s): published %,d, recorded %,d, bare received %,d;"
                                + " %s %.1f s after the last publish%n",
                        steadyRate,
                        seconds,
                        achieved,
                        load.published() - steadyBefore,
                        recorded.getAsLong() - recordedBefore,
                        bareReceived.get() - bareBefore,
                        caughtUp ? "all in" : "NOT all in",
                        (System.nanoTime() - t0) / 1e9);

                long total = load.published() - publishedBefore;
                long stored = stored(db.database, topics);
                long bareTotal = bareReceived.get() - publishedBefore;
                RecorderHealth h = recorder.health();
                out.printf(
                        "   with the recorder: published %,d, rows in bus_message %,d (%s), bare received %,d%s%n",
                        total,
                        stored,
                        stored == total ? "equal" : "NOT EQUAL",
                        bareTotal,
                        load.failed() == 0 ? "" : String.format(", %,d publishes failed", load.failed()));
                out.printf(
                        "   recorder: %,d batches, %.0f rows and %.1f ms (insert and commit) a batch on average,"
                                + " %,d duplicates, %,d rejected%n",
                        h.batches(),
                        h.batches() == 0 ? 0.0 : (double) h.recorded() / h.batches(),
                        h.batches() == 0 ? 0.0 : h.writeSeconds() * 1000 / h.batches(),
                        h.duplicates(),
                        h.rejected());
                double ratio = bareSteps.best() == 0 ? 0 : recorderSteps.best() / bareSteps.best();
                out.printf(
                        "   highest sustained rate: recorder %,.0f/s, bare subscriber %,.0f/s%s; recorder/bare %.0f%%%n",
                        recorderSteps.best(),
                        bareSteps.best(),
                        bareSteps.limitedByLoad() ? " (the load generator's limit: the broker may take more)" : "",
                        ratio * 100);
                boolean met = recorderSteps.best() >= 10_000 && ratio >= 0.8 && stored == total;
                out.printf(
                        "   target: at least 10,000/s and 80%% of the bare rate, every message stored -> %s%n",
                        met ? "met" : "MISSED");
                deleteRows(db.database, topics);
            }
        }
    }

    /** Messages the recorder has written or found already written. */
    private static long handled(RecorderHealth h) {
        return h.recorded() + h.duplicates() + h.rejected();
    }

    /**
     * The best rate a consumer kept up with, and whether the load generator (not the consumer)
     * ended the stepping.
     */
    private record Stepping(double best, boolean limitedByLoad) {}

    /**
     * Publishes for {@code step} at rising rates (a quarter more each time) until the consumer
     * falls behind: it kept up with a step if, {@link #GRACE} after the step's last publish, it
     * has everything. Between steps it may catch up.
     */
    private static Stepping stepUp(
            Load load, LongSupplier consumer, Duration step, int maxRate, String who, PrintStream out)
            throws InterruptedException {
        out.println("   stepping up, " + who + ":");
        double best = 0;
        for (double rate = 2000; rate <= maxRate; rate *= 1.25) {
            long before = consumer.getAsLong();
            long publishedBefore = load.published();
            double got = load.publish((int) rate, step);
            Thread.sleep(GRACE.toMillis());
            while (load.outstanding() > 0) {
                Thread.sleep(10);
            }
            boolean kept = consumer.getAsLong() - before >= load.published() - publishedBefore;
            out.printf("     %,7.0f/s (achieved %,7.0f/s): %s%n", rate, got, kept ? "kept up" : "fell behind");
            if (!kept) {
                return new Stepping(best, false);
            }
            best = Math.max(best, got);
            if (got < rate * 0.9) {
                out.printf("     the load generator reached only %,.0f/s: stepping stops here%n", got);
                return new Stepping(best, true);
            }
            if (!awaitCaughtUp(load, consumer, consumer, Duration.ofSeconds(60))) {
                return new Stepping(best, false);
            }
        }
        return new Stepping(best, true);
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

        long failed() {
            return failed.get();
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
