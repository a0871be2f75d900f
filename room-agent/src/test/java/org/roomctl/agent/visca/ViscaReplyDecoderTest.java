package org.roomctl.agent.visca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.roomctl.agent.visca.Bytes.bytes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.roomctl.agent.visca.ViscaReply.Ack;
import org.roomctl.agent.visca.ViscaReply.AddressSet;
import org.roomctl.agent.visca.ViscaReply.Completion;
import org.roomctl.agent.visca.ViscaReply.ErrorReply;
import org.roomctl.agent.visca.ViscaReply.IfClearEcho;
import org.roomctl.agent.visca.ViscaReply.InquiryData;
import org.roomctl.agent.visca.ViscaReply.NetworkChange;

class ViscaReplyDecoderTest {

    // ---- every reply kind ----

    @Test
    void ack() throws Exception {
        assertThat(ViscaReplyDecoder.decode(bytes(
                        0x90, // from camera 1
                        0x42, // ACK, socket 2
                        0xFF)))
                .isEqualTo(new Ack(1, 2));
    }

    @Test
    void completion() throws Exception {
        assertThat(ViscaReplyDecoder.decode(bytes(
                        0x90, // from camera 1
                        0x51, // completion, socket 1
                        0xFF)))
                .isEqualTo(new Completion(1, 1));
    }

    @Test
    void completionOnSocketZeroIsTheAnswerToAnAddressedIfClear() throws Exception {
        assertThat(ViscaReplyDecoder.decode(bytes(
                        0x90, // from camera 1
                        0x50, // completion, socket 0, no data
                        0xFF)))
                .isEqualTo(new Completion(1, 0));
    }

    @Test
    void inquiryAnswer() throws Exception {
        assertThat(ViscaReplyDecoder.decode(bytes(
                        0x90, // from camera 1
                        0x50, // inquiry answer
                        0x02, // data: power on
                        0xFF)))
                .isEqualTo(new InquiryData(1, bytes(0x02)));
    }

    @ParameterizedTest
    @EnumSource(ViscaError.class)
    void everyErrorKind(ViscaError error) throws Exception {
        assertThat(ViscaReplyDecoder.decode(bytes(
                        0x90, // from camera 1
                        0x61, // error, socket 1
                        error.code(), // which error
                        0xFF)))
                .isEqualTo(new ErrorReply(1, 1, error));
    }

    @Test
    void bufferFullComesOnSocketZero() throws Exception {
        assertThat(ViscaReplyDecoder.decode(bytes(
                        0x90, // from camera 1
                        0x60, // error, socket 0
                        0x03, // command buffer full
                        0xFF)))
                .isEqualTo(new ErrorReply(1, 0, ViscaError.BUFFER_FULL));
    }

    @Test
    void networkChange() throws Exception {
        assertThat(ViscaReplyDecoder.decode(bytes(
                        0x90, // from camera 1
                        0x38, // network change
                        0xFF)))
                .isEqualTo(new NetworkChange(1));
    }

    @Test
    void addressSetReply() throws Exception {
        ViscaReply reply = ViscaReplyDecoder.decode(bytes(
                0x88, // broadcast
                0x30, // address set
                0x03, // the next camera would be 3: two cameras
                0xFF));

        assertThat(reply).isEqualTo(new AddressSet(3));
        assertThat(((AddressSet) reply).cameras()).isEqualTo(2);
        assertThat(reply.camera()).isZero();
    }

    @Test
    void ifClearEcho() throws Exception {
        assertThat(ViscaReplyDecoder.decode(bytes(
                        0x88, // broadcast
                        0x01, 0x00, 0x01, // IF_Clear
                        0xFF)))
                .isEqualTo(new IfClearEcho());
    }

    @Test
    void theSenderIsTheHeadersHighNibbleLessEight() throws Exception {
        assertThat(ViscaReplyDecoder.decode(bytes(
                        0xF0, // from camera 7: (7 + 8) << 4
                        0x41, // ACK, socket 1
                        0xFF)))
                .isEqualTo(new Ack(7, 1));
    }

    // ---- malformed input ----

    @Test
    void anAckWithExtraBytes() {
        assertRefused(bytes(0x90, 0x41, 0x00, 0xFF), "ACK (y0 4z FF) must be 3 bytes, got 4: 90 41 00 FF");
    }

    @Test
    void anAckForSocketZero() {
        assertRefused(bytes(0x90, 0x40, 0xFF), "ACK names socket 0");
    }

    @Test
    void anUnknownErrorCode() {
        assertRefused(bytes(0x90, 0x61, 0x42, 0xFF), "unknown error code 42: 90 61 42 FF");
    }

    @Test
    void anErrorWithoutItsCode() {
        assertRefused(bytes(0x90, 0x61, 0xFF), "error reply (y0 6z ee FF) must be 4 bytes, got 3");
    }

    @Test
    void aCompletionOfACommandSocketWithData() {
        assertRefused(bytes(0x90, 0x51, 0x02, 0xFF), "completion of socket 1 carries data");
    }

    @Test
    void anUnknownReplyType() {
        assertRefused(bytes(0x90, 0x70, 0xFF), "unknown reply type 70 after header 90");
    }

    @Test
    void aControllersCommand() {
        assertRefused(bytes(0x81, 0x09, 0x04, 0x00, 0xFF), "header 81 is a controller's command");
    }

    @Test
    void aHeaderWithoutItsHighBit() {
        assertRefused(bytes(0x10, 0x41, 0xFF), "header 10 has bit 7 clear");
    }

    @Test
    void noTerminator() {
        assertRefused(bytes(0x90, 0x41, 0x41), "does not end with the terminator FF");
    }

    @Test
    void aTerminatorInside() {
        assertRefused(bytes(0x90, 0xFF, 0x41, 0xFF), "terminator FF inside the packet at byte 1");
    }

    @Test
    void tooShortAndTooLong() {
        assertRefused(bytes(0x90, 0xFF), "shorter than the 3-byte minimum");
        assertRefused(new byte[17], "longer than the 16-byte maximum");
    }

    @Test
    void anAddressSetReplyOutsideTheChain() {
        assertRefused(bytes(0x88, 0x30, 0x09, 0xFF), "names address 09, outside 01..08");
    }

    @Test
    void anUnknownBroadcast() {
        assertRefused(bytes(0x88, 0x01, 0x02, 0xFF), "unknown broadcast: 88 01 02 FF");
    }

    private static void assertRefused(byte[] packet, String message) {
        assertThatThrownBy(() -> ViscaReplyDecoder.decode(packet))
                .isInstanceOf(ViscaFormatException.class)
                .hasMessageContaining(message);
    }
}
