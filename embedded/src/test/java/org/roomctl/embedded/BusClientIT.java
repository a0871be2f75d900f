package org.roomctl.embedded;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;
import org.roomctl.contract.bus.BusClient;
import org.roomctl.contract.bus.BusException;
import org.roomctl.contract.bus.BusMessage;
import org.roomctl.contract.bus.BusOptions;

/**
 * Our MQTT client against real brokers: the embedded HiveMQ always, and a Mosquitto on
 * 127.0.0.1:1883 when one is running (reported as skipped otherwise).
 */
class BusClientIT {
    private static final String MOSQUITTO = "tcp://127.0.0.1:1883";
    private static EmbeddedBroker broker;
    private final List<BusClient> clients = new ArrayList<>();
    private final String base = "test/" + UUID.randomUUID();

    @BeforeAll
    static void startBroker() {
        broker = EmbeddedBroker.onFreePort().start();
    }

    @AfterAll
    static void stopBroker() {
        broker.close();
    }

    @AfterEach
    void closeClients() {
        clients.forEach(BusClient::close);
    }

    static Stream<String> brokers() {
        return mosquittoRunning() ? Stream.of("hivemq", "mosquitto") : Stream.of("hivemq");
    }

    static boolean mosquittoRunning() {
        try (Socket s = new Socket()) {
            s.connect(new InetSocketAddress("127.0.0.1", 1883), 300);
            return true;
        } catch (Exception e) {
            System.err.println("SKIPPED against Mosquitto: nothing listens on 127.0.0.1:1883");
            return false;
        }
    }

    private BusClient client(String which, String name) {
        return client(
                BusOptions.to(which.equals("mosquitto") ? MOSQUITTO : broker.uri(), name + "-" + UUID.randomUUID()));
    }

    private BusClient client(BusOptions options) {
        BusClient c = new BusClient(options);
        clients.add(c);
        return c;
    }

    @ParameterizedTest
    @MethodSource("brokers")
    void publishesAndReceivesWithProperties(String which) throws Exception {
        BusClient a = client(which, "a");
        BusClient b = client(which, "b");
        a.connect().get(10, TimeUnit.SECONDS);
        b.connect().get(10, TimeUnit.SECONDS);
        List<BusMessage> got = new CopyOnWriteArrayList<>();
        b.subscribe(base + "/+/x", 1, got::add).get(5, TimeUnit.SECONDS);

        a.publish(BusMessage.of(base + "/r1/x", "hello", 1, false)
                        .withExpiry(60)
                        .withContentType("text/plain"))
                .get(5, TimeUnit.SECONDS);
        a.publish(BusMessage.of(base + "/r1/y", "not for b", 1, false)).get(5, TimeUnit.SECONDS);

        await().until(() -> got.size() == 1);
        BusMessage m = got.get(0);
        assertThat(m.text()).isEqualTo("hello");
        assertThat(m.qos()).isEqualTo(1);
        assertThat(m.contentType()).isEqualTo("text/plain");
        assertThat(m.expirySeconds()).isBetween(55L, 60L);
        assertThat(m.receivedAt()).isNotNull();
        assertThat(m.userProperties().get(BusClient.MESSAGE_ID)).hasSize(22);
    }

    @ParameterizedTest
    @MethodSource("brokers")
    void retainedMessageReachesALateSubscriber(String which) throws Exception {
        BusClient a = client(which, "a");
        a.connect().get(10, TimeUnit.SECONDS);
        a.publish(BusMessage.of(base + "/state", "{\"seq\":1}", 1, true)).get(5, TimeUnit.SECONDS);

        BusClient late = client(which, "late");
        late.connect().get(10, TimeUnit.SECONDS);
        List<BusMessage> got = new CopyOnWriteArrayList<>();
        late.subscribe(base + "/state", 1, got::add).get(5, TimeUnit.SECONDS);
        await().until(() -> got.size() == 1);
        assertThat(got.get(0).retained()).isTrue();
        a.publish(BusMessage.of(base + "/state", new byte[0], 1, true)).get(5, TimeUnit.SECONDS); // clear
    }

    @ParameterizedTest
    @MethodSource("brokers")
    void requestGetsItsReplyByCorrelation(String which) throws Exception {
        BusClient responder = client(which, "responder");
        responder.connect().get(10, TimeUnit.SECONDS);
        responder
                .subscribe(
                        base + "/command",
                        1,
                        m -> responder.publish(BusMessage.of(m.responseTopic(), "re:" + m.text(), 1, false)
                                .withResponse(null, m.correlationData())))
                .get(5, TimeUnit.SECONDS);
        BusClient requester = client(which, "requester");
        requester.connect().get(10, TimeUnit.SECONDS);

        List<CompletableFuture<BusMessage>> replies = new ArrayList<>();
        for (int i = 0; i < 20; i++) {
            replies.add(requester.request(BusMessage.of(base + "/command", "n" + i, 1, false), Duration.ofSeconds(5)));
        }
        for (int i = 0; i < 20; i++) {
            assertThat(replies.get(i).get(10, TimeUnit.SECONDS).text()).isEqualTo("re:n" + i);
        }
    }

