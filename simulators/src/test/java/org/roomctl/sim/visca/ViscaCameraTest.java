package org.roomctl.sim.visca;

import static org.assertj.core.api.Assertions.assertThat;
import static org.roomctl.sim.Hex.bytes;

import java.util.List;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.roomctl.sim.Hex;

class ViscaCameraTest {
    private final ViscaCamera camera = new ViscaCamera(1);

    private static long ms(long millis) {
        return millis * 1_000_000L;
    }

    private List<String> send(String packet, long now) {
        return Hex.of(camera.handle(bytes(packet), now));
    }

    private List<String> send(String packet) {
        return send(packet, 0);
    }

    private List<String> advance(long now) {
        return Hex.of(camera.advance(now));
    }

    @Nested
    class Housekeeping {
        @Test
        void addressSetBroadcastNumbersTheChainAndReportsTheNextFreeAddress() {
            // 88 = broadcast, 30 = address set, 01 = first camera's address; one camera: next is 02
            assertThat(send("88 30 01 FF")).containsExactly("88 30 02 FF");
        }

        @Test
        void theSecondCameraOnAChainTakesTheAddressAfterTheFirst() {
            ViscaCamera second = new ViscaCamera(2);
            assertThat(Hex.of(second.handle(bytes("88 30 01 FF"), 0))).containsExactly("88 30 03 FF");
            // it replies from address 2: header A0
            assertThat(Hex.of(second.handle(bytes("82 09 04 00 FF"), 0))).containsExactly("A0 50 02 FF");
        }

        @Test
        void ifClearBroadcastIsEchoed() {
            // 88 01 00 01 = IF_Clear to everyone
            assertThat(send("88 01 00 01 FF")).containsExactly("88 01 00 01 FF");
        }

        @Test
        void ifClearToCameraOneAnswersACompletionWithoutAck() {
            assertThat(send("81 01 00 01 FF")).containsExactly("90 50 FF");
        }

        @Test
        void ifClearDropsCommandsInProgressWithoutCompletingThem() {
            send("81 01 04 47 04 00 00 00 FF"); // zoom direct to tele: takes about 2 s
            assertThat(send("81 01 00 01 FF", ms(100))).containsExactly("90 50 FF");
            assertThat(advance(ms(5000))).isEmpty();
            assertThat(camera.state(ms(5000)).busySockets()).isEmpty();
        }

        @Test
        void cancellingAnIdleSocketSaysThereIsNoSocket() {
            // 81 21 = cancel socket 1
            assertThat(send("81 21 FF")).containsExactly("90 61 05 FF");
        }

        @Test
        void cancellingABusySocketCancelsItsCommandAndStopsTheMove() {
            send("81 01 04 47 04 00 00 00 FF"); // zoom direct, socket 1
            assertThat(send("81 21 FF", ms(500))).containsExactly("90 61 04 FF");
            assertThat(advance(ms(5000))).isEmpty();
            int zoomAtCancel = camera.state(ms(500)).zoom();
            assertThat(zoomAtCancel).isBetween(1, 0x3FFF);
            assertThat(camera.state(ms(5000)).zoom()).isEqualTo(zoomAtCancel);
        }

        @Test
        void packetsForAnotherCameraAreIgnored() {
            // 82 = controller to camera 2
            assertThat(send("82 09 04 00 FF")).isEmpty();
        }

        @Test
        void packetsThatAreNotFromTheControllerAreIgnored() {
            // 90 50 FF is a camera's reply travelling along the chain; 00 .. is noise
            assertThat(send("90 50 FF")).isEmpty();
            assertThat(send("00 12 34 FF")).isEmpty();
        }

        @Test
        void anUnknownCommandIsASyntaxError() {
            // 04 08 02 = focus far: not a command this camera knows
            assertThat(send("81 01 04 08 02 FF")).containsExactly("90 60 02 FF");
        }

        @Test
        void anUnknownInquiryIsASyntaxError() {
            assertThat(send("81 09 04 4B FF")).containsExactly("90 60 02 FF");
        }

        @Test
        void aTooLongPacketForThisCameraIsALengthError() {
            assertThat(Hex.of(camera.lengthError(bytes("81 01 02 03 04 05 06 07 08 09 0A 0B 0C 0D 0E 0F"))))
                    .containsExactly("90 60 01 FF");
        }

