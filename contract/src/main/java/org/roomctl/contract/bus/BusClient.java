package org.roomctl.contract.bus;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ScheduledThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import javax.net.SocketFactory;
import org.eclipse.paho.mqttv5.client.IMqttToken;
import org.eclipse.paho.mqttv5.client.MqttActionListener;
import org.eclipse.paho.mqttv5.client.MqttAsyncClient;
import org.eclipse.paho.mqttv5.client.MqttCallback;
import org.eclipse.paho.mqttv5.client.MqttConnectionOptions;
import org.eclipse.paho.mqttv5.client.MqttDisconnectResponse;
import org.eclipse.paho.mqttv5.client.persist.MemoryPersistence;
import org.eclipse.paho.mqttv5.common.MqttException;
import org.eclipse.paho.mqttv5.common.MqttMessage;
import org.eclipse.paho.mqttv5.common.MqttSubscription;
import org.eclipse.paho.mqttv5.common.packet.MqttProperties;
import org.eclipse.paho.mqttv5.common.packet.UserProperty;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Our MQTT 5 client: the one class that knows Paho. It connects and reconnects by itself,
 * re-subscribes after every reconnect, and returns {@link CompletableFuture}s. Received messages
 * and connection events are handed to our own single dispatch thread, in order, so nothing of
 * ours ever runs inside a Paho callback (Paho deadlocks when callbacks block, publish or
 * subscribe). Handlers must not block that thread either; they may publish and subscribe.
 */
public final class BusClient implements AutoCloseable {
    private static final Logger log = LoggerFactory.getLogger(BusClient.class);
    private static final int MAX_INFLIGHT = org.eclipse.paho.mqttv5.client.MqttClientException.REASON_CODE_MAX_INFLIGHT;
    private static final int MAX_SUBSCRIPTION_ID = 268_435_455;

    /**
     * The user property naming each message we publish uniquely: 22 characters of a random
     * UUID, base64url. Redeliveries keep it; a new publish gets a new one.
     */
    public static final String MESSAGE_ID = "msg-id";

    /** Hears of the connection coming and going, on the dispatch thread. */
    public interface ConnectionListener {
        /** Connected; {@code reconnect} is false the first time. Subscriptions are being renewed. */
        void connected(boolean reconnect);

        /** Connection lost, or an attempt failed. */
        void disconnected(String reason);
    }

    private record Subscription(
            int id, String filter, int qos, boolean retainAsPublished, Consumer<BusMessage> handler) {}

    private record Outgoing(BusMessage message, CompletableFuture<Void> result) {}

    private final BusOptions options;
    private final MqttAsyncClient paho;
    private final ScheduledThreadPoolExecutor dispatch;
    private final Clock clock;
    private final Map<Integer, Subscription> subscriptions = new ConcurrentHashMap<>();
    private final AtomicInteger nextSubscriptionId = new AtomicInteger(1);
    private final java.util.concurrent.atomic.AtomicBoolean connectStarted =
            new java.util.concurrent.atomic.AtomicBoolean();
    private final List<ConnectionListener> connectionListeners = new CopyOnWriteArrayList<>();
    private final Map<String, CompletableFuture<BusMessage>> pendingRequests = new ConcurrentHashMap<>();
    private final Deque<Outgoing> waitingForInflight = new ArrayDeque<>();
    private final CompletableFuture<Void> firstConnect = new CompletableFuture<>();
    private final String responseTopic;
    private volatile boolean closed;
    private volatile boolean everConnected;
    private volatile boolean responseSubscribed;
    private volatile String lastDisconnectReason;
    private int connectAttempt;

    public BusClient(BusOptions options) {
        this(options, Clock.systemUTC());
    }

    public BusClient(BusOptions options, Clock clock) {
        this.options = options;
        this.clock = clock;
        this.responseTopic = options.responseTopicPrefix() + "/" + options.clientId() + "/responses";
        this.dispatch = new ScheduledThreadPoolExecutor(1, r -> {
            Thread t = new Thread(r, "mqtt " + options.clientId());
            t.setDaemon(true);
            return t;
        });
        this.dispatch.setRemoveOnCancelPolicy(true);
        try {
            this.paho = new MqttAsyncClient(options.serverUri(), options.clientId(), new MemoryPersistence());
        } catch (MqttException e) {
            throw new IllegalArgumentException(
                    "cannot use broker URI '" + options.serverUri() + "': " + e.getMessage(), e);
        }
        paho.setManualAcks(options.manualAcks());
        paho.setCallback(new PahoCallback());
    }

