/**
 * The bus record: every message under the topic prefix, stored once in {@code bus_message} by
 * the app instances together ({@link org.roomctl.fleet.recorder.BusRecorder}), kept for a
 * configurable time ({@link org.roomctl.fleet.recorder.RecorderSettings}), with numbers for
 * operations ({@link org.roomctl.fleet.recorder.RecorderHealth}).
 *
 * <p>Inside: {@code Lane} is one broker connection (persistent session, shared subscription,
 * manual acknowledgements), {@code Inbox} what was received and not yet written, {@code
 * Committer} the thread that writes batches and acknowledges them after the commit, {@code
 * RecordWriter} the insert, {@code RecordRow} and {@code DedupeKey} what a message becomes, and
 * {@code RecordRetention} the purge of old rows.
 */
package org.roomctl.fleet.recorder;
