package org.roomctl.agent.wolfprot;

/** Whether a frame reads a value or sets one: bit {@code 01} of the header. */
public enum WolfProtAccess {
    GET,
    SET;

    static WolfProtAccess of(int header) {
        return (header & WolfProtHeader.SET) != 0 ? SET : GET;
    }
}