        @Test
        void versionInquiryGivesVendorModelRomAndSockets() {
            // 00 01 Sony, 05 19 model, 01 00 ROM, 02 sockets
            assertThat(send("81 09 00 02 FF")).containsExactly("90 50 00 01 05 19 01 00 02 FF");
        }

        @Test
        void lastCommandIsRecorded() {
            send("81 09 04 00 FF");
            assertThat(camera.state(0).lastCommand()).isEqualTo("81 09 04 00 ff");
        }
    }

    @Nested
    class Power {
        @Test
        void standbyIsAcknowledgedAndCompleted() {
            // 04 00 03 = power standby
            assertThat(send("81 01 04 00 03 FF")).containsExactly("90 41 FF", "90 51 FF");
            assertThat(camera.state(0).power()).isEqualTo("standby");
        }

        @Test
        void powerInquiryAnswers02WhenOnAnd03InStandby() {
            assertThat(send("81 09 04 00 FF")).containsExactly("90 50 02 FF");
            send("81 01 04 00 03 FF");
            assertThat(send("81 09 04 00 FF")).containsExactly("90 50 03 FF");
            assertThat(send("81 01 04 00 02 FF")).containsExactly("90 41 FF", "90 51 FF");
            assertThat(send("81 09 04 00 FF")).containsExactly("90 50 02 FF");
        }

        @Test
        void movesInStandbyAreNotExecutable() {
            send("81 01 04 00 03 FF");
            // home while in standby: 41 on the socket it would have used
            assertThat(send("81 01 06 04 FF")).containsExactly("90 61 41 FF");
            assertThat(send("81 01 04 07 02 FF")).containsExactly("90 61 41 FF");
        }

        @Test
        void inquiriesStillAnswerInStandby() {
            send("81 01 04 00 03 FF");
            assertThat(send("81 09 06 12 FF")).containsExactly("90 50 00 00 00 00 00 00 00 00 FF");
        }

        @Test
        void standbyCancelsMovesInProgress() {
            send("81 01 04 47 04 00 00 00 FF");
            assertThat(send("81 01 04 00 03 FF", ms(100))).containsExactly("90 42 FF", "90 61 04 FF", "90 52 FF");
        }

        @Test
        void aPowerCycleAnnouncesANetworkChangeAndComesUpAtHomeWithPresetsKept() {
            camera.faults(new ViscaFaults(0, 0));
            send("81 01 06 02 18 17 00 03 0E 08 00 00 00 00 FF"); // pan 1000
            send("81 01 04 3F 01 05 FF"); // preset 5 here
            send("81 01 04 00 03 FF");
            // z0 38 FF with z = address + 8
            assertThat(Hex.of(camera.powerCycle(0))).containsExactly("90 38 FF");
            ViscaState state = camera.state(0);
            assertThat(state.power()).isEqualTo("on");
            assertThat(state.pan()).isZero();
            assertThat(state.presets()).containsKey(5);
        }
    }

    @Nested
    class Zoom {
        @Test
        void teleStandardCompletesAtOnceAndKeepsZoomingUntilStopped() {
            // 04 07 02 = zoom tele, standard speed
            assertThat(send("81 01 04 07 02 FF")).containsExactly("90 41 FF", "90 51 FF");
            int after1s = camera.state(ms(1000)).zoom();
            assertThat(after1s).isGreaterThan(0);
            assertThat(camera.state(ms(1000)).moving()).isTrue();
            // 04 07 00 = stop
            assertThat(send("81 01 04 07 00 FF", ms(1000))).containsExactly("90 41 FF", "90 51 FF");
            assertThat(camera.state(ms(3000)).zoom()).isEqualTo(after1s);
        }

        @Test
        void wideStandardZoomsOut() {
            camera.faults(new ViscaFaults(0, 0));
            send("81 01 04 47 02 00 00 00 FF"); // zoom to 0x2000 at once
            send("81 01 04 07 03 FF", 0);
            assertThat(camera.state(ms(10)).zoom()).isLessThan(0x2000);
        }

        @Test
        void variableSpeedSevenIsFasterThanZero() {
            send("81 01 04 07 27 FF"); // tele, speed 7
            int fast = camera.state(ms(500)).zoom();
            ViscaCamera slow = new ViscaCamera(1);
            slow.handle(bytes("81 01 04 07 20 FF"), 0); // tele, speed 0
            assertThat(fast).isGreaterThan(slow.state(ms(500)).zoom());
        }

