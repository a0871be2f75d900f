package org.roomctl.sim.pjlink;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Random;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PjlinkSessionTest {
    private final PjlinkDisplay display = new PjlinkDisplay("Harbour display");

    private static String send(PjlinkSession session, String text, long now) {
        return session.receive(text.getBytes(StandardCharsets.US_ASCII), now);
    }

    private static long ms(long millis) {
        return millis * 1_000_000;
    }

    @Nested
    class WithoutPassword {
        private final PjlinkSession session = new PjlinkSession(display, null, new Random(1));

        private String send(String text) {
            return PjlinkSessionTest.send(session, text, 0);
        }

        private String send(String text, long now) {
            return PjlinkSessionTest.send(session, text, now);
        }

        @Test
        void greetsWithPjlink0() {
            assertThat(session.greeting()).isEqualTo("PJLINK 0\r");
        }

        @Test
        void powerQueryAnswersStandbyAtFirst() {
            // %1 = class 1, POWR, space, ? = query -> 0 = standby
            assertThat(send("%1POWR ?\r")).isEqualTo("%1POWR=0\r");
        }

        @Test
        void powerOnWarmsUpThenIsOn() {
            assertThat(send("%1POWR 1\r", 0)).isEqualTo("%1POWR=OK\r");
            // 3 = warming up, for the warm-up time (2 s by default)
            assertThat(send("%1POWR ?\r", ms(1000))).isEqualTo("%1POWR=3\r");
            assertThat(send("%1POWR ?\r", ms(2000))).isEqualTo("%1POWR=1\r");
        }

        @Test
        void powerOffCoolsDownThenIsInStandby() {
            display.faults(new DisplayFaults(0, 1000, false, 30_000, false, "000000"));
            send("%1POWR 1\r");
            assertThat(send("%1POWR 0\r", 0)).isEqualTo("%1POWR=OK\r");
            // 2 = cooling down
            assertThat(send("%1POWR ?\r", ms(500))).isEqualTo("%1POWR=2\r");
            assertThat(send("%1POWR ?\r", ms(1000))).isEqualTo("%1POWR=0\r");
        }

        @Test
        void commandsDuringWarmUpAreUnavailable() {
            send("%1POWR 1\r", 0);
            assertThat(send("%1INPT 31\r", ms(100))).isEqualTo("%1INPT=ERR3\r");
            assertThat(send("%1AVMT 31\r", ms(100))).isEqualTo("%1AVMT=ERR3\r");
            assertThat(send("%1POWR 0\r", ms(100))).isEqualTo("%1POWR=ERR3\r");
        }

        @Test
        void inputAndMuteAreUnavailableInStandby() {
            assertThat(send("%1INPT ?\r")).isEqualTo("%1INPT=ERR3\r");
            assertThat(send("%1AVMT 30\r")).isEqualTo("%1AVMT=ERR3\r");
        }

        @Test
        void aBadPowerParameterIsErr2() {
            assertThat(send("%1POWR 7\r")).isEqualTo("%1POWR=ERR2\r");
        }

        @Test
        void anUnknownCommandIsErr1() {
            assertThat(send("%1ABCD ?\r")).isEqualTo("%1ABCD=ERR1\r");
        }

        @Test
        void aClass2CommandIsUnknownToAClass1Display() {
            assertThat(send("%2POWR ?\r")).isEqualTo("%2POWR=ERR1\r");
        }

        @Test
        void aMissingSeparatorIsErr2() {
            assertThat(send("%1POWR?\r")).isEqualTo("%1POWR=ERR2\r");
        }

        @Test
        void identityQueries() {
            assertThat(send("%1NAME ?\r")).isEqualTo("%1NAME=Harbour display\r");
            assertThat(send("%1INF1 ?\r")).isEqualTo("%1INF1=ROOMCTL\r");
            assertThat(send("%1INF2 ?\r")).isEqualTo("%1INF2=SimDisplay 1\r");
            assertThat(send("%1INFO ?\r")).isEqualTo("%1INFO=roomctl simulated display\r");
            assertThat(send("%1CLSS ?\r")).isEqualTo("%1CLSS=1\r");
            assertThat(send("%1INST ?\r")).isEqualTo("%1INST=11 21 31 32 33 51\r");
        }

        @Test
        void errorStatusIsSixDigits() {
            assertThat(send("%1ERST ?\r")).isEqualTo("%1ERST=000000\r");
        }

        @Test
        void lampReportsHoursAndWhetherItIsLit() {
            assertThat(send("%1LAMP ?\r")).isEqualTo("%1LAMP=1234 0\r");
            send("%1POWR 1\r");
            assertThat(send("%1LAMP ?\r")).isEqualTo("%1LAMP=1234 1\r");
        }

        @Test
        void queryOnlyCommandsRefuseAValue() {
            assertThat(send("%1ERST 1\r")).isEqualTo("%1ERST=ERR2\r");
            assertThat(send("%1CLSS 1\r")).isEqualTo("%1CLSS=ERR2\r");
        }

        @Test
        void acceptsLfAsWellAsCrAndSeveralRequestsInOneRead() {
            assertThat(send("%1POWR ?\n%1CLSS ?\r")).isEqualTo("%1POWR=0\r%1CLSS=1\r");
        }

        @Test
        void aRequestSplitAcrossReadsIsAnsweredOnce() {
            assertThat(send("%1PO")).isEmpty();
            assertThat(send("WR ?")).isEmpty();
            assertThat(send("\r")).isEqualTo("%1POWR=0\r");
        }

        @Test
        void garbageIsIgnoredAndTheNextRequestAnswered() {
            assertThat(send("\u0000\u00ff\u0013xyz\r%1CLSS ?\r")).isEqualTo("%1CLSS=1\r");
        }

        @Test
        void anOverlongLineIsDropped() {
            assertThat(send("%1NAME " + "x".repeat(500) + "\r%1CLSS ?\r")).isEqualTo("%1CLSS=1\r");
        }

        @Test
        void deviceFailureAnswersErr4AndShowsInTheErrorStatus() {
            display.faults(new DisplayFaults(0, 0, true, 30_000, false, "000000"));
            assertThat(send("%1POWR 1\r")).isEqualTo("%1POWR=ERR4\r");
            assertThat(send("%1POWR ?\r")).isEqualTo("%1POWR=ERR4\r");
            assertThat(send("%1ERST ?\r")).isEqualTo("%1ERST=000002\r");
        }
    }

    @Nested
    class Inputs {
        private final PjlinkSession session = new PjlinkSession(display, null, new Random(1));

        private String send(String text) {
            return PjlinkSessionTest.send(session, text, 0);
        }

        {
            display.faults(new DisplayFaults(0, 0, false, 30_000, false, "000000"));
            send("%1POWR 1\r");
        }

        @ParameterizedTest
        @CsvSource({"11", "21", "31", "32", "33", "51"})
        void selectsAnInputItHas(String input) {
            assertThat(send("%1INPT " + input + "\r")).isEqualTo("%1INPT=OK\r");
            assertThat(send("%1INPT ?\r")).isEqualTo("%1INPT=" + input + "\r");
        }

        @ParameterizedTest
        @CsvSource({"12", "41", "59", "61", "3", "abc"})
        void refusesAnInputItLacksWithErr2(String input) {
            assertThat(send("%1INPT " + input + "\r")).isEqualTo("%1INPT=ERR2\r");
        }

        @ParameterizedTest
        @CsvSource({
            // set, then what AVMT ? reports
            "31, 31",
            "30, 30",
            "11, 11",
            "21, 21",
        })
        void muteSettingsAreReported(String set, String reported) {
            assertThat(send("%1AVMT " + set + "\r")).isEqualTo("%1AVMT=OK\r");
            assertThat(send("%1AVMT ?\r")).isEqualTo("%1AVMT=" + reported + "\r");
        }

        @Test
        void videoAndAudioMuteCombine() {
            send("%1AVMT 11\r");
            send("%1AVMT 21\r");
            assertThat(send("%1AVMT ?\r")).isEqualTo("%1AVMT=31\r");
            send("%1AVMT 10\r");
            assertThat(send("%1AVMT ?\r")).isEqualTo("%1AVMT=21\r");
            send("%1AVMT 20\r");
            assertThat(send("%1AVMT ?\r")).isEqualTo("%1AVMT=30\r");
        }

        @Test
        void anUnknownMuteCodeIsErr2() {
            assertThat(send("%1AVMT 40\r")).isEqualTo("%1AVMT=ERR2\r");
        }
    }

    @Nested
    class WithPassword {
        private final PjlinkSession session = new PjlinkSession(display, "JBMIAProjectorLink", new Random(7));

        private String challenge() {
            // PJLINK 1 <8 hex digits>
            String greeting = session.greeting();
            assertThat(greeting).matches("PJLINK 1 [0-9a-f]{8}\r");
            return greeting.substring(9, 17);
        }

        @Test
        void aCommandWithTheRightDigestIsAnswered() {
            String digest = PjlinkSession.md5Hex(challenge() + "JBMIAProjectorLink");
            assertThat(send(session, digest + "%1POWR ?\r", 0)).isEqualTo("%1POWR=0\r");
            // later commands are taken with or without the digest
            assertThat(send(session, "%1CLSS ?\r", 0)).isEqualTo("%1CLSS=1\r");
            assertThat(send(session, digest + "%1CLSS ?\r", 0)).isEqualTo("%1CLSS=1\r");
        }

        @Test
        void aWrongDigestIsRefusedAndTheConnectionCloses() {
            challenge();
            assertThat(send(session, "0".repeat(32) + "%1POWR ?\r", 0)).isEqualTo("PJLINK ERRA\r");
            assertThat(session.closing()).isTrue();
        }

        @Test
        void aFirstCommandWithoutDigestIsRefused() {
            assertThat(send(session, "%1POWR ?\r", 0)).isEqualTo("PJLINK ERRA\r");
        }

        @Test
        void theDigestIsTheKnownMd5OfChallengeAndPassword() {
            // the worked example of the PJLink specification
            assertThat(PjlinkSession.md5Hex("498e4a67JBMIAProjectorLink"))
                    .isEqualTo("5d8409bc1c3fa39749434aa3a5c38682");
        }
    }
}