    public BusOptions options() {
        return options;
    }

    public void addConnectionListener(ConnectionListener listener) {
        connectionListeners.add(listener);
    }

    /**
     * Starts connecting, retrying with backoff until it succeeds or the client is closed; after
     * that, reconnects by itself whenever the connection is lost.
     *
     * Calling it again returns the same future.
     *
     * @return completes at the first successful connection
     */
    public CompletableFuture<Void> connect() {
        if (connectStarted.compareAndSet(false, true)) {
            dispatch.execute(this::attemptConnect);
        }
        return firstConnect;
    }

    public boolean isConnected() {
        return paho.isConnected();
    }

    /** Why the connection was last lost or refused (null if it never was). */
    public String lastDisconnectReason() {
        return lastDisconnectReason;
    }

    private MqttConnectionOptions connectionOptions() {
        MqttConnectionOptions o = new MqttConnectionOptions();
        o.setCleanStart(options.cleanStart());
        o.setSessionExpiryInterval(options.sessionExpiry().toSeconds());
        o.setAutomaticReconnect(true);
        o.setAutomaticReconnectDelay(1, 30);
        o.setKeepAliveInterval((int) options.keepAlive().toSeconds());
        o.setConnectionTimeout(10);
        o.setReceiveMaximum(1000);
        if (options.username() != null) {
            o.setUserName(options.username());
        }
        if (options.password() != null) {
            o.setPassword(options.password().getBytes(StandardCharsets.UTF_8));
        }
        SocketFactory base = options.tls() != null
                ? options.tls()
                : options.serverUri().startsWith("ssl://") ? BusTls.systemTrust() : SocketFactory.getDefault();
        o.setSocketFactory(
                base instanceof javax.net.ssl.SSLSocketFactory tls
                        ? new NoDelaySslSocketFactory(tls)
                        : new NoDelaySocketFactory(base));
        if (options.will() != null) {
            BusMessage w = options.will();
            MqttMessage will = new MqttMessage(w.payload(), w.qos(), w.retained(), null);
            o.setWill(w.topic(), will);
        }
        return o;
    }