        @Test
        void variableWideZoomsOut() {
            camera.faults(new ViscaFaults(0, 0));
            send("81 01 04 47 02 00 00 00 FF");
            assertThat(send("81 01 04 07 37 FF")).containsExactly("90 41 FF", "90 51 FF");
            assertThat(camera.state(ms(10)).zoom()).isLessThan(0x2000);
        }

        @Test
        void speedEightIsASyntaxError() {
            assertThat(send("81 01 04 07 28 FF")).containsExactly("90 60 02 FF");
        }

        @Test
        void zoomDirectCompletesOnlyWhenTheZoomArrives() {
            // 04 47 0p 0q 0r 0s = zoom to 0x2000
            assertThat(send("81 01 04 47 02 00 00 00 FF")).containsExactly("90 41 FF");
            assertThat(camera.nextDeadline()).isPresent();
            long arrival = camera.nextDeadline().getAsLong();
            assertThat(advance(arrival - 1)).isEmpty();
            assertThat(advance(arrival)).containsExactly("90 51 FF");
            // 09 04 47 = zoom position inquiry: 0p 0q 0r 0s
            assertThat(send("81 09 04 47 FF", arrival)).containsExactly("90 50 02 00 00 00 FF");
        }

        @Test
        void zoomDirectWithAByteAbove0FIsASyntaxError() {
            assertThat(send("81 01 04 47 12 00 00 00 FF")).containsExactly("90 60 02 FF");
        }
    }

    @Nested
    class PanTilt {
        @ParameterizedTest(name = "{0}")
        @CsvSource({
            // direction, XX YY, sign of pan change, sign of tilt change
            "up,         03 01,  0,  1",
            "down,       03 02,  0, -1",
            "left,       01 03, -1,  0",
            "right,      02 03,  1,  0",
            "up-left,    01 01, -1,  1",
            "up-right,   02 01,  1,  1",
            "down-left,  01 02, -1, -1",
            "down-right, 02 02,  1, -1",
        })
        void driveMovesInItsDirectionUntilStopped(String direction, String xy, int panSign, int tiltSign) {
            // 06 01 VV WW XX YY: pan speed 0C, tilt speed 0C
            assertThat(send("81 01 06 01 0C 0C " + xy + " FF")).containsExactly("90 41 FF", "90 51 FF");
            ViscaState moving = camera.state(ms(500));
            assertThat(Integer.signum(moving.pan())).isEqualTo(panSign);
            assertThat(Integer.signum(moving.tilt())).isEqualTo(tiltSign);
            // 03 03 = stop
            assertThat(send("81 01 06 01 0C 0C 03 03 FF", ms(500))).containsExactly("90 41 FF", "90 51 FF");
            ViscaState stopped = camera.state(ms(2000));
            assertThat(stopped.pan()).isEqualTo(moving.pan());
            assertThat(stopped.tilt()).isEqualTo(moving.tilt());
            assertThat(stopped.moving()).isFalse();
        }

        @Test
        void aDriveStopsAtTheMechanicalLimit() {
            send("81 01 06 01 18 17 02 03 FF"); // right, full speed
            assertThat(camera.state(ms(60_000)).pan()).isEqualTo(ViscaCamera.PAN_MAX);
        }

        @Test
        void panSpeedAbove18IsASyntaxError() {
            assertThat(send("81 01 06 01 19 01 02 03 FF")).containsExactly("90 60 02 FF");
        }

        @Test
        void anUnknownDirectionIsASyntaxError() {
            assertThat(send("81 01 06 01 01 01 04 03 FF")).containsExactly("90 60 02 FF");
        }

        @Test
        void absolutePositionCompletesWhenTheCameraArrives() {
            // 06 02 VV WW 0Y 0Y 0Y 0Y 0Z 0Z 0Z 0Z: pan -100 (FF9C), tilt 200 (00C8)
            assertThat(send("81 01 06 02 18 17 0F 0F 09 0C 00 00 0C 08 FF")).containsExactly("90 41 FF");
            long arrival = camera.nextDeadline().orElseThrow();
            assertThat(camera.state(arrival / 2).moving()).isTrue();
            assertThat(advance(arrival)).containsExactly("90 51 FF");
            // 09 06 12 = pan-tilt position inquiry: 0w 0w 0w 0w 0z 0z 0z 0z
            assertThat(send("81 09 06 12 FF", arrival)).containsExactly("90 50 0F 0F 09 0C 00 00 0C 08 FF");
        }

