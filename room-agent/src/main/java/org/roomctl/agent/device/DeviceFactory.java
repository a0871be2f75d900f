package org.roomctl.agent.device;

import org.roomctl.contract.config.DeviceConfig;

/** Makes the driver for a configured device. */
@FunctionalInterface
public interface DeviceFactory {
    Device create(DeviceConfig config, DeviceRuntime runtime);
}
