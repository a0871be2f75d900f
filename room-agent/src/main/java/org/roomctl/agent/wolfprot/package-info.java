/**
 * WolfVision document cameras (visualisers) over WolfProt, the binary protocol on RS-232 or TCP
 * port 50915.
 *
 * <p>The codec is pure: {@link org.roomctl.agent.wolfprot.WolfProtFramer} cuts the byte stream into
 * frames, {@link org.roomctl.agent.wolfprot.WolfProtDecoder} turns a frame into a {@link
 * org.roomctl.agent.wolfprot.WolfProtFrame}, and {@link org.roomctl.agent.wolfprot.WolfProtCommands}
 * builds requests. {@link org.roomctl.agent.wolfprot.WolfVisionDocCam} is the device.
 */
package org.roomctl.agent.wolfprot;
