package org.roomctl.agent.xapi;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Bytes from the codec in, records out: frames lines ({@link XapiLineFramer}), reads them
 * ({@link XapiParser}) and gathers output lines into {@link XapiBlock}s ending at {@code ** end}.
 * Everything that is not part of a block (OK, ERROR, prompts, echo, text, garbage) passes through
 * in order. Pure: no threads, no I/O, no clock.
 */
public final class XapiDecoder {
    /** Most output lines one block may hold; a longer block is dropped up to its {@code ** end}. */
    public static final int MAX_BLOCK_ENTRIES = 1000;

    private final XapiLineFramer framer;
    private final XapiParser parser = new XapiParser();
    private final int maxEntries;
    private final List<XapiRecord.Entry> entries = new ArrayList<>();
    private String resultId;
    private boolean overflowing;

    /** A decoder with the default line and block limits. */
    public XapiDecoder() {
        this(new XapiLineFramer(), MAX_BLOCK_ENTRIES);
    }

    /**
     * @param framer the line framer (tests give it a small line limit)
     * @param maxEntries most output lines in one block
     */
    public XapiDecoder(XapiLineFramer framer, int maxEntries) {
        this.framer = framer;
        this.maxEntries = maxEntries;
    }

    /** Feeds bytes as they came off the wire; returns what they completed, in order. */
    public List<XapiRecord> feed(byte[] bytes) {
        List<XapiRecord> out = new ArrayList<>();
        framer.feed(bytes, new XapiLineFramer.Sink() {
            @Override
            public void line(String text) {
                accept(parser.parse(text), out);
            }

            @Override
            public void dropped(String why) {
                out.add(new XapiRecord.Garbage("", why));
            }
        });
        return out;
    }

    /** Forgets partial lines and blocks, for a new connection or login. */
    public void reset() {
        framer.reset();
        clearBlock();
    }

    private void accept(XapiRecord r, List<XapiRecord> out) {
        if (r instanceof XapiRecord.Entry e) {
            addEntry(e, out);
        } else if (r instanceof XapiRecord.Field f) {
            foldField(f, out);
        } else if (r instanceof XapiRecord.ResultId id) {
            resultId = id.id();
        } else if (r instanceof XapiRecord.End) {
            endBlock(out);
        } else if (r instanceof XapiRecord.Terminator) {
            if (blockOpen()) {
                // Some output forgot its "** end": the OK/ERROR closes it all the same.
                endBlock(out);
            }
            out.add(r);
        } else if (r instanceof XapiRecord.LoginPrompt
                || r instanceof XapiRecord.PasswordPrompt
                || r instanceof XapiRecord.LoginIncorrect) {
            restart(r, out);
        } else if (!(r instanceof XapiRecord.Text t && t.text().isEmpty())) {
            out.add(r);
        }
    }

    private void addEntry(XapiRecord.Entry e, List<XapiRecord> out) {
        if (overflowing) {
            return;
        }
        if (entries.size() >= maxEntries) {
            out.add(new XapiRecord.Garbage("", "block dropped: more than " + maxEntries + " lines before '** end'"));
            entries.clear();
            overflowing = true;
            return;
        }
        entries.add(e);
    }

    /** An indented {@code Reason: "..."} continues the result line above it. */
    private void foldField(XapiRecord.Field f, List<XapiRecord> out) {
        if (entries.isEmpty()) {
            out.add(new XapiRecord.Text(f.name() + ": " + f.value()));
            return;
        }
        XapiRecord.Entry above = entries.get(entries.size() - 1);
        addEntry(new XapiRecord.Entry(above.kind(), above.path(), Map.of(), Map.of(f.name(), f.value())), out);
    }

    private void endBlock(List<XapiRecord> out) {
        if (!overflowing) {
            out.add(new XapiRecord.Block(new XapiBlock(entries, Optional.ofNullable(resultId))));
        }
        clearBlock();
    }

    private void restart(XapiRecord prompt, List<XapiRecord> out) {
        if (blockOpen()) {
            out.add(new XapiRecord.Garbage("", "unfinished block dropped: the codec restarted its login"));
        }
        clearBlock();
        out.add(prompt);
    }

    private boolean blockOpen() {
        return !entries.isEmpty() || resultId != null || overflowing;
    }

    private void clearBlock() {
        entries.clear();
        resultId = null;
        overflowing = false;
    }
}
