package org.roomctl.agent.visca;

import java.util.Arrays;
import java.util.HexFormat;

/** What a camera, or the daisy chain, sends back. Decoded by {@link ViscaReplyDecoder}. */
public sealed interface ViscaReply {

    /** The camera address (1..7) this came from; 0 for a broadcast that travelled the chain. */
    int camera();

    /** {@code y0 4z FF}: the command was accepted and runs on socket {@code z} (1 or 2). */
    record Ack(int camera, int socket) implements ViscaReply {}

    /**
     * {@code y0 5z FF}: the command on socket {@code z} has finished. Socket 0 is the answer of an
     * inquiry or an addressed IF_Clear that carries no data.
     */
    record Completion(int camera, int socket) implements ViscaReply {}

    /** {@code y0 50 data FF}: the answer to an inquiry; {@code data} is between {@code 50} and {@code FF}. */
    record InquiryData(int camera, byte[] data) implements ViscaReply {
        public InquiryData {
            data = data.clone();
        }

        @Override
        public byte[] data() {
            return data.clone();
        }

        @Override
        public boolean equals(Object o) {
            return o instanceof InquiryData d && d.camera == camera && Arrays.equals(d.data, data);
        }

        @Override
        public int hashCode() {
            return 31 * camera + Arrays.hashCode(data);
        }

        @Override
        public String toString() {
            return "InquiryData[camera=" + camera + ", data="
                    + HexFormat.ofDelimiter(" ").withUpperCase().formatHex(data) + "]";
        }
    }

    /** {@code y0 6z ee FF}: the command on socket {@code z} (0 when it never got one) failed. */
    record ErrorReply(int camera, int socket, ViscaError error) implements ViscaReply {}

    /** {@code y0 38 FF}: the camera was powered up or re-cabled; addresses must be set again. */
    record NetworkChange(int camera) implements ViscaReply {}

    /**
     * {@code 88 30 0n FF}: the address-set broadcast came back round the chain; {@code n} is the
     * address the next camera would have taken, so there are {@code n - 1} cameras.
     */
    record AddressSet(int nextAddress) implements ViscaReply {
        @Override
        public int camera() {
            return 0;
        }

        /** How many cameras took an address. */
        public int cameras() {
            return nextAddress - 1;
        }
    }

    /** {@code 88 01 00 01 FF}: the IF_Clear broadcast came back round the chain. */
    record IfClearEcho() implements ViscaReply {
        @Override
        public int camera() {
            return 0;
        }
    }
}
