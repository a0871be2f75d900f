package org.roomctl.agent.simit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.roomctl.agent.device.Device;
import org.roomctl.agent.device.DeviceException;
import org.roomctl.contract.ErrorCode;
import org.roomctl.contract.state.DeviceState;
import org.roomctl.contract.state.DeviceStatus;

/**
 * A real driver started against a simulator, with every state it published, in order (the
 * listener is added before the driver starts, so nothing is missed).
 */
final class Driven<T extends Device> {
    /** How long a test waits for anything a device does by itself. */
    static final Duration WAIT = Duration.ofSeconds(15);

    final T device;
    final List<DeviceState> states = new CopyOnWriteArrayList<>();

    Driven(T device) {
        this.device = device;
        device.addListener(states::add);
    }

    DeviceState state() {
        return device.state();
    }

    DeviceStatus status() {
        return device.state().status();
    }

    Object property(String name) {
        return device.state().properties().get(name);
    }

    /** Waits until the device is online and has published each of {@code properties}. */
    Driven<T> awaitOnline(String... properties) {
        await().alias(device.id() + " online")
                .atMost(WAIT)
                .until(() -> status() == DeviceStatus.ONLINE
                        && device.state().properties().keySet().containsAll(List.of(properties)));
        return this;
    }

    /** Waits until {@code property} is {@code value} (compared with equals). */
    void awaitProperty(String property, Object value) {
        await().alias(device.id() + " " + property + " = " + value)
                .atMost(WAIT)
                .until(() -> Objects.equals(property(property), value));
    }

    /** Waits until the device has that status, and returns the state it is in then. */
    DeviceState awaitStatus(DeviceStatus status) {
        await().alias(device.id() + " " + status.wireName()).atMost(WAIT).until(() -> status() == status);
        return device.state();
    }

    /** How many states have been published so far: a mark for {@link #statusesSince}. */
    int mark() {
        return states.size();
    }

    /** The statuses published since {@code mark}. */
    List<DeviceStatus> statusesSince(int mark) {
        return states.subList(mark, states.size()).stream()
                .map(DeviceState::status)
                .toList();
    }

    /** The states published since {@code mark}. */
    List<DeviceState> statesSince(int mark) {
        return List.copyOf(states.subList(mark, states.size()));
    }

    // ---- futures ----

    /** The value of a command that must succeed, waiting at most {@link #WAIT}. */
    static <V> V done(CompletableFuture<V> command) {
        try {
            return command.get(WAIT.toMillis(), TimeUnit.MILLISECONDS);
        } catch (ExecutionException e) {
            DeviceException d = DeviceException.unwrap(e);
            throw new AssertionError("command failed: " + d.code() + " " + d.getMessage(), d);
        } catch (TimeoutException e) {
            throw new AssertionError("command not done within " + WAIT.toSeconds() + " s", e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }

    /**
     * Why a command that must fail failed. Anticipated failures are always a {@link
     * DeviceException} with a code other than INTERNAL; anything else fails the test.
     */
    static DeviceException failure(CompletableFuture<?> command) {
        await().alias("command finished").atMost(WAIT).until(command::isDone);
        assertThat(command).as("a command that must fail").isCompletedExceptionally();
        Throwable cause = command.handle((v, e) -> e).join();
        DeviceException d = DeviceException.unwrap(cause);
        assertThat(d.code()).as("failure %s", cause).isNotEqualTo(ErrorCode.INTERNAL);
        return d;
    }

    /**
     * How a command ended, for commands that may go either way (on a noisy line): null when it
     * succeeded, else the anticipated failure.
     */
    static DeviceException outcome(CompletableFuture<?> command) {
        await().alias("command finished").atMost(WAIT).until(command::isDone);
        return command.isCompletedExceptionally() ? failure(command) : null;
    }
}
