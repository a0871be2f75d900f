package org.roomctl.agent.xapi;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import org.roomctl.agent.device.DeviceException;

/**
 * The requests sent to the codec and not yet answered, and the rules that match answers to them.
 * The terminal answers in the order it was asked, but feedback pushes can come in between, and an
 * answer is a block ending {@code ** end} plus an {@code OK}/{@code ERROR}, in either order:
 *
 * <ul>
 *   <li>a block tagged with a result id answers the request with that id;
 *   <li>an untagged block answers the oldest request still waiting for its block, if its kind
 *       fits (a {@code *r} block answers anything, a {@code *s} block only a status query, an
 *       empty block anything); otherwise it is feedback. An {@code *e}-only block is always
 *       feedback;
 *   <li>{@code OK}, {@code ERROR} and {@code Command not recognized.} carry no id: they belong to
 *       the oldest request that has not had one.
 * </ul>
 *
 * <p>Pure (no threads, no clock); the device calls it on its own executor and applies timeouts.
 */
public final class XapiRequests {

    /** One request on the wire. */
    public static final class Pending {
        private final Optional<String> id;
        private final XapiCommand command;
        private final CompletableFuture<XapiBlock> result = new CompletableFuture<>();
        private XapiBlock block;
        private Boolean ok;

        private Pending(Optional<String> id, XapiCommand command) {
            this.id = id;
            this.command = command;
        }

        /** The result id the request was tagged with, if any. */
        public Optional<String> id() {
            return id;
        }

        /** What was sent. */
        public XapiCommand command() {
            return command;
        }

        /**
         * Completes with the answer's block (empty for a command answered by OK alone); fails with
         * DEVICE_ERROR when the codec refused it.
         */
        public CompletableFuture<XapiBlock> result() {
            return result;
        }

        private boolean waitingForBlock() {
            return command.expectsBlock() && block == null;
        }
    }

    private final List<Pending> pending = new ArrayList<>();

    /** Records a request about to be sent; {@code id} is the tag it carries, if any. */
    public Pending add(Optional<String> id, XapiCommand command) {
        Pending p = new Pending(id, command);
        pending.add(p);
        return p;
    }

    /**
     * A block arrived.
     *
     * @return the request it answers, or empty when it is feedback (or a late answer)
     */
    public Optional<Pending> onBlock(XapiBlock block) {
        Pending p = block.resultId().isPresent() ? byId(block.resultId().get()) : oldestFitting(block);
        if (p == null) {
            return Optional.empty();
        }
        p.block = block;
        if (p.ok != null) {
            complete(p);
        }
        return Optional.of(p);
    }

    /**
     * OK ({@code ok}) or ERROR arrived.
     *
     * @return whether a request was waiting for it
     */
    public boolean onTerminator(boolean ok) {
        Pending p = oldestWithoutTerminator();
        if (p == null) {
            return false;
        }
        p.ok = ok;
        if (!ok || !p.waitingForBlock()) {
            complete(p);
        }
        return true;
    }

    /**
     * {@code Command not recognized.} arrived: the oldest request without an OK/ERROR fails.
     *
     * @return the request that failed
     */
    public Optional<Pending> onNotRecognized() {
        Pending p = oldestWithoutTerminator();
        if (p == null) {
            return Optional.empty();
        }
        pending.remove(p);
        p.result.completeExceptionally(
                DeviceException.error("codec did not recognise the command: " + p.command.text()));
        return Optional.of(p);
    }

    /** Forgets a request, for example one that timed out. */
    public void remove(Pending p) {
        pending.remove(p);
    }

    /** Fails every request, for example when the link is lost. */
    public void failAll(DeviceException why) {
        List<Pending> all = new ArrayList<>(pending);
        pending.clear();
        for (Pending p : all) {
            p.result.completeExceptionally(why);
        }
    }

    /** Requests waiting for an answer. */
    public int size() {
        return pending.size();
    }

    private Pending oldestWithoutTerminator() {
        for (Pending p : pending) {
            if (p.ok == null) {
                return p;
            }
        }
        return null;
    }

    private Pending byId(String id) {
        for (Pending p : pending) {
            if (p.id.isPresent() && p.id.get().equals(id)) {
                return p;
            }
        }
        return null;
    }

    private Pending oldestFitting(XapiBlock block) {
        if (block.only(XapiRecord.Kind.EVENT)) {
            return null;
        }
        Iterator<Pending> it = pending.stream().filter(Pending::waitingForBlock).iterator();
        if (!it.hasNext()) {
            return null;
        }
        Pending oldest = it.next();
        boolean fits = block.entries().isEmpty()
                || block.has(XapiRecord.Kind.RESULT)
                || (block.has(XapiRecord.Kind.STATUS) && oldest.command.verb() == XapiCommand.Verb.STATUS)
                || (block.has(XapiRecord.Kind.CONFIGURATION)
                        && oldest.command.verb() == XapiCommand.Verb.CONFIGURATION);
        return fits ? oldest : null;
    }

    private void complete(Pending p) {
        pending.remove(p);
        String command = p.command.text();
        if (p.block != null && p.block.failed()) {
            String reason = p.block.resultField("Reason").orElse("status=Error");
            p.result.completeExceptionally(
                    DeviceException.error(p.command.what() + " refused by the codec: " + reason));
        } else if (Boolean.FALSE.equals(p.ok)) {
            p.result.completeExceptionally(DeviceException.error("codec answered ERROR to " + command));
        } else {
            p.result.complete(p.block != null ? p.block : new XapiBlock(List.of(), p.id));
        }
    }
}
