package org.roomctl.agent.xapi;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.Test;
import org.roomctl.agent.device.DeviceException;
import org.roomctl.contract.ErrorCode;

class XapiRequestsTest {
    private final XapiRequests requests = new XapiRequests();
    private final XapiDecoder decoder = new XapiDecoder();

    /** Feeds codec output through the decoder into the request matcher, as the device does. */
    private void codecSays(String text) {
        for (XapiRecord r : decoder.feed(text.getBytes(StandardCharsets.UTF_8))) {
            if (r instanceof XapiRecord.Block b) {
                requests.onBlock(b.block());
            } else if (r instanceof XapiRecord.Terminator t) {
                requests.onTerminator(t.ok());
            } else if (r instanceof XapiRecord.NotRecognized) {
                requests.onNotRecognized();
            }
        }
    }

    private static DeviceException failure(CompletableFuture<?> f) {
        assertThat(f).isCompletedExceptionally();
        return DeviceException.unwrap(f.handle((v, e) -> e).join());
    }

    @Test
    void blockAndThenOkCompletesTheRequest() {
        XapiRequests.Pending p = requests.add(Optional.of("1"), XapiCommands.callStatus());
        codecSays("*s Call 3 Status: Connected\r\n** resultId: \"1\"\r\n** end\r\n");
        assertThat(p.result()).isNotDone(); // the OK is still to come
        codecSays("OK\r\n");
        assertThat(p.result().join().entries()).hasSize(1);
    }

    @Test
    void okAndThenBlockCompletesTheRequest() {
        XapiRequests.Pending p = requests.add(Optional.of("1"), XapiCommands.dial("room-b@example.org"));
        codecSays("OK\r\n");
        assertThat(p.result()).isNotDone(); // the result block is still to come
        codecSays("*r DialResult (status=OK):\r\n*r DialResult CallId: 2\r\n** resultId: \"1\"\r\n** end\r\n");
        assertThat(p.result().join().resultField("CallId")).contains("2");
    }

    @Test
    void taggedBlocksFindTheirRequestWhateverTheOrder() {
        XapiRequests.Pending first = requests.add(Optional.of("1"), XapiCommands.callStatus());
        XapiRequests.Pending second = requests.add(Optional.of("2"), XapiCommands.callStatus());
        codecSays("*s Call 9 Status: Ringing\r\n** resultId: \"2\"\r\n** end\r\n"); // answer to 2 first
        codecSays("*s Call 8 Status: Idle\r\n** resultId: \"1\"\r\n** end\r\n");
        codecSays("OK\r\nOK\r\n");
        assertThat(first.result().join().entries().get(0).path()).containsExactly("Call", "8");
        assertThat(second.result().join().entries().get(0).path()).containsExactly("Call", "9");
    }

    @Test
    void feedbackPushBetweenOkAndResultIsNotTakenForTheAnswer() {
        XapiRequests.Pending dial = requests.add(Optional.of("5"), XapiCommands.dial("room-b@example.org"));
        codecSays("OK\r\n");
        codecSays("*s Call 2 Status: Dialling\r\n** end\r\n"); // feedback push, untagged
        assertThat(dial.result()).isNotDone();
        codecSays("*r DialResult (status=OK):\r\n*r DialResult CallId: 2\r\n** resultId: \"5\"\r\n** end\r\n");
        assertThat(dial.result().join().resultField("CallId")).contains("2");
    }

    @Test
    void untaggedAnswerGoesToTheOldestRequest() {
        XapiRequests.Pending status = requests.add(Optional.of("1"), XapiCommands.callStatus());
        requests.add(Optional.of("2"), XapiCommands.callStatus());
        codecSays("*s Call 3 Status: Connected\r\n** end\r\nOK\r\n"); // firmware that drops the tag
        assertThat(status.result()).isCompleted();
        assertThat(requests.size()).isEqualTo(1);
    }

    @Test
    void untaggedStatusBlockIsFeedbackWhileACommandWaits() {
        XapiRequests.Pending dial = requests.add(Optional.of("1"), XapiCommands.dial("x@example.org"));
        assertThat(requests.onBlock(blockOf("*s Call 2 Status: Dialling\r\n** end\r\n")))
                .isEmpty();
        assertThat(dial.result()).isNotDone();
    }

    @Test
    void eventBlockIsNeverAnAnswer() {
        requests.add(Optional.of("1"), XapiCommands.registerFeedback("/Status/Call"));
        assertThat(requests.onBlock(blockOf("*e CallDisconnect CallId: 3\r\n** end\r\n")))
                .isEmpty();
    }

    @Test
    void plainCommandIsDoneAtItsOk() {
        XapiRequests.Pending echo = requests.add(Optional.empty(), XapiCommands.echoOff());
        codecSays("OK\r\n");
        assertThat(echo.result()).isCompleted();
    }

    @Test
    void commandNotRecognizedFailsTheOldestUnansweredRequest() {
        XapiRequests.Pending echo = requests.add(Optional.empty(), XapiCommands.echoOff());
        XapiRequests.Pending status = requests.add(Optional.of("1"), XapiCommands.callStatus());
        codecSays("Command not recognized.\r\n");
        DeviceException e = failure(echo.result());
        assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_ERROR);
        assertThat(e.getMessage()).contains("did not recognise").contains("echo off");
        assertThat(status.result()).isNotDone();
    }

    @Test
    void errorResultFailsWithItsReason() {
        XapiRequests.Pending dial = requests.add(Optional.of("1"), XapiCommands.dial("nobody"));
        codecSays("OK\r\n*r DialResult (status=Error):\r\n*r DialResult Reason: \"Invalid number\"\r\n"
                + "** resultId: \"1\"\r\n** end\r\n");
        DeviceException e = failure(dial.result());
        assertThat(e.code()).isEqualTo(ErrorCode.DEVICE_ERROR);
        assertThat(e.getMessage()).contains("Invalid number");
    }

    @Test
    void errorTerminatorFailsTheRequest() {
        XapiRequests.Pending status = requests.add(Optional.of("1"), XapiCommands.callStatus());
        codecSays("ERROR\r\n");
        assertThat(failure(status.result()).getMessage()).contains("ERROR").contains("xStatus Call");
    }

    @Test
    void lateAnswerToAForgottenRequestIsIgnored() {
        XapiRequests.Pending p = requests.add(Optional.of("1"), XapiCommands.callStatus());
        requests.remove(p); // timed out
        assertThat(requests.onBlock(blockOf("** resultId: \"1\"\r\n** end\r\n")))
                .isEmpty();
    }

    @Test
    void failAllFailsEverything() {
        XapiRequests.Pending a = requests.add(Optional.of("1"), XapiCommands.callStatus());
        XapiRequests.Pending b = requests.add(Optional.of("2"), XapiCommands.accept(OptionalInt.empty()));
        requests.failAll(DeviceException.offline("gone"));
        assertThat(failure(a.result()).code()).isEqualTo(ErrorCode.DEVICE_OFFLINE);
        assertThat(failure(b.result()).code()).isEqualTo(ErrorCode.DEVICE_OFFLINE);
        assertThat(requests.size()).isZero();
    }

    private XapiBlock blockOf(String text) {
        return ((XapiRecord.Block) new XapiDecoder()
                        .feed(text.getBytes(StandardCharsets.UTF_8))
                        .get(0))
                .block();
    }
}