        @Test
        void slowerSpeedsTakeLonger() {
            send("81 01 06 02 18 17 00 03 0E 08 00 00 00 00 FF"); // pan 1000 at full speed
            long fast = camera.nextDeadline().orElseThrow();
            ViscaCamera other = new ViscaCamera(1);
            other.handle(bytes("81 01 06 02 01 01 00 03 0E 08 00 00 00 00 FF"), 0); // speed 1
            assertThat(other.nextDeadline().orElseThrow()).isGreaterThan(fast * 10);
        }

        @Test
        void relativePositionMovesFromWhereTheCameraIs() {
            camera.faults(new ViscaFaults(0, 0));
            send("81 01 06 02 18 17 00 00 06 04 00 00 00 00 FF"); // pan 100
            // 06 03: relative, pan +50 (0032), tilt -16 (FFF0)
            assertThat(send("81 01 06 03 18 17 00 00 03 02 0F 0F 0F 00 FF")).containsExactly("90 41 FF", "90 51 FF");
            assertThat(camera.state(0).pan()).isEqualTo(150);
            assertThat(camera.state(0).tilt()).isEqualTo(-16);
        }

        @Test
        void homeReturnsToTheMiddleAndCompletesOnArrival() {
            camera.faults(new ViscaFaults(0, 0));
            send("81 01 06 02 18 17 00 03 0E 08 00 00 0C 08 FF");
            camera.faults(ViscaFaults.NONE);
            // 06 04 = home
            assertThat(send("81 01 06 04 FF")).containsExactly("90 41 FF");
            long arrival = camera.nextDeadline().orElseThrow();
            assertThat(advance(arrival)).containsExactly("90 51 FF");
            assertThat(camera.state(arrival).pan()).isZero();
            assertThat(camera.state(arrival).tilt()).isZero();
        }

        @Test
        void resetAlsoEndsAtHome() {
            camera.faults(new ViscaFaults(0, 0));
            send("81 01 06 02 18 17 00 03 0E 08 00 00 0C 08 FF");
            // 06 05 = pan-tilt reset
            assertThat(send("81 01 06 05 FF")).containsExactly("90 41 FF", "90 51 FF");
            assertThat(camera.state(0).pan()).isZero();
        }
    }

    @Nested
    class Presets {
        @Test
        void recallGoesBackToTheStoredPositionAndZoomAndCompletesOnArrival() {
            camera.faults(new ViscaFaults(0, 0));
            send("81 01 06 02 18 17 00 03 0E 08 00 00 0C 08 FF"); // pan 1000, tilt 200
            send("81 01 04 47 01 00 00 00 FF"); // zoom 0x1000
            // 04 3F 01 03 = preset set, number 3
            assertThat(send("81 01 04 3F 01 03 FF")).containsExactly("90 41 FF", "90 51 FF");
            send("81 01 06 04 FF");
            send("81 01 04 47 00 00 00 00 FF");
            camera.faults(ViscaFaults.NONE);
            // 04 3F 02 03 = recall preset 3: ACK at once, completion when the move ends
            assertThat(send("81 01 04 3F 02 03 FF")).containsExactly("90 41 FF");
            long arrival = camera.nextDeadline().orElseThrow();
            assertThat(arrival).isPositive();
            assertThat(advance(arrival)).containsExactly("90 51 FF");
            ViscaState state = camera.state(arrival);
            assertThat(state.pan()).isEqualTo(1000);
            assertThat(state.tilt()).isEqualTo(200);
            assertThat(state.zoom()).isEqualTo(0x1000);
            assertThat(state.presets()).containsEntry(3, new ViscaState.Preset(1000, 200, 0x1000));
        }

