package org.roomctl.fleet.recorder;

import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.roomctl.contract.Topics;
import org.roomctl.contract.bus.BusOptions;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The bus record: every message under the topic prefix, written to {@code bus_message} once.
 *
 * <p>Instances share the work through one MQTT 5 shared subscription ({@code
 * $share/<group>/<prefix>/#}), each message going to one of them; an instance has a few
 * connections in the group ({@link RecorderSettings#connections()}), because a broker sends each
 * connection only so many messages before it waits for their acknowledgements (Mosquitto's
 * {@code max_inflight_messages}, 20 unless configured).
 * Messages are written in batches, one insert and one transaction each, by one thread using one
 * database connection at a time, and acknowledged to the broker only once that transaction has
 * committed, in the order they arrived (MQTT requires it). The sessions persist
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
    private final RecorderSettings settings;
    private final RecordRetention retention;
    private final RecordStats stats = new RecordStats();
    private final List<Lane> lanes = new ArrayList<>();
    private final Inbox inbox;
    private final Committer committer;
    private final Thread thread;
    private final CompletableFuture<Void> subscribed;
    private final ScheduledExecutorService purger;
    private final Clock clock;

    private BusRecorder(
            DataSource dataSource, BusOptions busOptions, Topics topics, RecorderSettings settings, Clock clock) {
        this.name = busOptions.clientId();
        this.settings = settings;
        this.clock = clock;
        this.retention = new RecordRetention(dataSource, settings.retention(), settings.purgeBatch(), clock);
        this.inbox = new Inbox(settings.maxPending());
        this.committer = new Committer(name, inbox, new RecordWriter(dataSource), topics, settings, clock, stats);
        this.thread = new Thread(committer, "bus-record " + name);
        thread.setDaemon(true);
        String filter = "$share/" + settings.group() + "/" + topics.all();
        List<CompletableFuture<Void>> subscriptions = new ArrayList<>();
        for (int i = 1; i <= settings.connections(); i++) {
            Lane lane = new Lane(laneOptions(busOptions, i, settings), filter, clock);
            lanes.add(lane);
            subscriptions.add(lane.start(inbox::offer));
        }
        this.subscribed = CompletableFuture.allOf(subscriptions.toArray(CompletableFuture[]::new));
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
        r.thread.start();
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
                stats.recorded.get(),
                stats.duplicates.get(),
                stats.batches.get(),
                stats.writeNanos.get() / 1e9,
                inbox.dropped(),
                stats.rejected.get(),
                stats.purged.get(),
                committer.pending(),
                stats.lastCommitAt,
                stats.lastError,
                stats.lastErrorAt,
                committer.failing());
    }

    /**
     * Deletes what is older than the retention now, as the periodic purge does.
     *
     * @return rows deleted
     */
    public long purgeNow() throws SQLException, InterruptedException {
        long n = retention.purge();
        stats.purged.addAndGet(n);
        if (n > 0) {
            log.info("bus record {}: deleted {} messages older than {}", name, n, settings.retention());
        }
        return n;
    }

    private void purgeQuietly() {
        try {
            purgeNow();
        } catch (SQLException e) {
            stats.failed("purge failed: " + e.getMessage(), clock.instant());
            log.warn(
                    "bus record {}: purge failed, trying again in {}: {}", name, settings.purgeEvery(), e.getMessage());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    /**
     * Writes what was received (for a few seconds at most), then disconnects. What is left
     * unwritten stays unacknowledged, and the broker sends it again.
     */
    @Override
    public void close() {
        committer.stop(System.nanoTime() + CLOSE_FLUSH.toNanos());
        purger.shutdownNow();
        try {
            thread.join(CLOSE_FLUSH.toMillis() + 1000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        thread.interrupt();
        lanes.forEach(Lane::close);
    }
}
