package org.roomctl.admin.buslog;

import java.time.Instant;

/**
 * A recorded bus message.
 *
 * @param id its number in the record (grows with time)
 * @param receivedAt when the recorder received it
 * @param topic its topic
 * @param room the room its topic names (null if none)
 * @param text its payload as text (null if it is not UTF-8 text)
 * @param size its payload's size in bytes
 * @param qos its QoS
 * @param retained whether it was retained
 */
public record BusRow(
        long id, Instant receivedAt, String topic, String room, String text, int size, int qos, boolean retained) {
    /** The payload for a table cell: the text, cut short, or its size. */
    public String preview() {
        if (text == null) {
            return "(" + size + " bytes, binary)";
        }
        return text.length() > 300 ? text.substring(0, 300) + "…" : text;
    }
}
