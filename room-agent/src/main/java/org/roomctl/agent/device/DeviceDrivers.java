package org.roomctl.agent.device;

import java.util.Map;
import org.roomctl.agent.pjlink.PjlinkDisplay;
import org.roomctl.agent.transport.Transport;
import org.roomctl.agent.transport.Transports;
import org.roomctl.agent.visca.ViscaCamera;
import org.roomctl.agent.wolfprot.WolfVisionDocCam;
import org.roomctl.agent.xapi.XapiCodec;
import org.roomctl.contract.config.DeviceConfig;
import org.roomctl.contract.config.DeviceTypes;

/** The driver of each device type, over the transport its config names. */
public final class DeviceDrivers implements DeviceFactory {
    /** A driver's constructor. */
    @FunctionalInterface
    interface Driver {
        Device create(DeviceConfig config, Transport transport, DeviceRuntime runtime);
    }

    static final Map<String, Driver> BY_TYPE = Map.of(
            DeviceTypes.SONY_VISCA.name(), ViscaCamera::new,
            DeviceTypes.CISCO_XAPI.name(), XapiCodec::new,
            DeviceTypes.WOLFVISION.name(), WolfVisionDocCam::new,
            DeviceTypes.PJLINK.name(), PjlinkDisplay::new);

    @Override
    public Device create(DeviceConfig config, DeviceRuntime runtime) {
        Driver driver = BY_TYPE.get(config.type().name());
        if (driver == null) {
            throw new IllegalArgumentException(
                    "no driver for device type " + config.type().name());
        }
        return driver.create(config, Transports.open(config.transport()), runtime);
    }
}
