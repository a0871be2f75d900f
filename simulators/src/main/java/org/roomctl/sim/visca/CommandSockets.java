package org.roomctl.sim.visca;

import java.util.ArrayList;
import java.util.List;
import java.util.OptionalLong;
import java.util.Set;

/**
 * A VISCA camera's two command sockets: which one holds a command, what that command moves and when
 * it completes; and how many are stuck busy (a fault), counted from socket 1.
 */
final class CommandSockets {
    static final int COUNT = 2;

    /** A command holding a socket until {@code doneAt}. */
    private record Held(Set<Axes> axes, long doneAt) {}

    private final Held[] held = new Held[COUNT];
    private int stuckBusy;

    void stuckBusy(int sockets) {
        stuckBusy = sockets;
    }

    boolean stuck(int socket) {
        return socket <= stuckBusy;
    }

    boolean busy(int socket) {
        return stuck(socket) || held[socket - 1] != null;
    }

    /** The sockets busy now (1, 2). */
    List<Integer> busy() {
        List<Integer> busy = new ArrayList<>();
        for (int s = 1; s <= COUNT; s++) {
            if (busy(s)) {
                busy.add(s);
            }
        }
        return busy;
    }

    /** The first free socket, or 0 when both are busy. */
    int free() {
        for (int s = 1; s <= COUNT; s++) {
            if (!busy(s)) {
                return s;
            }
        }
        return 0;
    }

    void hold(int socket, Set<Axes> axes, long doneAt) {
        held[socket - 1] = new Held(axes, doneAt);
    }

    /**
     * Frees a socket's command.
     *
     * @return what it was moving, or null when the socket held nothing
     */
    Set<Axes> release(int socket) {
        Held h = held[socket - 1];
        held[socket - 1] = null;
        return h == null ? null : h.axes();
    }

    /** Frees the sockets holding commands that move any of {@code axes}; returns them. */
    List<Integer> releaseMoving(Set<Axes> axes) {
        List<Integer> released = new ArrayList<>();
        for (int s = 1; s <= COUNT; s++) {
            Held h = held[s - 1];
            if (h != null && h.axes().stream().anyMatch(axes::contains)) {
                held[s - 1] = null;
                released.add(s);
            }
        }
        return released;
    }

    /** Frees every socket; returns those that held a command. */
    List<Integer> releaseAll() {
        return releaseMoving(Set.of(Axes.values()));
    }

    /** Frees the sockets whose commands are done by {@code now}; returns them in the order they finished. */
    List<Integer> completeUntil(long now) {
        List<Integer> done = new ArrayList<>();
        while (true) {
            int next = 0;
            for (int s = 1; s <= COUNT; s++) {
                Held h = held[s - 1];
                if (h != null && h.doneAt() <= now && (next == 0 || h.doneAt() < held[next - 1].doneAt())) {
                    next = s;
                }
            }
            if (next == 0) {
                return done;
            }
            held[next - 1] = null;
            done.add(next);
        }
    }

    /** When the next held command is done. */
    OptionalLong nextDeadline() {
        OptionalLong next = OptionalLong.empty();
        for (Held h : held) {
            if (h != null && (next.isEmpty() || h.doneAt() < next.getAsLong())) {
                next = OptionalLong.of(h.doneAt());
            }
        }
        return next;
    }
}
