package org.roomctl.sim.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.roomctl.sim.callnet.CallNetwork;
import org.roomctl.sim.runtime.ManualContext;

/** The codec's terminal, alone on the network. */
class XapiCodecTest {
    private static final String URI = "sip:room-a@example.org";

    private final CallNetwork network = new CallNetwork();
    private final ManualContext context = new ManualContext();
    private XapiCodec codec;

    @BeforeEach
    void start() {
        codec = codec(false);
    }

    private XapiCodec codec(boolean loginRequired) {
        if (codec != null) {
            codec.detach();
        }
        XapiCodec c = new XapiCodec("Room A", URI, "admin", "s3cret", loginRequired, network);
        c.attach(context);
        return c;
    }

    private String send(String text, long now) {
        return new String(codec.receive(text.getBytes(StandardCharsets.UTF_8), now), StandardCharsets.UTF_8);
    }

    private String send(String text) {
        return send(text, 0);
    }

    private void echoOff() {
        send("echo off\r");
    }

    private static long seconds(double s) {
        return (long) (s * 1e9);
    }

    @Nested
    class Terminal {
        @Test
        void echoIsOnAtFirstAndEachLineEndsCrlf() {
            assertThat(send("xStatus Call\r")).isEqualTo("xStatus Call\r\n** end\r\nOK\r\n");
        }

        @Test
        void echoOffStopsTheEchoFromTheNextLine() {
            assertThat(send("echo off\r")).isEqualTo("echo off\r\nOK\r\n");
            assertThat(send("xStatus Call\r")).isEqualTo("** end\r\nOK\r\n");
            assertThat(codec.state(0).echo()).isFalse();
        }

        @Test
        void xPreferencesEchoOffAlsoTurnsEchoOff() {
            send("xPreferences Echo Off\r");
            assertThat(send("xStatus Call\r")).isEqualTo("** end\r\nOK\r\n");
        }

        @Test
        void echoOnTurnsItBackOn() {
            echoOff();
            send("echo on\r");
            assertThat(send("xStatus Call\r")).startsWith("xStatus Call\r\n");
        }

        @Test
        void acceptsCrLfAndCrlfLineEndings() {
            echoOff();
            assertThat(send("xStatus Call\n")).isEqualTo("** end\r\nOK\r\n");
            assertThat(send("xStatus Call\r\n")).isEqualTo("** end\r\nOK\r\n");
            assertThat(send("xStatus Call\r")).isEqualTo("** end\r\nOK\r\n");
        }

        @Test
        void aLineSplitAcrossReadsIsOneCommand() {
            echoOff();
            assertThat(send("xSta")).isEmpty();
            assertThat(send("tus Ca")).isEmpty();
            assertThat(send("ll\r\n")).isEqualTo("** end\r\nOK\r\n");
        }

        @Test
        void twoCommandsInOneReadGetTwoReplies() {
            echoOff();
            assertThat(send("xStatus Call\rxStatus Call\r")).isEqualTo("** end\r\nOK\r\n** end\r\nOK\r\n");
        }

        @Test
        void backspaceRubsOutTheLastCharacter() {
            echoOff();
            assertThat(send("xStatus Callx\bl\u007f\r")).isEqualTo("** end\r\nOK\r\n");
        }

        @Test
        void anUnknownCommandIsNotRecognized() {
            echoOff();
            assertThat(send("xFoo Bar\r")).isEqualTo("Command not recognized.\r\nOK\r\n");
            assertThat(send("xCommand Foo\r")).isEqualTo("Command not recognized.\r\nOK\r\n");
        }

        @Test
        void garbageIsAnUnknownCommandAndTheTerminalCarriesOn() {
            echoOff();
            assertThat(send("\u0000\u0013\u00ff\u0011\r")).isEqualTo("Command not recognized.\r\nOK\r\n");
            assertThat(send("xStatus Call\r")).isEqualTo("** end\r\nOK\r\n");
        }

        @Test
        void aResultIdComesBackInTheReply() {
            echoOff();
            assertThat(send("xStatus Call | resultId=\"42\"\r")).isEqualTo("** resultId: \"42\"\r\n** end\r\nOK\r\n");
        }

        @Test
        void okFirstPrintsOkBeforeTheBlock() {
            echoOff();
            codec.faults(new CodecFaults(false, false, true, 30_000, 2_000));
            assertThat(send("xStatus Call\r")).isEqualTo("OK\r\n** end\r\n");
        }

