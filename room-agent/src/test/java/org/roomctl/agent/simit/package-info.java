/**
 * The real drivers against the simulators, without MQTT: each device type over every transport it
 * takes (a pseudo-terminal opened through jSerialComm, a raw serial bridge, plain TCP), asserting
 * both what the driver reports (futures, properties, status and reason) and what the simulated
 * device really did (its state). The rooms are {@code src/test/resources/simit/}; {@link
 * org.roomctl.agent.simit.SimRig} starts them on free ports and a temporary serial directory and
 * checks on closing that nothing was left running and nothing logged an ERROR.
 *
 * <p>Tests marked {@code @Disabled("BUG: ...")} pin down a bug found this way; each says in its
 * Javadoc what happens and what should.
 */
package org.roomctl.agent.simit;