    @ParameterizedTest
    @MethodSource("brokers")
    void requestWithoutResponderTimesOut(String which) throws Exception {
        BusClient requester = client(which, "requester");
        requester.connect().get(10, TimeUnit.SECONDS);
        CompletableFuture<BusMessage> r =
                requester.request(BusMessage.of(base + "/nobody", "x", 1, false), Duration.ofMillis(300));
        assertThatThrownBy(() -> r.get(5, TimeUnit.SECONDS))
                .hasCauseInstanceOf(BusException.class)
                .hasMessageContaining("no reply to " + base + "/nobody within 300 ms");
    }

    @ParameterizedTest
    @MethodSource("brokers")
    void lastWillIsPublishedWhenAClientDiesButNotWhenItLeaves(String which) throws Exception {
        BusClient watcher = client(which, "watcher");
        watcher.connect().get(10, TimeUnit.SECONDS);
        List<String> seen = new CopyOnWriteArrayList<>();
        watcher.subscribe(base + "/+/availability", 1, m -> seen.add(m.topic().split("/")[2] + "=" + m.text()))
                .get(5, TimeUnit.SECONDS);
        String uri = which.equals("mosquitto") ? MOSQUITTO : broker.uri();

        BusClient leaving = client(BusOptions.to(uri, "leaving-" + UUID.randomUUID())
                .withWill(BusMessage.of(base + "/leaving/availability", "offline", 1, false)));
        leaving.connect().get(10, TimeUnit.SECONDS);
        leaving.close();

        BusClient dying = client(BusOptions.to(uri, "dying-" + UUID.randomUUID())
                .withWill(BusMessage.of(base + "/dying/availability", "offline", 1, false)));
        dying.connect().get(10, TimeUnit.SECONDS);
        dying.abort();

        await().atMost(Duration.ofSeconds(10)).until(() -> seen.contains("dying=offline"));
        assertThat(seen).doesNotContain("leaving=offline");
    }

    @ParameterizedTest
    @MethodSource("brokers")
    void overlappingSubscriptionsEachGetAMessageOnce(String which) throws Exception {
        BusClient c = client(which, "overlap");
        c.connect().get(10, TimeUnit.SECONDS);
        List<String> wide = new CopyOnWriteArrayList<>();
        List<String> narrow = new CopyOnWriteArrayList<>();
        c.subscribe(base + "/#", 1, m -> wide.add(m.text())).get(5, TimeUnit.SECONDS);
        c.subscribe(base + "/rooms/+/state", 1, m -> narrow.add(m.text())).get(5, TimeUnit.SECONDS);
        c.publish(BusMessage.of(base + "/rooms/a/state", "s", 1, false)).get(5, TimeUnit.SECONDS);
        c.publish(BusMessage.of(base + "/rooms/a/events", "e", 1, false)).get(5, TimeUnit.SECONDS);
        await().until(() -> wide.size() == 2 && narrow.size() == 1);
        Thread.sleep(200);
        assertThat(wide).containsExactlyInAnyOrder("s", "e");
        assertThat(narrow).containsExactly("s");
    }

    @ParameterizedTest
    @MethodSource("brokers")
    void sharedSubscriptionSplitsTheStream(String which) throws Exception {
        List<String> one = new CopyOnWriteArrayList<>();
        List<String> two = new CopyOnWriteArrayList<>();
        BusClient c1 = client(which, "share1");
        BusClient c2 = client(which, "share2");
        c1.connect().get(10, TimeUnit.SECONDS);
        c2.connect().get(10, TimeUnit.SECONDS);
        String group = "g" + UUID.randomUUID().toString().substring(0, 8);
        c1.subscribe("$share/" + group + "/" + base + "/#", 1, m -> one.add(m.text()))
                .get(5, TimeUnit.SECONDS);
        c2.subscribe("$share/" + group + "/" + base + "/#", 1, m -> two.add(m.text()))
                .get(5, TimeUnit.SECONDS);
        BusClient p = client(which, "pub");
        p.connect().get(10, TimeUnit.SECONDS);
        for (int i = 0; i < 100; i++) {
            p.publish(BusMessage.of(base + "/m", "m" + i, 1, false));
        }
        await().until(() -> one.size() + two.size() == 100);
        Thread.sleep(200);
        // Each message reaches exactly one member of the group (how the broker splits them is its business).
        assertThat(one.size() + two.size()).isEqualTo(100);
        assertThat(Stream.concat(one.stream(), two.stream()).distinct().count()).isEqualTo(100);
    }