        @Test
        void systemUnitStatusIsThere() {
            echoOff();
            send("xStatus Call\r", 0);
            assertThat(send("xStatus SystemUnit Uptime\r", seconds(12.5)))
                    .isEqualTo("*s SystemUnit Uptime: 12\r\n** end\r\nOK\r\n");
        }

        @Test
        void anUnknownStatusPathIsAnError() {
            echoOff();
            assertThat(send("xStatus Nothing\r"))
                    .isEqualTo("*r Status (status=Error):\r\n*r Status Reason: \"No match on address expression.\"\r\n"
                            + "** end\r\nOK\r\n");
        }

        @Test
        void lastCommandIsRecorded() {
            echoOff();
            send("xStatus Call\r");
            assertThat(codec.state(0).lastCommand()).isEqualTo("xStatus Call");
        }
    }

    @Nested
    class Login {
        @BeforeEach
        void loginRequired() {
            codec = codec(true);
        }

        @Test
        void powerUpPromptsForALogin() {
            assertThat(new String(codec.powerCycle(0), StandardCharsets.UTF_8)).isEqualTo("\r\nlogin: ");
        }

        @Test
        void theRightPasswordGivesTheBanner() {
            assertThat(send("admin\r")).isEqualTo("admin\r\nPassword: ");
            // the password is not echoed
            String banner = send("s3cret\r");
            assertThat(banner)
                    .startsWith("\r\nWelcome to Room A\r\n")
                    .contains("*r Login successful")
                    .endsWith("OK\r\n\r\n");
            assertThat(banner).doesNotContain("s3cret");
            assertThat(codec.state(0).loggedIn()).isTrue();
        }

        @Test
        void aWrongPasswordGivesLoginIncorrectAndAskAgain() {
            send("admin\r");
            assertThat(send("wrong\r")).isEqualTo("\r\nLogin incorrect\r\n\r\nlogin: ");
            assertThat(codec.state(0).loggedIn()).isFalse();
        }

        @Test
        void commandsBeforeLoginAreTakenAsTheLoginName() {
            assertThat(send("xStatus Call\r")).isEqualTo("xStatus Call\r\nPassword: ");
            assertThat(send("s3cret\r")).contains("Login incorrect");
        }

        @Test
        void anEmptyLineRepeatsThePrompt() {
            assertThat(send("\r")).isEqualTo("\r\nlogin: ");
        }

        @Test
        void requiringALoginAtRunTimeLogsTheSessionOut() {
            codec = codec(false);
            codec.faults(new CodecFaults(true, true, false, 30_000, 2_000));
            context.runPosted(0);
            assertThat(context.takeOutput()).isEqualTo("\r\nlogin: ");
            assertThat(codec.state(0).loggedIn()).isFalse();
        }

        @Test
        void byeLogsOut() {
            send("admin\r");
            send("s3cret\r");
            assertThat(send("bye\r")).isEqualTo("bye\r\nlogin: ");
            assertThat(codec.state(0).loggedIn()).isFalse();
        }
    }

    @Nested
    class Dialling {
        @BeforeEach
        void quiet() {
            echoOff();
        }

        @Test
        void dialReturnsTheCallAndConferenceIds() {
            network.register("sip:room-b@example.org", signal -> {});
            assertThat(send("xCommand Dial Number: \"sip:room-b@example.org\"\r"))
                    .isEqualTo("*r DialResult (status=OK):\r\n*r DialResult CallId: 1\r\n"
                            + "*r DialResult ConferenceId: 1\r\n** end\r\nOK\r\n");
            assertThat(codec.state(0).callStatus()).isEqualTo("Dialling");
            assertThat(codec.state(0).peer()).isEqualTo("room-b@example.org");
        }

        @Test
        void anInvalidNumberIsAnError() {
            assertThat(send("xCommand Dial Number: \"not a uri\"\r"))
                    .isEqualTo("*r DialResult (status=Error):\r\n*r DialResult Reason: \"Invalid number\"\r\n"
                            + "** end\r\nOK\r\n");
        }

        @Test
        void aMissingNumberIsAnError() {
            assertThat(send("xCommand Dial\r")).contains("*r DialResult (status=Error):");
        }

        @Test
        void aSecondDialWhileInACallIsAnError() {
            send("xCommand Dial Number: nobody@example.org\r");
            assertThat(send("xCommand Dial Number: nobody@example.org\r"))
                    .contains("*r DialResult (status=Error):", "Max active calls reached");
        }

