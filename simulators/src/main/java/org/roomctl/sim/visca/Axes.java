package org.roomctl.sim.visca;

/** What a camera command moves; a new command moving the same axes supersedes one in progress. */
enum Axes {
    PAN_TILT,
    ZOOM
}
