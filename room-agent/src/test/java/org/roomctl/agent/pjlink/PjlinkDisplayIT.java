package org.roomctl.agent.pjlink;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.roomctl.agent.device.DeviceException;
import org.roomctl.agent.device.DeviceRuntime;
import org.roomctl.agent.transport.Backoff;
import org.roomctl.agent.transport.TcpTransport;
import org.roomctl.contract.ErrorCode;
import org.roomctl.contract.config.DeviceConfig;
import org.roomctl.contract.config.DeviceTypes;
import org.roomctl.contract.config.Secret;
import org.roomctl.contract.config.TransportSpec;
import org.roomctl.contract.state.DeviceState;
import org.roomctl.contract.state.DeviceStatus;

/** The PJLink driver over a real TCP socket against a scripted projector. */
class PjlinkDisplayIT {
    private static final Duration POLL = Duration.ofMillis(300);
    private static final Duration TIMEOUT = Duration.ofMillis(500);

    private final DeviceRuntime runtime = new DeviceRuntime(4, Clock.systemUTC());
    private final List<PjlinkDisplay> displays = new ArrayList<>();
    /** Every state the display published, in order. */
    private final List<DeviceState> history = new CopyOnWriteArrayList<>();

    private ScriptedDisplayPeer peer;

    @BeforeEach
    void peer() throws IOException {
        peer = new ScriptedDisplayPeer();
    }

    @AfterEach
    void close() throws IOException {
        displays.forEach(PjlinkDisplay::close);
        peer.close();
        runtime.close();
    }

    private PjlinkDisplay display(int port, Optional<String> password, Duration poll) {
        DeviceConfig config = new DeviceConfig(
                "display",
                DeviceTypes.PJLINK,
                new TransportSpec.Tcp("127.0.0.1", port),
                1,
                Optional.empty(),
                Optional.empty(),
                password.map(p -> new Secret("DISPLAY_PASSWORD", p)),
                poll,
                TIMEOUT);
        TcpTransport transport = new TcpTransport(
                "127.0.0.1", port, "tcp", new Backoff(Duration.ofMillis(50), Duration.ofMillis(200), new Random(7)));
        PjlinkDisplay display = new PjlinkDisplay(config, transport, runtime);
        display.addListener(history::add);
        displays.add(display);
        display.start();
        return display;
    }

    private PjlinkDisplay onlineDisplay(Duration poll) {
        PjlinkDisplay display = display(peer.port(), Optional.empty(), poll);
        awaitStatus(display, DeviceStatus.ONLINE);
        return display;
    }

    private static void awaitStatus(PjlinkDisplay display, DeviceStatus status) {
        await().atMost(Duration.ofSeconds(5)).until(() -> display.state().status() == status);
    }

    private static Object property(PjlinkDisplay display, String name) {
        return display.state().properties().get(name);
    }

    private boolean everWas(DeviceStatus status, String reasonPart) {
        return history.stream()
                .anyMatch(
                        s -> s.status() == status && String.valueOf(s.reason()).contains(reasonPart));
    }

    private static DeviceException failure(CompletableFuture<?> f) {
        await().atMost(Duration.ofSeconds(5)).until(f::isDone);
        assertThat(f).isCompletedExceptionally();
        return DeviceException.unwrap(f.handle((v, e) -> e).join());
    }

    // ---- connection and authentication ----

    @Test
    void withoutAuthenticationItGoesOnlineAndReadsTheDisplay() {
        PjlinkDisplay display = onlineDisplay(POLL);
        await().atMost(Duration.ofSeconds(2)).until(() -> property(display, "pjlinkClass") != null);
        assertThat(property(display, "power")).isEqualTo("off");
        assertThat(property(display, "name")).isEqualTo("Left projector");
        assertThat(property(display, "manufacturer")).isEqualTo("ACME");
        assertThat(property(display, "model")).isEqualTo("Beam 3000");
        assertThat(property(display, "lamps")).isEqualTo(List.of(Map.of("hours", 1200L, "on", false)));
        assertThat(property(display, "errors")).isNull();
        assertThat(property(display, "input")).isNull(); // ERR3 in standby: left unknown
    }

    @Test
    void withAuthenticationEveryCommandCarriesTheDigest() {
        peer.password = "JBMIAProjectorLink";
        peer.random = "498e4a67";
        PjlinkDisplay display = display(peer.port(), Optional.of("JBMIAProjectorLink"), POLL);
        awaitStatus(display, DeviceStatus.ONLINE);
        await().atMost(Duration.ofSeconds(2)).until(() -> peer.count("CLSS ?") == 1);
        assertThat(peer.digests()).hasSizeGreaterThan(5).allMatch("5d8409bc1c3fa39749434aa3a5c38682"::equals);
        assertThat(peer.authErrors()).isZero();
    }