        @Test
        void resetForgetsAPresetSoItRecallsHome() {
            camera.faults(new ViscaFaults(0, 0));
            send("81 01 06 02 18 17 00 03 0E 08 00 00 0C 08 FF");
            send("81 01 04 3F 01 0F FF"); // set 15
            // 04 3F 00 0F = preset reset, number 15
            assertThat(send("81 01 04 3F 00 0F FF")).containsExactly("90 41 FF", "90 51 FF");
            send("81 01 04 3F 02 0F FF");
            assertThat(camera.state(0).pan()).isZero();
            assertThat(camera.state(0).presets()).isEmpty();
        }

        @Test
        void presetSixteenIsASyntaxError() {
            assertThat(send("81 01 04 3F 01 10 FF")).containsExactly("90 60 02 FF");
        }
    }

    @Nested
    class Sockets {
        @Test
        void bothSocketsBusyGiveBufferFull() {
            send("81 01 04 47 04 00 00 00 FF"); // zoom direct: socket 1, 2 s
            assertThat(send("81 01 06 02 18 17 00 03 0E 08 00 00 00 00 FF")).containsExactly("90 42 FF");
            // 90 60 03 = command buffer full
            assertThat(send("81 01 04 00 02 FF")).containsExactly("90 60 03 FF");
            assertThat(camera.state(0).busySockets()).containsExactly(1, 2);
        }

        @Test
        void completionsArriveInTheOrderTheMovesEnd() {
            send("81 01 04 47 04 00 00 00 FF"); // zoom direct to tele: socket 1, about 2 s
            send("81 01 06 02 18 17 00 00 06 04 00 00 00 00 FF"); // pan 100: socket 2, short
            assertThat(advance(ms(10_000))).containsExactly("90 52 FF", "90 51 FF");
        }

        @Test
        void aLaterMoveOfTheSameAxisCancelsTheEarlierOne() {
            send("81 01 06 02 18 17 00 03 0E 08 00 00 00 00 FF"); // pan 1000: socket 1
            // home supersedes it: ACK on socket 2, socket 1 cancelled
            assertThat(send("81 01 06 04 FF", ms(100))).containsExactly("90 42 FF", "90 61 04 FF");
            assertThat(advance(ms(10_000))).containsExactly("90 52 FF");
            assertThat(camera.state(ms(10_000)).pan()).isZero();
        }

        @Test
        void aStopSupersedesAMoveInProgress() {
            send("81 01 04 47 04 00 00 00 FF");
            assertThat(send("81 01 04 07 00 FF", ms(100))).containsExactly("90 42 FF", "90 61 04 FF", "90 52 FF");
        }

        @Test
        void movesOfDifferentAxesRunTogether() {
            send("81 01 04 47 04 00 00 00 FF");
            assertThat(send("81 01 06 02 18 17 00 03 0E 08 00 00 00 00 FF")).containsExactly("90 42 FF");
            assertThat(camera.state(0).busySockets()).containsExactly(1, 2);
        }
    }

    @Nested
    class Faults {
        @Test
        void moveTimeScaleZeroMakesMovesInstant() {
            camera.faults(new ViscaFaults(0, 0));
            assertThat(send("81 01 06 04 FF")).containsExactly("90 41 FF", "90 51 FF");
            assertThat(send("81 01 04 47 04 00 00 00 FF")).containsExactly("90 41 FF", "90 51 FF");
        }

        @Test
        void moveTimeScaleTwoMakesMovesTakeTwiceAsLong() {
            send("81 01 04 47 04 00 00 00 FF");
            long normal = camera.nextDeadline().orElseThrow();
            ViscaCamera slow = new ViscaCamera(1);
            slow.faults(new ViscaFaults(2, 0));
            slow.handle(bytes("81 01 04 47 04 00 00 00 FF"), 0);
            assertThat(slow.nextDeadline().orElseThrow()).isEqualTo(normal * 2);
        }

        @Test
        void oneBusySocketLeavesOnlySocketTwo() {
            camera.faults(new ViscaFaults(1, 1));
            assertThat(send("81 01 04 00 02 FF")).containsExactly("90 42 FF", "90 52 FF");
        }

        @Test
        void twoBusySocketsFillTheBuffer() {
            camera.faults(new ViscaFaults(1, 2));
            assertThat(send("81 01 04 00 02 FF")).containsExactly("90 60 03 FF");
            assertThat(camera.state(0).busySockets()).containsExactly(1, 2);
            // inquiries need no socket
            assertThat(send("81 09 04 00 FF")).containsExactly("90 50 02 FF");
        }
    }
}
