/**
 * Schedules: bookings (two rooms connected for a time window) and sites' end-of-day shutdowns,
 * driven by one {@link org.roomctl.fleet.schedule.Scheduler} thread per app instance. The API the
 * admin console calls is {@link org.roomctl.fleet.schedule.Schedules} and {@link
 * org.roomctl.fleet.schedule.Shutdowns} (from {@code Fleet.schedules()} and {@code
 * Fleet.shutdowns()}).
 *
 * <p>Decisions, and why:
 *
 * <ul>
 *   <li><b>One instance acts.</b> Every instance looks for due bookings and shutdowns at each
 *       tick. A booking's start and end are claimed by a compare-and-set of its state in
 *       PostgreSQL (booked to starting, active to ending), a shutdown run by inserting it (one per
 *       site and local day). A claim held longer than {@code claimTimeout} is taken over: its
 *       instance is taken to have stopped. The connection's idempotency key is {@code
 *       booking:<id>:<attempt>}, so taking over a start finds the connection already made.
 *   <li><b>No overlap, in the database.</b> A trigger keeps {@code booking_room} (a row per room
 *       of each booking that is booked, starting, active or ending) and an exclusion constraint
 *       over {@code (room_id =, tstzrange(starts_at, ends_at) &&)} refuses overlaps, whoever
 *       writes. It needs {@code btree_gist}, a trusted extension shipped with PostgreSQL's
 *       contrib (present in the embedded zonky binaries and in Debian's server).
 *   <li><b>Late and missed.</b> An instance that starts inside a booking's window starts it late;
 *       a window that closes with no attempt made is recorded as missed, with the reason.
 *   <li><b>Failed starts are retried</b> every {@code startRetryInterval} until {@code
 *       startRetryWindow} after the first attempt (default 15 s for 2 min: a meeting running over,
 *       an agent restarting), each failure recorded on the booking; then the booking fails and a
 *       {@code connection_failed} alert is raised about {@code booking/<id>}. A call that fails
 *       after the dial counts as a failed start; a call hung up by people in the room does not
 *       (the booking stays active and has nothing to hang up at its end).
 *   <li><b>Shutdowns skip rooms in a booking</b> whose window is open (the run records the room as
 *       skipped, naming the booking): the booking was made on purpose, perhaps from another time
 *       zone. When that booking ends or is cancelled, the instance that ends it shuts the room down
 *       and the run's record for the room is updated.
 *   <li><b>Shutdown times</b> are local to the site's zone: a time the clocks skip moves later by
 *       the gap, a time that happens twice runs at the first. A run is done late, up to {@code
 *       shutdownLateness}, when no instance ran at its time; later, the day is recorded as missed.
 *       A shutdown made or changed after its time today first runs tomorrow.
 *   <li><b>Database outages</b> stop nothing: each tick's failure is logged once, and the next tick
 *       tries again.
 * </ul>
 *
 * <p>Actions taken by the schedule are written to the audit log as actor {@code system} ({@code
 * booking.start}, {@code booking.end}, {@code booking.fail}, {@code booking.miss}, {@code
 * shutdown.run}, {@code shutdown.miss}, {@code shutdown.room}); actions asked for through the API
 * under the name given ({@code booking.create}, {@code booking.cancel}, {@code shutdown.create},
 * {@code shutdown.edit}, {@code shutdown.enable}, {@code shutdown.disable}, {@code
 * shutdown.delete}).
 */
package org.roomctl.fleet.schedule;