    private void attemptConnect() {
        if (closed || paho.isConnected()) {
            return;
        }
        try {
            paho.connect(connectionOptions(), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    // connectComplete() follows through the callback.
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    dispatch.execute(() -> connectFailed(describe(e)));
                }
            });
        } catch (MqttException e) {
            connectFailed(describe(e));
        }
    }

    private void connectFailed(String reason) {
        if (closed) {
            return;
        }
        if (!reason.equals(lastDisconnectReason)) {
            log.warn("MQTT {}: cannot connect: {}", options, reason);
        }
        disconnectedBecause(reason);
        long delayMillis = Math.min(30_000, 500L << Math.min(connectAttempt++, 6));
        dispatch.schedule(this::attemptConnect, delayMillis, TimeUnit.MILLISECONDS);
    }

    private void disconnectedBecause(String reason) {
        lastDisconnectReason = reason;
        for (ConnectionListener l : connectionListeners) {
            safely(() -> l.disconnected(reason));
        }
    }

    private static String describe(Throwable e) {
        if (e instanceof MqttException m) {
            String msg = m.getMessage();
            Throwable cause = m.getCause();
            if (cause != null && cause.getMessage() != null) {
                return msg + " (" + cause.getMessage() + ")";
            }
            return msg + " [reason " + m.getReasonCode() + "]";
        }
        return String.valueOf(e);
    }

    // ---- publish ----

    /**
     * Publishes a message. Completes when the broker has it (QoS 1/2) or it was written (QoS 0);
     * fails with a {@link BusException} when not connected. Nothing is buffered while disconnected:
     * publishers re-publish their current state when {@link ConnectionListener#connected} fires.
     */
    public CompletableFuture<Void> publish(BusMessage message) {
        CompletableFuture<Void> result = new CompletableFuture<>();
        send(new Outgoing(message, result));
        return result;
    }

    private void send(Outgoing out) {
        try {
            paho.publish(out.message.topic(), toPaho(out.message), null, new MqttActionListener() {
                @Override
                public void onSuccess(IMqttToken token) {
                    out.result.complete(null);
                    drainWaiting();
                }

                @Override
                public void onFailure(IMqttToken token, Throwable e) {
                    out.result.completeExceptionally(
                            new BusException("publish to " + out.message.topic() + " failed: " + describe(e), e));
                    drainWaiting();
                }
            });
        } catch (MqttException e) {
            if (e.getReasonCode() == MAX_INFLIGHT) {
                // The broker's receive maximum is reached: wait for an acknowledgement, then send.
                synchronized (waitingForInflight) {
                    waitingForInflight.add(out);
                }
                if (paho.getInFlightMessageCount() == 0) {
                    drainWaiting();
                }
            } else {
                out.result.completeExceptionally(new BusException(
                        "publish to " + out.message.topic() + " failed: "
                                + (paho.isConnected() ? describe(e) : "not connected to the broker"),
                        e));
            }
        }
    }

    private void drainWaiting() {
        Outgoing next;
        synchronized (waitingForInflight) {
            next = waitingForInflight.poll();
        }
        if (next != null) {
            send(next);
        }
    }

    private static MqttMessage toPaho(BusMessage m) {
        MqttProperties props = new MqttProperties();
        List<UserProperty> user = new ArrayList<>();
        // Every message we publish carries its own id, so a record of the bus can tell a
        // redelivery from a new message with the same content.
        if (!m.userProperties().containsKey(MESSAGE_ID)) {
            user.add(new UserProperty(MESSAGE_ID, newMessageId()));
        }
        m.userProperties().forEach((k, v) -> user.add(new UserProperty(k, v)));
        props.setUserProperties(user);
        if (m.expirySeconds() != null) {
            props.setMessageExpiryInterval(m.expirySeconds());
        }
        if (m.responseTopic() != null) {
            props.setResponseTopic(m.responseTopic());
        }
        if (m.correlationData() != null) {
            props.setCorrelationData(m.correlationData());
        }
        if (m.contentType() != null) {
            props.setContentType(m.contentType());
        }
        MqttMessage out = new MqttMessage(m.payload(), m.qos(), m.retained(), props);
        return out;
    }

    // ---- subscribe ----

    /**
     * Subscribes now (if connected) and again after every reconnect. The handler runs on the
     * dispatch thread.
     *
     * @return completes when the broker has granted the subscription; fails if it refused it
     */
    public CompletableFuture<Void> subscribe(String filter, int qos, Consumer<BusMessage> handler) {
        return subscribe(filter, qos, false, handler);
    }

    /**
     * Like {@link #subscribe(String, int, Consumer)}; with {@code retainAsPublished}, messages keep
     * the retain flag they were published with (MQTT 5 "Retain As Published"), so a reader that
     * records the bus can tell a retained publish from a plain one. Without it the broker clears the
     * flag on everything but the retained messages it sends when the subscription is made.
     */
    public CompletableFuture<Void> subscribe(
            String filter, int qos, boolean retainAsPublished, Consumer<BusMessage> handler) {
        int id = nextSubscriptionId.getAndUpdate(i -> i >= MAX_SUBSCRIPTION_ID ? 1 : i + 1);
        Subscription s = new Subscription(id, filter, qos, retainAsPublished, handler);
        subscriptions.put(id, s);
        CompletableFuture<Void> result = new CompletableFuture<>();
        if (paho.isConnected()) {
            sendSubscribe(s, result);
        } else {
            firstConnect.thenRun(() -> sendSubscribe(s, result));
        }
        return result;
    }

    private void sendSubscribe(Subscription s, CompletableFuture<Void> result) {
        MqttSubscription sub = new MqttSubscription(s.filter, s.qos);
        sub.setRetainAsPublished(s.retainAsPublished);
        MqttProperties props = new MqttProperties();
        props.setSubscriptionIdentifier(s.id);
        try {
            paho.subscribe(
                    new MqttSubscription[] {sub},
                    null,
                    new MqttActionListener() {
                        @Override
                        public void onSuccess(IMqttToken token) {
                            int[] codes = token.getReasonCodes();
                            if (codes != null && codes.length > 0 && codes[0] >= 0x80) {
                                result.completeExceptionally(new BusException("broker refused the subscription to "
                                        + s.filter + " (reason code 0x" + Integer.toHexString(codes[0]) + ")"));
                            } else {
                                result.complete(null);
                            }
                        }

                        @Override
                        public void onFailure(IMqttToken token, Throwable e) {
                            result.completeExceptionally(
                                    new BusException("subscription to " + s.filter + " failed: " + describe(e), e));
                        }
                    },
                    props);
        } catch (MqttException e) {
            result.completeExceptionally(
                    new BusException("subscription to " + s.filter + " failed: " + describe(e), e));
        }
    }

    // ---- request / response ----

    /**
     * Sends an MQTT 5 request (response topic + correlation data) and waits for the reply.
     *
     * @return the reply; fails with a {@link BusException} when it cannot be sent or no reply came in time
     */
    public CompletableFuture<BusMessage> request(BusMessage request, Duration timeout) {
        CompletableFuture<Void> ready =
                responseSubscribed ? CompletableFuture.completedFuture(null) : subscribeResponses();
        byte[] correlation = uuidBytes();
        String key = HexFormat.of().formatHex(correlation);
        CompletableFuture<BusMessage> reply = new CompletableFuture<>();
        pendingRequests.put(key, reply);
        ready.thenCompose(x -> publish(request.withResponse(responseTopic, correlation)))
                .whenComplete((x, e) -> {
                    if (e != null) {
                        pendingRequests.remove(key);
                        reply.completeExceptionally(
                                e instanceof BusException ? e : e.getCause() != null ? e.getCause() : e);
                    }
                });
        dispatch.schedule(
                () -> {
                    if (pendingRequests.remove(key) != null) {
                        reply.completeExceptionally(new BusException(
                                "no reply to " + request.topic() + " within " + timeout.toMillis() + " ms"));
                    }
                },
                timeout.toMillis(),
                TimeUnit.MILLISECONDS);
        return reply;
    }

    private synchronized CompletableFuture<Void> subscribeResponses() {
        if (responseSubscribed) {
            return CompletableFuture.completedFuture(null);
        }
        responseSubscribed = true;
        return subscribe(responseTopic, 1, m -> {
            if (m.correlationData() == null) {
                return;
            }
            CompletableFuture<BusMessage> f =
                    pendingRequests.remove(HexFormat.of().formatHex(m.correlationData()));
            if (f != null) {
                f.complete(m);
            }
        });
    }

    static String newMessageId() {
        return java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(uuidBytes());
    }

    private static byte[] uuidBytes() {
        UUID u = UUID.randomUUID();
        byte[] b = new byte[16];
        long hi = u.getMostSignificantBits();
        long lo = u.getLeastSignificantBits();
        for (int i = 0; i < 8; i++) {
            b[i] = (byte) (hi >>> (56 - 8 * i));
            b[8 + i] = (byte) (lo >>> (56 - 8 * i));
        }
        return b;
    }

    // ---- acknowledgement ----

    /** With manual acks: acknowledges a received QoS 1/2 message, so the broker may forget it. */
    public void ack(BusMessage message) {
        if (message.qos() == 0 || !options.manualAcks()) {
            return;
        }
        try {
            paho.messageArrivedComplete(message.messageId(), message.qos());
        } catch (MqttException e) {
            log.debug("MQTT {}: ack of {} failed: {}", options.clientId(), message.messageId(), describe(e));
        }
    }

    // ---- receiving ----

    private void deliver(String topic, MqttMessage m) {
        MqttProperties p = m.getProperties();
        Map<String, String> user = new LinkedHashMap<>();
        List<Integer> ids = List.of();
        BusMessage message;
        if (p != null) {
            if (p.getUserProperties() != null) {
                p.getUserProperties().forEach(u -> user.put(u.getKey(), u.getValue()));
            }
            if (p.getSubscriptionIdentifiers() != null) {
                ids = p.getSubscriptionIdentifiers();
            }
            message = new BusMessage(
                    topic,
                    m.getPayload(),
                    m.getQos(),
                    m.isRetained(),
                    m.isDuplicate(),
                    p.getMessageExpiryInterval(),
                    p.getResponseTopic(),
                    p.getCorrelationData(),
                    p.getContentType(),
                    user,
                    clock.instant(),
                    m.getId());
        } else {
            message = new BusMessage(
                    topic,
                    m.getPayload(),
                    m.getQos(),
                    m.isRetained(),
                    m.isDuplicate(),
                    null,
                    null,
                    null,
                    null,
                    user,
                    clock.instant(),
                    m.getId());
        }
        boolean handled = false;
        // Subscription identifiers say exactly which subscriptions matched; without them, match filters.
        List<Subscription> targets = new ArrayList<>();
        for (Integer id : ids) {
            Subscription s = subscriptions.get(id);
            if (s != null) {
                targets.add(s);
            }
        }
        if (targets.isEmpty()) {
            for (Subscription s : subscriptions.values()) {
                if (TopicFilter.matches(s.filter, topic)) {
                    targets.add(s);
                }
            }
        }
        for (Subscription s : targets) {
            handled = true;
            safely(() -> s.handler.accept(message));
        }
        if (!handled) {
            log.debug("MQTT {}: message on {} matches no subscription", options.clientId(), topic);
            ack(message);
        }
    }

    private void safely(Runnable r) {
        try {
            r.run();
        } catch (RuntimeException e) {
            log.error("MQTT {}: handler failed", options.clientId(), e);
        }
    }

    private final class PahoCallback implements MqttCallback {
        @Override
        public void disconnected(MqttDisconnectResponse response) {
            String reason = response.getException() != null
                    ? describe(response.getException())
                    : response.getReasonString() != null
                            ? response.getReasonString()
                            : "reason code " + response.getReturnCode();
            dispatch.execute(() -> {
                if (!closed) {
                    log.warn("MQTT {}: connection lost: {}", options, reason);
                    disconnectedBecause(reason);
                }
            });
        }

        @Override
        public void mqttErrorOccurred(MqttException exception) {
            dispatch.execute(() -> log.warn("MQTT {}: {}", options, describe(exception)));
        }

        @Override
        public void messageArrived(String topic, MqttMessage message) {
            dispatch.execute(() -> deliver(topic, message));
        }

        @Override
        public void deliveryComplete(IMqttToken token) {}

        @Override
        public void connectComplete(boolean reconnect, String serverURI) {
            dispatch.execute(() -> {
                if (closed) {
                    return;
                }
                boolean again = everConnected;
                everConnected = true;
                connectAttempt = 0;
                log.info("MQTT {}: {}", options, again ? "reconnected" : "connected");
                if (again) {
                    for (Subscription s : subscriptions.values()) {
                        sendSubscribe(s, new CompletableFuture<>());
                    }
                }
                firstConnect.complete(null);
                for (ConnectionListener l : connectionListeners) {
                    safely(() -> l.connected(again));
                }
            });
        }

        @Override
        public void authPacketArrived(int reasonCode, MqttProperties properties) {}
    }

    // ---- closing ----

    /** Disconnects cleanly (the broker does not publish the will) and stops. */
    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            if (paho.isConnected()) {
                paho.disconnect(2000).waitForCompletion(3000);
            }
        } catch (MqttException e) {
            log.debug("MQTT {}: disconnect: {}", options.clientId(), describe(e));
        }
        shutDown();
    }

    /**
     * Drops the connection without a DISCONNECT packet, as a crash or a pulled cable would: the
     * broker publishes the will. For tests and for an agent dying on purpose.
     */
    public void abort() {
        closed = true;
        try {
            paho.disconnectForcibly(0, 0, false);
        } catch (MqttException e) {
            log.debug("MQTT {}: abort: {}", options.clientId(), describe(e));
        }
        shutDown();
    }

    private void shutDown() {
        try {
            paho.close(true);
        } catch (MqttException e) {
            log.debug("MQTT {}: close: {}", options.clientId(), describe(e));
        }
        dispatch.shutdownNow();
        BusException closedError = new BusException("client closed");
        pendingRequests.values().forEach(f -> f.completeExceptionally(closedError));
        pendingRequests.clear();
        firstConnect.completeExceptionally(closedError);
    }
}