    @Test
    void wrongPasswordIsOfflineAndNotHammered() {
        peer.password = "right";
        PjlinkDisplay display = display(peer.port(), Optional.of("wrong"), Duration.ofSeconds(1));
        await().atMost(Duration.ofSeconds(3)).until(() -> everWas(DeviceStatus.OFFLINE, "wrong PJLink password"));
        assertThat(display.state().status()).isEqualTo(DeviceStatus.OFFLINE);
        // The projector hangs up after ERRA and the transport reconnects within 50 ms; a driver that
        // sent its digest on every connection would be refused a dozen times in this window.
        await().during(Duration.ofMillis(1500)).atMost(Duration.ofSeconds(3)).until(() -> peer.authErrors() <= 2);
        assertThat(peer.connections()).isGreaterThan(1);
    }

    @Test
    void authenticationWithoutAConfiguredPasswordIsOffline() {
        peer.password = "secret";
        PjlinkDisplay display = display(peer.port(), Optional.empty(), POLL);
        await().atMost(Duration.ofSeconds(3)).until(() -> everWas(DeviceStatus.OFFLINE, "display requires a password"));
        assertThat(display.state().status()).isEqualTo(DeviceStatus.OFFLINE);
        assertThat(peer.digests()).isEmpty(); // nothing was sent
    }

    @Test
    void connectionRefusedIsOfflineWithTheReason() throws IOException {
        int port;
        try (ServerSocket s = new ServerSocket(0)) {
            port = s.getLocalPort();
        }
        PjlinkDisplay display = display(port, Optional.empty(), POLL);
        await().atMost(Duration.ofSeconds(3))
                .until(() -> String.valueOf(display.state().reason()).contains("connection refused"));
        assertThat(failure(display.power(true)).code()).isEqualTo(ErrorCode.DEVICE_OFFLINE);
    }

    // ---- commands ----

    @Test
    void powerOnWarmsUpAndIsFollowedUntilOn() {
        peer.warmUpMillis = 600;
        // a long poll interval: only the driver's faster polling while warming can see "on" in time
        PjlinkDisplay display = onlineDisplay(Duration.ofSeconds(10));
        assertThat(display.power(true)).succeedsWithin(Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(3)).until(() -> "on".equals(property(display, "power")));
        List<Object> powers = history.stream()
                .map(s -> s.properties().get("power"))
                .filter(Objects::nonNull)
                .distinct()
                .toList();
        assertThat(powers).containsSubsequence("off", "warming", "on");
    }

    @Test
    void inputDuringWarmUpIsBusyWithTheReason() {
        peer.warmUpMillis = 2000;
        PjlinkDisplay display = onlineDisplay(POLL);
        assertThat(display.power(true)).succeedsWithin(Duration.ofSeconds(2));
        DeviceException e = failure(display.input("hdmi1"));
        assertThat(e.code()).isEqualTo(ErrorCode.BUSY);
        assertThat(e.getMessage()).isEqualTo("display is warming up");
    }

    @Test
    void powerOffCoolsDown() {
        peer.powerState(1);
        peer.coolDownMillis = 400;
        PjlinkDisplay display = onlineDisplay(Duration.ofSeconds(10));
        await().atMost(Duration.ofSeconds(2)).until(() -> "on".equals(property(display, "power")));
        assertThat(display.power(false)).succeedsWithin(Duration.ofSeconds(2));
        await().atMost(Duration.ofSeconds(3)).until(() -> "off".equals(property(display, "power")));
        assertThat(history.stream().map(s -> s.properties().get("power"))).contains("cooling");
    }

    @Test
    void inputIsSelectedByName() {
        peer.powerState(1);
        PjlinkDisplay display = onlineDisplay(POLL);
        assertThat(display.input("hdmi2")).succeedsWithin(Duration.ofSeconds(2));
        assertThat(peer.commands()).contains("INPT 32");
        assertThat(peer.input()).isEqualTo("32");
        assertThat(property(display, "input")).isEqualTo("hdmi2");
    }