    @ParameterizedTest
    @MethodSource("brokers")
    void manyQos1PublishesBeyondTheInflightWindowAllArrive(String which) throws Exception {
        BusClient sub = client(which, "sub");
        sub.connect().get(10, TimeUnit.SECONDS);
        List<String> got = new CopyOnWriteArrayList<>();
        sub.subscribe(base + "/burst", 1, m -> got.add(m.text())).get(5, TimeUnit.SECONDS);
        BusClient pub = client(which, "pub");
        pub.connect().get(10, TimeUnit.SECONDS);
        List<CompletableFuture<Void>> sent = new ArrayList<>();
        for (int i = 0; i < 3000; i++) {
            sent.add(pub.publish(BusMessage.of(base + "/burst", Integer.toString(i), 1, false)));
        }
        CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).get(60, TimeUnit.SECONDS);
        await().atMost(Duration.ofSeconds(30)).until(() -> got.size() == 3000);
        assertThat(got.stream().distinct().count()).isEqualTo(3000);
    }

    @Test
    void publishWhileDisconnectedFailsAtOnceWithAReason() throws Exception {
        BusClient c = client(BusOptions.to("tcp://127.0.0.1:1", "nowhere-" + UUID.randomUUID()));
        List<String> reasons = new CopyOnWriteArrayList<>();
        c.addConnectionListener(new BusClient.ConnectionListener() {
            @Override
            public void connected(boolean reconnect) {}

            @Override
            public void disconnected(String reason) {
                reasons.add(reason);
            }
        });
        c.connect();
        await().until(() -> !reasons.isEmpty());
        assertThat(c.lastDisconnectReason()).isNotBlank();
        assertThatThrownBy(() -> c.publish(BusMessage.of("x", "y", 1, false)).get(2, TimeUnit.SECONDS))
                .hasCauseInstanceOf(BusException.class)
                .hasMessageContaining("not connected");
    }

    @Test
    void reconnectsAndResubscribesAfterTheBrokerRestarts() throws Exception {
        EmbeddedBroker own = EmbeddedBroker.onFreePort().start();
        try {
            BusClient c = client(BusOptions.to(own.uri(), "restart-" + UUID.randomUUID()));
            List<Boolean> connects = new CopyOnWriteArrayList<>();
            c.addConnectionListener(new BusClient.ConnectionListener() {
                @Override
                public void connected(boolean reconnect) {
                    connects.add(reconnect);
                }

                @Override
                public void disconnected(String reason) {}
            });
            c.connect().get(10, TimeUnit.SECONDS);
            List<String> got = new CopyOnWriteArrayList<>();
            c.subscribe(base + "/after", 1, m -> got.add(m.text())).get(5, TimeUnit.SECONDS);

            own.stop();
            await().until(() -> !c.isConnected());
            own.start(); // an empty broker: the session and subscription are gone
            await().atMost(Duration.ofSeconds(40)).until(c::isConnected);
            assertThat(connects).containsExactly(false, true);

            BusClient p = client(BusOptions.to(own.uri(), "p-" + UUID.randomUUID()));
            p.connect().get(10, TimeUnit.SECONDS);
            await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
                p.publish(BusMessage.of(base + "/after", "again", 1, false)).get(5, TimeUnit.SECONDS);
                assertThat(got).contains("again");
            });
        } finally {
            own.close();
        }
    }

    @Test
    void unackedMessagesAreRedeliveredToAPersistentSession() throws Exception {
        String id = "recorder-" + UUID.randomUUID();
        BusClient first = client(BusOptions.to(broker.uri(), id)
                .withPersistentSession(Duration.ofMinutes(5))
                .withManualAcks());
        first.connect().get(10, TimeUnit.SECONDS);
        List<BusMessage> got = new CopyOnWriteArrayList<>();
        first.subscribe(base + "/record", 1, got::add).get(5, TimeUnit.SECONDS);
        BusClient p = client("hivemq", "p");
        p.connect().get(10, TimeUnit.SECONDS);
        p.publish(BusMessage.of(base + "/record", "acked", 1, false)).get(5, TimeUnit.SECONDS);
        await().until(() -> got.size() == 1);
        first.ack(got.get(0));
        p.publish(BusMessage.of(base + "/record", "not acked", 1, false)).get(5, TimeUnit.SECONDS);
        await().until(() -> got.size() == 2);
        Thread.sleep(200); // let the first ack reach the broker
        first.abort();

        List<BusMessage> again = new CopyOnWriteArrayList<>();
        BusClient second = client(BusOptions.to(broker.uri(), id)
                .withPersistentSession(Duration.ofMinutes(5))
                .withManualAcks());
        second.subscribe(base + "/record", 1, again::add);
        second.connect().get(10, TimeUnit.SECONDS);
        await().until(() -> !again.isEmpty());
        Thread.sleep(300);
        assertThat(again).extracting(BusMessage::text).containsExactly("not acked");
    }
}
