package org.roomctl.sim.callnet;

import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * The simulated call network: codecs register by their call address (the {@code uri} of the
 * room's codec in its config) and signal each other through it. It only routes; what a signal
 * means is the codecs' business. Delivery hands the signal to the receiver's inbox, which queues
 * it for the receiving device's thread, so a sender never runs the receiver's code.
 */
public final class CallNetwork {
    private final Map<String, Consumer<CallSignal>> inboxes = new ConcurrentHashMap<>();
    private final AtomicLong callRefs = new AtomicLong();

    /**
     * The routing form of an address: without a {@code sip:} scheme, lower case. So
     * {@code sip:Room-B@example.org} and {@code room-b@example.org} reach the same codec.
     */
    public static String normalise(String uri) {
        String u = uri.strip();
        if (u.regionMatches(true, 0, "sip:", 0, 4)) {
            u = u.substring(4);
        }
        return u.toLowerCase(Locale.ROOT);
    }

    /**
     * Registers a codec.
     *
     * @throws IllegalStateException when another codec has that address
     */
    public void register(String uri, Consumer<CallSignal> inbox) {
        Consumer<CallSignal> other = inboxes.putIfAbsent(normalise(uri), inbox);
        if (other != null && other != inbox) {
            throw new IllegalStateException("call address " + uri + " is already registered");
        }
    }

    /** Removes a codec, if {@code inbox} is the one registered. */
    public void unregister(String uri, Consumer<CallSignal> inbox) {
        inboxes.remove(normalise(uri), inbox);
    }

    /**
     * Sends a signal to the codec registered at {@code uri}.
     *
     * @return false when no codec has that address
     */
    public boolean deliver(String uri, CallSignal signal) {
        Consumer<CallSignal> inbox = inboxes.get(normalise(uri));
        if (inbox == null) {
            return false;
        }
        inbox.accept(signal);
        return true;
    }

    /** A new call reference, unique on this network. */
    public long newCallRef() {
        return callRefs.incrementAndGet();
    }

    /** The registered addresses (normalised), sorted. */
    public Set<String> addresses() {
        return new TreeSet<>(inboxes.keySet());
    }
}
