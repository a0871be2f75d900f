package org.roomctl.agent.wolfprot;

import java.util.Arrays;
import java.util.HexFormat;

/** One WolfProt frame: a request or reply ({@link Message}) or an error reply ({@link ErrorReply}). */
public sealed interface WolfProtFrame {

    /** GET or SET. */
    WolfProtAccess access();

    /** The command, one byte (or two with the long-command header bit). */
    int command();

    /**
     * A request, or the reply to one: a GET reply carries the value, a SET reply carries nothing.
     *
     * @param data the bytes after the length
     */
    record Message(WolfProtAccess access, int command, byte[] data) implements WolfProtFrame {
        public Message {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof Message m && m.access == access && m.command == command && Arrays.equals(m.data, data);
        }

        @Override
        public int hashCode() {
            return (access.hashCode() * 31 + command) * 31 + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "Message[" + access + " " + String.format("%02X", command) + " data="
                    + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(data) + "]";
        }
    }

    /**
     * The device refused a request: {@code 80|header, command, error number}.
     *
     * @param number the error number as sent (kept for numbers {@link WolfProtError} does not know)
     */
    record ErrorReply(WolfProtAccess access, int command, int number) implements WolfProtFrame {
        /** The error the number names. */
        public WolfProtError error() {
            return WolfProtError.of(number);
        }

        /** For messages: "invalid parameter (error 3)". */
        public String describe() {
            WolfProtError error = error();
            return (error == WolfProtError.UNKNOWN ? "unknown error" : error.description())
                    + String.format(" (error %X)", number);
        }
    }
}
