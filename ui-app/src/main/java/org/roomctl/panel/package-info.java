/**
 * The in-room touch panel: a browser in kiosk mode bound to one room by enrolment. It shows the
 * room's call and devices as the room reports them (live, over server-sent events), lists the
 * other rooms to call, and sends the room's commands over the bus, showing each answer in
 * words. {@link org.roomctl.panel.PanelApp} builds the web app; {@link org.roomctl.panel.PanelMain}
 * runs it alone.
 */
package org.roomctl.panel;
