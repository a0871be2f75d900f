package org.roomctl.contract.bus;

import java.time.Duration;
import java.util.Objects;
import javax.net.SocketFactory;

/**
 * How a {@link BusClient} connects. Build with {@link #to(String, String)} and the {@code with}
 * methods; every field has a sensible default.
 *
 * @param serverUri {@code tcp://host:1883} or {@code ssl://host:8883}
 * @param clientId unique per connection; stable across restarts when the session persists
 * @param username broker user (null: none)
 * @param password broker password (null: none)
 * @param tls socket factory for {@code ssl://} (null: the JVM's default trust)
 * @param will the last will (null: none)
 * @param cleanStart start a new session on every connect
 * @param sessionExpiry how long the broker keeps the session (and queues QoS 1 messages) while we are away
 * @param manualAcks acknowledge QoS 1/2 messages only when {@link BusClient#ack} is called
 * @param keepAlive MQTT keep-alive; a dead link is noticed within 1.5 times this
 * @param responseTopicPrefix where request/response replies come back, under which the client id is added
 */
public record BusOptions(
        String serverUri,
        String clientId,
        String username,
        String password,
        SocketFactory tls,
        BusMessage will,
        boolean cleanStart,
        Duration sessionExpiry,
        boolean manualAcks,
        Duration keepAlive,
        String responseTopicPrefix) {

    public BusOptions {
        Objects.requireNonNull(serverUri, "serverUri");
        Objects.requireNonNull(clientId, "clientId");
    }

    public static BusOptions to(String serverUri, String clientId) {
        return new BusOptions(
                serverUri,
                clientId,
                null,
                null,
                null,
                null,
                true,
                Duration.ZERO,
                false,
                Duration.ofSeconds(30),
                "roomctl/clients");
    }

    public BusOptions withCredentials(String user, String pass) {
        return new BusOptions(
                serverUri,
                clientId,
                user,
                pass,
                tls,
                will,
                cleanStart,
                sessionExpiry,
                manualAcks,
                keepAlive,
                responseTopicPrefix);
    }

    public BusOptions withTls(SocketFactory factory) {
        return new BusOptions(
                serverUri,
                clientId,
                username,
                password,
                factory,
                will,
                cleanStart,
                sessionExpiry,
                manualAcks,
                keepAlive,
                responseTopicPrefix);
    }

    public BusOptions withWill(BusMessage lastWill) {
        return new BusOptions(
                serverUri,
                clientId,
                username,
                password,
                tls,
                lastWill,
                cleanStart,
                sessionExpiry,
                manualAcks,
                keepAlive,
                responseTopicPrefix);
    }

    /** A session the broker keeps for {@code expiry} while we are away: commands sent meanwhile wait for us. */
    public BusOptions withPersistentSession(Duration expiry) {
        return new BusOptions(
                serverUri,
                clientId,
                username,
                password,
                tls,
                will,
                false,
                expiry,
                manualAcks,
                keepAlive,
                responseTopicPrefix);
    }

    public BusOptions withManualAcks() {
        return new BusOptions(
                serverUri,
                clientId,
                username,
                password,
                tls,
                will,
                cleanStart,
                sessionExpiry,
                true,
                keepAlive,
                responseTopicPrefix);
    }

    public BusOptions withKeepAlive(Duration interval) {
        return new BusOptions(
                serverUri,
                clientId,
                username,
                password,
                tls,
                will,
                cleanStart,
                sessionExpiry,
                manualAcks,
                interval,
                responseTopicPrefix);
    }

    public BusOptions withResponseTopicPrefix(String prefix) {
        return new BusOptions(
                serverUri,
                clientId,
                username,
                password,
                tls,
                will,
                cleanStart,
                sessionExpiry,
                manualAcks,
                keepAlive,
                prefix);
    }

    @Override
    public String toString() {
        return clientId + "@" + serverUri + (username == null ? "" : " as " + username);
    }
}
