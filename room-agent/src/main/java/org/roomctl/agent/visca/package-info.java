/**
 * Sony VISCA PTZ cameras over RS-232 (a local port or a raw serial bridge).
 *
 * <p>The codec is pure: {@link org.roomctl.agent.visca.ViscaFramer} cuts the byte stream into
 * packets, {@link org.roomctl.agent.visca.ViscaReplyDecoder} turns a packet into a {@link
 * org.roomctl.agent.visca.ViscaReply}, {@link org.roomctl.agent.visca.ViscaInquiries} reads the data
 * of inquiry answers, and {@link org.roomctl.agent.visca.ViscaCommands} builds the bytes of every
 * command. {@link org.roomctl.agent.visca.ViscaCamera} is the device: it keeps track of what is
 * outstanding on the camera's two command sockets and turns answers into state and status.
 */
package org.roomctl.agent.visca;
