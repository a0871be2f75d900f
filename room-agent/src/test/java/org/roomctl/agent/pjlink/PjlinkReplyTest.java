package org.roomctl.agent.pjlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import java.util.OptionalInt;
import org.junit.jupiter.api.Test;

class PjlinkReplyTest {

    private static PjlinkReply.Response response(String line) {
        PjlinkReply r = PjlinkReply.parse(line);
        assertThat(r).isInstanceOf(PjlinkReply.Response.class);
        return (PjlinkReply.Response) r;
    }

    private static String garbage(String line) {
        PjlinkReply r = PjlinkReply.parse(line);
        assertThat(r).isInstanceOf(PjlinkReply.Garbage.class);
        return ((PjlinkReply.Garbage) r).why();
    }

    @Test
    void greetingWithoutAuthentication() {
        assertThat(PjlinkReply.parse("PJLINK 0")).isEqualTo(new PjlinkReply.Greeting(Optional.empty()));
    }

    @Test
    void greetingWithAuthenticationCarriesTheRandom() {
        // "PJLINK", "1" = authentication on, 8 hex digits to digest with the password
        assertThat(PjlinkReply.parse("PJLINK 1 498e4a67")).isEqualTo(new PjlinkReply.Greeting(Optional.of("498e4a67")));
    }

    @Test
    void wrongPassword() {
        assertThat(PjlinkReply.parse("PJLINK ERRA")).isEqualTo(new PjlinkReply.AuthError());
    }

    @Test
    void authErrorInAResponseIsAnAuthErrorToo() {
        assertThat(PjlinkReply.parse("%1POWR=ERRA")).isEqualTo(new PjlinkReply.AuthError());
    }

    @Test
    void okReply() {
        PjlinkReply.Response r = response("%1POWR=OK"); // %, class 1, command, =, OK
        assertThat(r.pjlinkClass()).isEqualTo('1');
        assertThat(r.command()).isEqualTo("POWR");
        assertThat(r.ok()).isTrue();
        assertThat(r.error()).isEmpty();
    }

    @Test
    void valueReply() {
        assertThat(response("%1INPT=31").body()).isEqualTo("31");
    }

    @Test
    void valueWithSpaces() {
        assertThat(response("%1NAME=Projector Left").body()).isEqualTo("Projector Left");
    }

    @Test
    void emptyValue() {
        assertThat(response("%1NAME=").body()).isEmpty();
    }

    @Test
    void err1UnknownCommand() {
        assertThat(response("%1XXXX=ERR1").error()).isEqualTo(OptionalInt.of(1));
    }

    @Test
    void err2BadParameter() {
        assertThat(response("%1INPT=ERR2").error()).isEqualTo(OptionalInt.of(2));
    }

    @Test
    void err3UnavailableNow() {
        assertThat(response("%1INPT=ERR3").error()).isEqualTo(OptionalInt.of(3));
    }

    @Test
    void err4DeviceFailure() {
        assertThat(response("%1POWR=ERR4").error()).isEqualTo(OptionalInt.of(4));
    }

    @Test
    void lowerCaseCommandIsReadAsUpperCase() {
        assertThat(response("%1powr=1").command()).isEqualTo("POWR");
    }

    @Test
    void notPjlinkAtAll() {
        assertThat(garbage("hello")).contains("does not start with '%'");
    }

    @Test
    void tooShortReply() {
        assertThat(garbage("%1PO")).contains("too short");
    }

    @Test
    void replyWithoutEquals() {
        assertThat(garbage("%1POWR 1")).contains("no '='");
    }

    @Test
    void authenticationGreetingWithoutRandom() {
        assertThat(garbage("PJLINK 1")).contains("without its random");
    }

    @Test
    void authenticationRandomThatIsNotEightHexDigits() {
        assertThat(garbage("PJLINK 1 zz12")).contains("not 8 hex digits");
    }

    @Test
    void unknownGreeting() {
        assertThat(garbage("PJLINK 7")).contains("neither");
    }
}
