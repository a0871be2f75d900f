package org.roomctl.fleet.connect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.roomctl.fleet.Fleet;
import org.roomctl.fleet.FleetHarness;
import org.roomctl.sim.xapi.CodecState;

/**
 * Connecting rooms for real: simulated codecs on a simulated call network, room agents, a broker,
 * PostgreSQL, and the connection logic in one or two app instances.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ConnectionsIT {
    FleetHarness h;
    Fleet app;

    @BeforeAll
    void start() throws Exception {
        h = new FleetHarness();
        app = h.fleet("app-1");
        h.awaitReady(app, "room-a", "room-b", "room-c");
    }

    @AfterAll
    void stop() throws Exception {
        h.close();
    }

    /** Every test leaves the rooms idle and free. */
    @AfterEach
    void hangUpEverything() {
        for (String room : List.of("room-a", "room-b", "room-c")) {
            app.connections().openFor(room).ifPresent(c -> {
                try {
                    app.connections().disconnect(c.id(), "test cleanup");
                } catch (ConnectionRefusedException e) {
                    throw new AssertionError(e);
                }
            });
        }
        await().atMost(Duration.ofSeconds(20)).until(() -> List.of("room-a", "room-b", "room-c").stream()
                .allMatch(r -> app.connections().openFor(r).isEmpty() && "idle".equals(h.call(app, r))));
    }

    private Connection awaitStatus(Fleet f, long id, ConnectionStatus status) {
        await().atMost(Duration.ofSeconds(20))
                .until(() -> f.connections().find(id).orElseThrow().status() == status);
        return f.connections().find(id).orElseThrow();
    }

    private CodecState codec(String room) {
        return h.rig.sims.device(room, "codec").state(CodecState.class);
    }

    @Test
    void connectThenDisconnect() throws Exception {
        Connection c = app.connections().connect("room-a", "room-b", "alice", RequestedVia.ADMIN, null);
        assertThat(c.status()).isEqualTo(ConnectionStatus.DIALLING);

        Connection connected = awaitStatus(app, c.id(), ConnectionStatus.CONNECTED);
        assertThat(connected.connectedAt()).isNotNull();
        // Both rooms really are in the call with each other, and both say so on the bus.
        assertThat(codec("room-a").callStatus()).isEqualTo("Connected");
        assertThat(codec("room-b").callStatus()).isEqualTo("Connected");
        assertThat(h.call(app, "room-a")).isEqualTo("connected");
        assertThat(h.call(app, "room-b")).isEqualTo("connected");

        app.connections().disconnect(c.id(), "alice");
        Connection ended = awaitStatus(app, c.id(), ConnectionStatus.ENDED);
        assertThat(ended.endReason()).isEqualTo("disconnected by alice");
        assertThat(codec("room-a").calls()).isEmpty();
        assertThat(codec("room-b").calls()).isEmpty();
        assertThat(app.connections().events(c.id()))
                .extracting(ConnectionEvent::to)
                .containsExactly(
                        ConnectionStatus.REQUESTED,
                        ConnectionStatus.DIALLING,
                        ConnectionStatus.CONNECTED,
                        ConnectionStatus.DISCONNECTING,
                        ConnectionStatus.ENDED);
    }

    @Test
    void theSameIdempotencyKeyMakesOneConnection() throws Exception {
        Connection first = app.connections().connect("room-a", "room-b", "panel:room-a", RequestedVia.PANEL, "tap-42");
        Connection again = app.connections().connect("room-a", "room-b", "panel:room-a", RequestedVia.PANEL, "tap-42");
        assertThat(again.id()).isEqualTo(first.id());
        awaitStatus(app, first.id(), ConnectionStatus.CONNECTED);
    }

    @Test
    void refusalsSayWhy() throws Exception {
        assertRefused(
                () -> app.connections().connect("room-a", "room-a", "x", RequestedVia.API, null),
                ConnectionRefusedException.Reason.SAME_ROOM,
                "a room cannot call itself");
        assertRefused(
                () -> app.connections().connect("room-a", "room-z", "x", RequestedVia.API, null),
                ConnectionRefusedException.Reason.UNKNOWN_ROOM,
                "there is no room 'room-z'");

        Connection c = app.connections().connect("room-a", "room-b", "x", RequestedVia.API, null);
        awaitStatus(app, c.id(), ConnectionStatus.CONNECTED);
        assertRefused(
                () -> app.connections().connect("room-c", "room-b", "y", RequestedVia.API, null),
                ConnectionRefusedException.Reason.BUSY,
                "Room B is busy: in a call with");
        assertRefused(
                () -> app.connections().connect("room-a", "room-c", "y", RequestedVia.API, null),
                ConnectionRefusedException.Reason.BUSY,
                "Room A is busy");
        app.connections().disconnect(c.id(), "x");
        awaitStatus(app, c.id(), ConnectionStatus.ENDED);

        app.catalog().setEnabled("room-c", false);
        try {
            assertRefused(
                    () -> app.connections().connect("room-a", "room-c", "x", RequestedVia.API, null),
                    ConnectionRefusedException.Reason.DISABLED,
                    "Room C is disabled by an administrator");
        } finally {
            app.catalog().setEnabled("room-c", true);
        }
    }

    @Test
    void anOfflineRoomIsRefusedAndStaysInTheCatalog() throws Exception {
        h.rig.stopC();

        try {
            await().until(() -> app.rooms().room("room-c").map(s -> !s.online()).orElse(false));
            assertRefused(
                    () -> app.connections().connect("room-a", "room-c", "x", RequestedVia.PANEL, null),
                    ConnectionRefusedException.Reason.OFFLINE,
                    "Room C is offline: its room agent is not connected");
            await().until(() -> app.catalog()
                    .room("room-c")
                    .map(r -> r.availability().equals("offline"))
                    .orElse(false));
            assertThat(app.catalog().room("room-c")).isPresent();
        } finally {
            h.rig.restartC();
            h.awaitReady(app, "room-c");
        }
    }

    @Test
    void anOfflineCodecIsRefused() throws Exception {
        h.rig.sims.device("room-b", "codec").unplug();
        try {
            await().until(() -> !app.rooms().room("room-b").orElseThrow().codecOnline());
            assertRefused(
                    () -> app.connections().connect("room-a", "room-b", "x", RequestedVia.PANEL, null),
                    ConnectionRefusedException.Reason.OFFLINE,
                    "Room B's video codec is offline: connection ");
        } finally {
            h.rig.sims.device("room-b", "codec").plug();
            h.awaitReady(app, "room-b");
        }
    }

    @Test
    void twoInstancesRacingForOneRoomGiveOneConnection() throws Exception {
        Fleet other = h.fleet("app-2");
        h.awaitReady(other, "room-a", "room-b", "room-c");
        ExecutorService pool = Executors.newFixedThreadPool(2);
        CountDownLatch go = new CountDownLatch(1);
        try {
            Callable<Object> fromApp1 = () -> attempt(go, app, "room-a", "room-b");
            Callable<Object> fromApp2 = () -> attempt(go, other, "room-c", "room-b");
            Future<Object> r1 = pool.submit(fromApp1);
            Future<Object> r2 = pool.submit(fromApp2);
            go.countDown();
            List<Object> results = List.of(r1.get(), r2.get());
            List<Connection> won = results.stream()
                    .filter(Connection.class::isInstance)
                    .map(Connection.class::cast)
                    .toList();
            List<ConnectionRefusedException> lost = results.stream()
                    .filter(ConnectionRefusedException.class::isInstance)
                    .map(ConnectionRefusedException.class::cast)
                    .toList();
            assertThat(won).hasSize(1);
            assertThat(lost).singleElement().satisfies(e -> assertThat(e.reason())
                    .isEqualTo(ConnectionRefusedException.Reason.BUSY));

            Connection c = awaitStatus(app, won.get(0).id(), ConnectionStatus.CONNECTED);
            // Dialled once: the room that won has exactly one call.
            assertThat(codec(c.caller()).calls()).hasSize(1);
            // Both instances follow it; each transition is recorded once.
            app.connections().disconnect(c.id(), "test");
            awaitStatus(other, c.id(), ConnectionStatus.ENDED);
            assertThat(app.connections().events(c.id()))
                    .extracting(ConnectionEvent::to)
                    .doesNotHaveDuplicates();
        } finally {
            pool.shutdownNow();
            other.close();
        }
    }

    private static Object attempt(CountDownLatch go, Fleet f, String caller, String callee)
            throws InterruptedException {
        go.await();
        try {
            return f.connections().connect(caller, callee, f.instance(), RequestedVia.PANEL, null);
        } catch (ConnectionRefusedException e) {
            return e;
        }
    }

    @Test
    void aDialThatIsNotAnsweredFailsAndIsRolledBack() throws Exception {
        // Room B's codec stops answering its controller: it rings, but nobody takes the call.
        h.rig.sims.device("room-b", "codec").setFaults(Map.of("silent", true));
        Connection c;
        try {
            c = app.connections().connect("room-a", "room-b", "bob", RequestedVia.PANEL, null);
            Connection failed = awaitStatus(app, c.id(), ConnectionStatus.FAILED);
            assertThat(failed.failureReason()).isNotBlank();
        } finally {
            h.rig.sims.device("room-b", "codec").setFaults(Map.of("silent", false));
        }
        // Whatever side connected was hung up, and both rooms are free again.
        await().atMost(Duration.ofSeconds(20))
                .until(() -> codec("room-a").calls().isEmpty()
                        && codec("room-b").calls().isEmpty());
        h.awaitReady(app, "room-a", "room-b");
        Connection again = app.connections().connect("room-a", "room-b", "bob", RequestedVia.PANEL, null);
        awaitStatus(app, again.id(), ConnectionStatus.CONNECTED);
    }

    @Test
    void aCallHungUpAtTheCodecIsRecorded() throws Exception {
        Connection c = app.connections().connect("room-a", "room-c", "carol", RequestedVia.PANEL, null);
        awaitStatus(app, c.id(), ConnectionStatus.CONNECTED);
        h.rig.sims.device("room-c", "codec").press("hang-up"); // someone in room C ends the call
        Connection ended = awaitStatus(app, c.id(), ConnectionStatus.ENDED);
        assertThat(ended.endReason()).isEqualTo("hung up in Room C");
        await().until(() -> codec("room-a").calls().isEmpty());
    }

    @Test
    void anInstanceThatRestartsReconcilesWhatHappenedMeanwhile() throws Exception {
        Fleet first = h.fleet("app-restart");
        h.awaitReady(first, "room-a", "room-b");
        Connection c = first.connections().connect("room-b", "room-a", "dave", RequestedVia.ADMIN, null);
        awaitStatus(first, c.id(), ConnectionStatus.CONNECTED);
        first.close(); // no instance but app-1 is watching... and app-1 must not be the one to notice
        app.close();
        try {
            h.rig.sims.device("room-a", "codec").press("hang-up");
            Thread.sleep(1000);
            Fleet later = h.fleet("app-later");
            Connection ended = awaitStatus(later, c.id(), ConnectionStatus.ENDED);
            assertThat(ended.endReason()).startsWith("hung up in");
            later.close();
        } finally {
            app = h.fleet("app-1b");
            h.awaitReady(app, "room-a", "room-b", "room-c");
        }
    }

    private static void assertRefused(ThrowingCall call, ConnectionRefusedException.Reason reason, String message) {
        assertThatThrownBy(call::run)
                .isInstanceOfSatisfying(ConnectionRefusedException.class, e -> assertThat(e.reason())
                        .isEqualTo(reason))
                .hasMessageContaining(message);
    }

    private interface ThrowingCall {
        void run() throws Exception;
    }
}
