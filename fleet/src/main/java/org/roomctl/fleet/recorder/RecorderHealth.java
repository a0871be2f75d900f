package org.roomctl.fleet.recorder;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How the bus record is doing on this instance, for {@code /health} and {@code /metrics}.
 *
 * @param busConnected every connection of the recorder to the broker is up
 * @param recorded messages written by this instance (new rows)
 * @param duplicates messages received again that were already in the record
 * @param batches inserts committed
 * @param writeSeconds time spent writing the committed batches, insert and commit
 * @param dropped QoS 0 messages dropped because too much was waiting (the database was down)
 * @param rejected messages the database refused even bare (logged; should stay 0)
 * @param purged old rows deleted by the retention
 * @param pending received and not yet committed
 * @param lastCommitAt when a batch was last committed (null: never)
 * @param lastError the last failure, writing or purging (null: none)
 * @param lastErrorAt when it happened
 * @param failing whether writing fails now: the last attempt failed and nothing was committed since
 */
public record RecorderHealth(
        boolean busConnected,
        long recorded,
        long duplicates,
        long batches,
        double writeSeconds,
        long dropped,
        long rejected,
        long purged,
        int pending,
        Instant lastCommitAt,
        String lastError,
        Instant lastErrorAt,
        boolean failing) {

    /** For an {@code Ops} health check: null when fine, else what is wrong. */
    public String problem() {
        if (failing) {
            return "cannot write the bus record (" + pending + " messages waiting): " + lastError;
        }
        if (!busConnected) {
            return "the bus recorder is not connected to the broker";
        }
        return null;
    }

    /** The counters and gauges by Prometheus name, for an app's metrics registry. */
    public Map<String, Number> numbers() {
        Map<String, Number> m = new LinkedHashMap<>();
        m.put("roomctl_bus_record_recorded_total", recorded);
        m.put("roomctl_bus_record_duplicates_total", duplicates);
        m.put("roomctl_bus_record_batches_total", batches);
        m.put("roomctl_bus_record_write_seconds_total", writeSeconds);
        m.put("roomctl_bus_record_dropped_total", dropped);
        m.put("roomctl_bus_record_rejected_total", rejected);
        m.put("roomctl_bus_record_purged_total", purged);
        m.put("roomctl_bus_record_pending", pending);
        m.put("roomctl_bus_record_last_commit_seconds", lastCommitAt == null ? 0 : lastCommitAt.getEpochSecond());
        m.put("roomctl_bus_record_failing", failing ? 1 : 0);
        return m;
    }
}