    @Test
    void inputTheDisplayLacksIsABadRequest() {
        peer.powerState(1);
        PjlinkDisplay display = onlineDisplay(POLL);
        DeviceException e = failure(display.input("video3")); // ERR2
        assertThat(e.code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(e.getMessage()).contains("INPT 23").contains("ERR2");
    }

    @Test
    void unknownInputNameNeverReachesTheDisplay() {
        PjlinkDisplay display = onlineDisplay(POLL);
        assertThat(failure(display.input("dvi1")).code()).isEqualTo(ErrorCode.BAD_REQUEST);
        assertThat(peer.commands()).noneMatch(c -> c.startsWith("INPT d"));
    }

    @Test
    void muteSetsVideoAndAudioMute() {
        peer.powerState(1);
        PjlinkDisplay display = onlineDisplay(POLL);
        assertThat(display.mute(true)).succeedsWithin(Duration.ofSeconds(2));
        assertThat(peer.commands()).contains("AVMT 31");
        assertThat(property(display, "mute")).isEqualTo(true);
    }

    @Test
    void deviceFailureIsADeviceError() {
        peer.override("POWR 1", "ERR4");
        PjlinkDisplay display = onlineDisplay(POLL);
        DeviceException e = failure(display.power(true));
        assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_ERROR);
        assertThat(e.getMessage()).contains("ERR4");
    }

    @Test
    void unsupportedQueryIsSkippedByRefresh() {
        peer.override("LAMP ?", "ERR1"); // a flat panel has no lamp
        PjlinkDisplay display = onlineDisplay(POLL);
        assertThat(display.refresh()).succeedsWithin(Duration.ofSeconds(2));
        assertThat(property(display, "lamps")).isNull();
        assertThat(property(display, "name")).isEqualTo("Left projector");
    }

    // ---- error status ----

    @Test
    void lampErrorMakesItDegradedNamingTheLamp() {
        peer.errorStatus = "020000";
        PjlinkDisplay display = display(peer.port(), Optional.empty(), POLL);
        awaitStatus(display, DeviceStatus.DEGRADED);
        assertThat(display.state().reason()).isEqualTo("display reports lamp error");
        assertThat(property(display, "errors")).isEqualTo(Map.of("lamp", "error"));
        peer.errorStatus = "000000";
        awaitStatus(display, DeviceStatus.ONLINE);
        assertThat(property(display, "errors")).isNull();
    }

    @Test
    void warningIsPublishedButStaysOnline() {
        peer.errorStatus = "100000";
        PjlinkDisplay display = onlineDisplay(POLL);
        await().atMost(Duration.ofSeconds(2)).until(() -> property(display, "errors") != null);
        assertThat(property(display, "errors")).isEqualTo(Map.of("fan", "warning"));
        assertThat(display.state().status()).isEqualTo(DeviceStatus.ONLINE);
    }

    // ---- connection behaviour ----

    @Test
    void idleHangUpsDoNotFlapTheStatus() {
        peer.idleCloseMillis = 250; // hangs up between polls
        PjlinkDisplay display = onlineDisplay(Duration.ofMillis(700));
        int online = history.size();
        await().atMost(Duration.ofSeconds(5)).until(() -> peer.connections() >= 4);
        assertThat(history.subList(online, history.size())).allMatch(s -> s.status() != DeviceStatus.OFFLINE);
        peer.powerState(1);
        assertThat(display.mute(true)).succeedsWithin(Duration.ofSeconds(2));
        assertThat(history)
                .filteredOn(s -> s.status() == DeviceStatus.OFFLINE)
                .allMatch(s -> history.indexOf(s) < online);
    }

    @Test
    void commandCutOffByAHangUpIsSentAgain() {
        peer.powerState(1);
        PjlinkDisplay display = onlineDisplay(Duration.ofSeconds(5));
        peer.hangUpOnNextCommand = true;
        assertThat(display.mute(true)).succeedsWithin(Duration.ofSeconds(2));
        assertThat(peer.count("AVMT 31")).isEqualTo(2);
        assertThat(display.state().status()).isEqualTo(DeviceStatus.ONLINE);
    }

    @Test
    void silenceMakesItOfflineAndAnAnswerBringsItBackReRead() {
        PjlinkDisplay display = onlineDisplay(POLL);
        await().atMost(Duration.ofSeconds(2)).until(() -> peer.count("NAME ?") == 1);
        peer.silent = true;
        await().atMost(Duration.ofSeconds(5))
                .until(() -> everWas(DeviceStatus.OFFLINE, "no answer to 3 status checks"));
        peer.silent = false;
        awaitStatus(display, DeviceStatus.ONLINE);
        await().atMost(Duration.ofSeconds(2)).until(() -> peer.count("NAME ?") == 2);
    }
}
