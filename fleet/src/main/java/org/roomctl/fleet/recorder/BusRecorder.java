package org.roomctl.fleet.recorder;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.roomctl.contract.Topics;
import org.roomctl.contract.bus.BusOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus record: every message under the topic prefix, written to {@code bus_message} once.
 *
 * <p>Instances share the work through one MQTT 5 shared subscription ({@code
 * $share/<group>/<prefix>/#}), each message going to one of them. Messages are written in
 * batches, one insert and one transaction each, and acknowledged to the broker only once that
 * transaction has committed, in the order they arrived (MQTT requires it). The sessions persist
 * (fixed client ids, no clean start), so while the database is down nothing is lost: the
 * recorder keeps its batch and tries again with growing pauses, acknowledges nothing, and the
 * broker, holding back once the client's receive maximum is unacknowledged, keeps the rest.
 * When the database is back everything is written, and anything delivered twice meanwhile is
 * stored once (see {@link DedupeKey} for what a duplicate is). Old rows are deleted by {@link
 * RecorderSettings#retention()}.
 *
 * <p>Give every app instance its own fixed client id (a fixed instance name): a restart then
 * resumes the session and gets what the broker kept for it. Mosquitto keeps handing a stopped
 * instance's session its share of the messages until the session expires; those are lost if the
 * instance never comes back.
 */
public final class BusRecorder implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BusRecorder.class);
    /** How long closing waits for what was received to be written. */
    private static final Duration CLOSE_FLUSH = Duration.ofSeconds(5);

    private final String name;
    private final Topics topics;
    private final RecorderSettings settings;
    private final Clock clock;
    private final RecordWriter writer;
    private final RecordRetention retention;
    private final Inbox inbox;
    private final List<Lane> lanes = new ArrayList<>();
    private final CompletableFuture<Void> subscribed;
    private final Thread writerThread;
    private final ScheduledExecutorService purger;

    private final AtomicLong recorded = new AtomicLong();
    private final AtomicLong duplicates = new AtomicLong();
    private final AtomicLong batches = new AtomicLong();
    private final AtomicLong rejected = new AtomicLong();
    private final AtomicLong purged = new AtomicLong();
    private volatile int inBatch;
    private volatile Instant lastCommitAt;
    private volatile String lastError;
    private volatile Instant lastErrorAt;
    private volatile boolean failing;
    private volatile boolean stopping;
    private volatile long stopDeadline;

    private BusRecorder(
            DataSource dataSource, BusOptions busOptions, Topics topics, RecorderSettings settings, Clock clock) {
        this.name = busOptions.clientId();
        this.topics = topics;
        this.settings = settings;
        this.clock = clock;
        this.writer = new RecordWriter(dataSource);
        this.retention = new RecordRetention(dataSource, settings.retention(), settings.purgeBatch(), clock);
        this.inbox = new Inbox(settings.maxPending());
        String filter = "$share/" + settings.group() + "/" + topics.all();
        List<CompletableFuture<Void>> subscriptions = new ArrayList<>();
        for (int i = 1; i <= settings.connections(); i++) {
            Lane lane = new Lane(laneOptions(busOptions, i, settings), filter, clock);
            lanes.add(lane);
        }
        for (Lane lane : lanes) {
            subscriptions.add(lane.start(inbox::offer));
        }
        this.subscribed = CompletableFuture.allOf(subscriptions.toArray(CompletableFuture[]::new));
        this.writerThread = new Thread(this::writeLoop, "bus-record " + name);
        writerThread.setDaemon(true);
        this.purger = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "bus-record-purge " + name);
            t.setDaemon(true);
            return t;
        });
    }

    /**
     * Starts recording: connects to the broker, subscribes, writes and purges until closed.
     *
     * @param busOptions the broker (address, credentials, TLS, keep-alive); its client id names
     *     this instance's recorder and must stay the same across restarts (each connection adds
     *     {@code -1}, {@code -2}...). Session and acknowledgement options are the recorder's own.
     * @param topics what is recorded: everything under the prefix
     */
    public static BusRecorder start(
            DataSource dataSource, BusOptions busOptions, Topics topics, RecorderSettings settings, Clock clock) {
        BusRecorder r = new BusRecorder(dataSource, busOptions, topics, settings, clock);
        r.writerThread.start();
        long firstPurge =
                Math.min(settings.purgeEvery().toMillis(), Duration.ofMinutes(1).toMillis());
        r.purger.scheduleWithFixedDelay(
                r::purgeQuietly, firstPurge, settings.purgeEvery().toMillis(), TimeUnit.MILLISECONDS);
        log.info(
                "bus record {}: recording {} in group {} over {} connection(s), keeping {}",
                r.name,
                topics.all(),
                settings.group(),
                settings.connections(),
                settings.retention());
        return r;
    }

    /** A connection of its own: persistent session, manual acknowledgements, no will. */
    private static BusOptions laneOptions(BusOptions broker, int lane, RecorderSettings settings) {
        return new BusOptions(
                broker.serverUri(),
                broker.clientId() + "-" + lane,
                broker.username(),
                broker.password(),
                broker.tls(),
                null,
                false,
                settings.sessionExpiry(),
                true,
                broker.keepAlive(),
                broker.responseTopicPrefix());
    }

    /** Completes when every connection's shared subscription is in place (for tests and benchmarks). */
    public CompletableFuture<Void> subscribed() {
        return subscribed;
    }

    public RecorderHealth health() {
        return new RecorderHealth(
                lanes.stream().allMatch(Lane::connected),
                recorded.get(),
                duplicates.get(),
                batches.get(),
                inbox.dropped(),
                rejected.get(),
                purged.get(),
                inbox.size() + inBatch,
                lastCommitAt,
                lastError,
                lastErrorAt,
                failing);
    }

    /**
     * Deletes what is older than the retention now, as the periodic purge does.
     *
     * @return rows deleted
     */
    public long purgeNow() throws SQLException, InterruptedException {
        long n = retention.purge();
        purged.addAndGet(n);
        if (n > 0) {
            log.info("bus record {}: deleted {} messages older than {}", name, n, settings.retention());
        }
        return n;
    }

    private void purgeQuietly() {
        try {
            purgeNow();
        } catch (SQLException e) {
            error("purge failed: " + e.getMessage());
            log.warn(
                    "bus record {}: purge failed, trying again in {}: {}", name, settings.purgeEvery(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void writeLoop() {
        long backoff = settings.retryMin().toNanos();
        List<Lane.Received> batch = List.of();
        List<RecordRow> rows = List.of();
        long failingSince = 0;
        try {
            while (true) {
                if (batch.isEmpty()) {
                    if (stopping && (inbox.size() == 0 || System.nanoTime() > stopDeadline)) {
                        return;
                    }
                    batch = inbox.nextBatch(
                            settings.batchSize(),
                            settings.batchBytes(),
                            settings.batchDelay().toNanos(),
                            settings.quietGap().toNanos(),
                            100);
                    inBatch = batch.size();
                    rows = rows(batch);
                    if (batch.isEmpty()) {
                        continue;
                    }
                }
                try {
                    RecordWriter.Outcome o = writer.write(rows);
                    for (Lane.Received r : batch) {
                        r.lane().ack(r);
                    }
                    recorded.addAndGet(o.inserted());
                    duplicates.addAndGet(o.duplicates());
                    rejected.addAndGet(o.rejected());
                    batches.incrementAndGet();
                    lastCommitAt = clock.instant();
                    if (failing) {
                        failing = false;
                        log.info(
                                "bus record {}: writing again after {} s, {} messages waiting",
                                name,
                                (System.nanoTime() - failingSince) / 1_000_000_000L,
                                inbox.size());
                    }
                    batch = List.of();
                    inBatch = 0;
                    backoff = settings.retryMin().toNanos();
                } catch (SQLException | RuntimeException e) {
                    // Unreachable, shutting down, out of connections: keep the batch, acknowledge
                    // nothing, and try again; the broker holds what has not been sent yet.
                    error(e.getMessage());
                    if (!failing) {
                        failing = true;
                        failingSince = System.nanoTime();
                        log.warn(
                                "bus record {}: cannot write {} messages, trying again until it works: {}",
                                name,
                                batch.size(),
                                e.getMessage());
                    }
                    if (stopping && System.nanoTime() > stopDeadline) {
                        log.warn(
                                "bus record {}: closing with {} messages unwritten; the broker sends them again",
                                name,
                                batch.size() + inbox.size());
                        return;
                    }
                    TimeUnit.NANOSECONDS.sleep(backoff);
                    backoff = Math.min(backoff * 2, settings.retryMax().toNanos());
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private List<RecordRow> rows(List<Lane.Received> batch) {
        List<RecordRow> rows = new ArrayList<>(batch.size());
        Instant now = clock.instant();
        for (Lane.Received r : batch) {
            rows.add(RecordRow.of(r.message(), topics, now));
        }
        return rows;
    }

    private void error(String message) {
        lastError = message;
        lastErrorAt = clock.instant();
    }

    /**
     * Writes what was received (for a few seconds at most), then disconnects. What is left
     * unwritten stays unacknowledged, and the broker sends it again.
     */
    @Override
    public void close() {
        stopDeadline = System.nanoTime() + CLOSE_FLUSH.toNanos();
        stopping = true;
        purger.shutdownNow();
        try {
            writerThread.join(CLOSE_FLUSH.toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        writerThread.interrupt();
        lanes.forEach(Lane::close);
    }
}
