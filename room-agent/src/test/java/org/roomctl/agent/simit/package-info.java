/**
 * The real drivers against the simulators, without MQTT: each device type over every transport it
 * takes (a pseudo-terminal opened through jSerialComm, a raw serial bridge, plain TCP), asserting
 * both what the driver reports (futures, properties, status and reason) and what the simulated
 * device really did (its state). The rooms are {@code src/test/resources/simit/}; {@link
 * org.roomctl.agent.simit.SimRig} starts them on free ports and a temporary serial directory and
 * checks on closing that nothing was left running and nothing logged an ERROR.
 *
 * <p>Some tests pin down bugs found this way and fixed since: a silent device checked only every
 * other interval, a refusal's reason overwritten, an xAPI session not set up again after a codec
 * restart, result ids in a form the driver did not read, and request matching that never got back
 * in step after a lost answer.
 */
package org.roomctl.agent.simit;