        @Test
        void statusShowsTheCall() {
            send("xCommand Dial Number: \"sip:nobody@example.org\"\r");
            assertThat(send("xStatus Call\r", seconds(0.1)))
                    .isEqualTo("*s Call 1 Status: Dialling\r\n*s Call 1 Direction: Outgoing\r\n"
                            + "*s Call 1 RemoteNumber: \"nobody@example.org\"\r\n"
                            + "*s Call 1 CallbackNumber: \"sip:nobody@example.org\"\r\n"
                            + "*s Call 1 Duration: 0\r\n** end\r\nOK\r\n");
        }

        @Test
        void anUnknownAddressFailsAfterAWhileWithUnknownRemoteSite() {
            send("xFeedback Register /Status/Call\r");
            String dialled = send("xCommand Dial Number: \"sip:nobody@example.org\"\r");
            // reply first, then the pushed status
            assertThat(dialled)
                    .startsWith("*r DialResult (status=OK):")
                    .contains("** end\r\nOK\r\n*s Call 1 Status: Dialling");
            long fails = codec.nextDeadline().orElseThrow();
            assertThat(fails).isEqualTo(seconds(2));
            assertThat(new String(codec.advance(fails - 1), StandardCharsets.UTF_8))
                    .isEmpty();
            assertThat(new String(codec.advance(fails), StandardCharsets.UTF_8))
                    .contains("*s Call 1 Status: Disconnecting")
                    .contains("*e CallDisconnect CallId: 1 CauseValue: 1 CauseType: UnknownRemoteSite\r\n** end\r\n")
                    .endsWith("*s Call 1 (ghost=True):\r\n** end\r\n");
            assertThat(codec.state(fails).calls()).isEmpty();
        }

        @Test
        void withoutFeedbackNothingIsPushed() {
            send("xCommand Dial Number: nobody@example.org\r");
            assertThat(codec.advance(seconds(3))).isEmpty();
        }

        @Test
        void disconnectWithoutACallIsAnError() {
            assertThat(send("xCommand Call Disconnect\r")).contains("*r CallDisconnectResult (status=Error):");
        }

        @Test
        void disconnectEndsTheCall() {
            send("xFeedback Register /Status/Call\r");
            send("xCommand Dial Number: nobody@example.org\r");
            assertThat(send("xCommand Call Disconnect CallId: 1\r"))
                    .startsWith("*r CallDisconnectResult (status=OK):\r\n** end\r\nOK\r\n")
                    .contains("*e CallDisconnect CallId: 1 CauseValue: 0 CauseType: LocalDisconnect");
            assertThat(codec.state(0).calls()).isEmpty();
        }

        @Test
        void acceptWithoutAnIncomingCallIsAnError() {
            assertThat(send("xCommand Call Accept\r")).contains("*r CallAcceptResult (status=Error):");
        }
    }

    @Nested
    class Configuration {
        @BeforeEach
        void quiet() {
            echoOff();
        }

        @Test
        void autoAnswerCanBeSetAndRead() {
            assertThat(send("xConfiguration Conference AutoAnswer Mode: On\r")).isEqualTo("** end\r\nOK\r\n");
            assertThat(codec.state(0).autoAnswer()).isTrue();
            assertThat(send("xConfiguration Conference AutoAnswer Mode\r"))
                    .isEqualTo("*c xConfiguration Conference AutoAnswer Mode: On\r\n** end\r\nOK\r\n");
        }

        @Test
        void anInvalidAutoAnswerValueIsAnError() {
            assertThat(send("xConfiguration Conference AutoAnswer Mode: Maybe\r"))
                    .contains("(status=Error)");
            assertThat(codec.state(0).autoAnswer()).isFalse();
        }

        @Test
        void feedbackRegistrationsAreListedAndCanBeRemoved() {
            send("xFeedback Register /Status/Call\r");
            assertThat(codec.state(0).feedback()).containsExactly("/status/call");
            assertThat(send("xFeedback List\r")).isEqualTo("*f /status/call\r\n** end\r\nOK\r\n");
            send("xFeedback Deregister /Status/Call\r");
            assertThat(codec.state(0).feedback()).isEmpty();
        }
    }

    @Test
    void aPowerCycleEndsCallsTurnsEchoOnAndForgetsFeedback() {
        echoOff();
        send("xFeedback Register /Status/Call\r");
        send("xCommand Dial Number: nobody@example.org\r");
        assertThat(codec.powerCycle(seconds(1))).isEmpty();
        CodecState state = codec.state(seconds(1));
        assertThat(state.calls()).isEmpty();
        assertThat(state.echo()).isTrue();
        assertThat(state.feedback()).isEmpty();
    }
}
