package org.roomctl.agent.wolfprot;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.roomctl.agent.visca.Bytes.bytes;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.roomctl.agent.wolfprot.WolfProtFrame.ErrorReply;
import org.roomctl.agent.wolfprot.WolfProtFrame.Message;

class WolfProtDecoderTest {

    @Test
    void aGetReply() throws Exception {
        assertThat(WolfProtDecoder.decode(bytes(
                        0x00, // GET
                        0x30, // power
                        0x01, // one data byte
                        0x01))) // on
                .isEqualTo(new Message(WolfProtAccess.GET, 0x30, bytes(0x01)));
    }

    @Test
    void aSetReply() throws Exception {
        assertThat(WolfProtDecoder.decode(bytes(
                        0x01, // SET
                        0x30, // power
                        0x00))) // no data
                .isEqualTo(new Message(WolfProtAccess.SET, 0x30, new byte[0]));
    }

    @ParameterizedTest
    @EnumSource(value = WolfProtError.class, mode = EnumSource.Mode.EXCLUDE, names = "UNKNOWN")
    void everyErrorHasItsName(WolfProtError error) throws Exception {
        WolfProtFrame frame = WolfProtDecoder.decode(bytes(
                0x81, // error reply to a SET
                0x30, // power
                error.number())); // the error

        assertThat(frame).isEqualTo(new ErrorReply(WolfProtAccess.SET, 0x30, error.number()));
        assertThat(((ErrorReply) frame).error()).isEqualTo(error);
        assertThat(((ErrorReply) frame).describe()).startsWith(error.description());
    }

    @Test
    void theErrorsAreNamedAsTheManualNamesThem() {
        assertThat(WolfProtError.of(0x01).description()).isEqualTo("timeout");
        assertThat(WolfProtError.of(0x02).description()).isEqualTo("invalid command");
        assertThat(WolfProtError.of(0x03).description()).isEqualTo("invalid parameter");
        assertThat(WolfProtError.of(0x04).description()).isEqualTo("invalid length");
        assertThat(WolfProtError.of(0x05).description()).isEqualTo("buffer full");
        assertThat(WolfProtError.of(0x07).description()).isEqualTo("access denied");
        assertThat(WolfProtError.of(0x09).description()).isEqualTo("busy");
        assertThat(WolfProtError.of(0x0B).description()).isEqualTo("powered off");
    }

    @Test
    void anErrorReplyToAGet() throws Exception {
        assertThat(WolfProtDecoder.decode(bytes(
                        0x80, // error reply to a GET
                        0x11, // an unknown command
                        0x02))) // invalid command
                .isEqualTo(new ErrorReply(WolfProtAccess.GET, 0x11, 0x02));
    }

    @Test
    void anUnknownErrorNumberIsKept() throws Exception {
        ErrorReply reply = (ErrorReply) WolfProtDecoder.decode(bytes(0x81, 0x30, 0x06));

        assertThat(reply.error()).isEqualTo(WolfProtError.UNKNOWN);
        assertThat(reply.describe()).isEqualTo("unknown error (error 6)");
    }

    @Test
    void aTwoByteCommandAndATwoByteLength() throws Exception {
        assertThat(WolfProtDecoder.decode(bytes(
                        0x0C, // GET reply, two-byte command, two-byte length
                        0x12, 0x34, // command 1234
                        0x00, 0x01, // one data byte
                        0x07)))
                .isEqualTo(new Message(WolfProtAccess.GET, 0x1234, bytes(0x07)));
    }

    // ---- malformed ----

    @Test
    void anEmptyFrame() {
        assertRefused(new byte[0], "empty frame");
    }

    @Test
    void aHeaderWithBitsWolfProtDoesNotUse() {
        assertRefused(bytes(0x40, 0x30, 0x00), "header 40 sets bits WolfProt frames do not use");
    }

    @Test
    void anErrorReplyWithALength() {
        assertRefused(
                bytes(0x81, 0x30, 0x01, 0x03),
                "error reply must be 3 bytes (header, command, error number), got 4: 81 30 01 03");
    }

    @Test
    void aLengthThatDisagreesWithTheData() {
        assertRefused(bytes(0x00, 0x30, 0x02, 0x01), "length byte says 2 data bytes, but 1 follow: 00 30 02 01");
    }

    @Test
    void aFrameShorterThanItsHeader() {
        assertRefused(bytes(0x00, 0x30), "frame of 2 bytes is shorter than its 3-byte header");
    }

    // ---- encoding ----

    @Test
    void encodesASet() {
        assertThat(WolfProtDecoder.encode(new Message(WolfProtAccess.SET, 0x30, bytes(0x01))))
                .isEqualTo(bytes(
                        0x01, // SET
                        0x30, // power
                        0x01, // one data byte
                        0x01)); // on
    }

    @Test
    void encodesATwoByteCommand() {
        assertThat(WolfProtDecoder.encode(new Message(WolfProtAccess.SET, 0x1234, bytes(0x05))))
                .isEqualTo(bytes(
                        0x09, // SET, two-byte command
                        0x12, 0x34, // command 1234
                        0x01, // one data byte
                        0x05));
    }

    @Test
    void refusesMoreDataThanOneFrameCarries() {
        assertThatThrownBy(() -> WolfProtDecoder.encode(new Message(WolfProtAccess.SET, 0x30, new byte[256])))
                .hasMessage("256 data bytes; one frame carries at most 255");
    }

    private static void assertRefused(byte[] frame, String message) {
        assertThatThrownBy(() -> WolfProtDecoder.decode(frame))
                .isInstanceOf(WolfProtFormatException.class)
                .hasMessageContaining(message);
    }
}
