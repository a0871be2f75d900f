package org.roomctl.sim;

import java.nio.file.Path;
import java.util.Map;
import org.roomctl.contract.config.DeviceConfig;
import org.roomctl.contract.config.DeviceTypes;
import org.roomctl.contract.config.RoomConfig;
import org.roomctl.contract.config.Secret;
import org.roomctl.contract.config.SerialLine;
import org.roomctl.contract.config.TransportSpec;
import org.roomctl.sim.callnet.CallNetwork;
import org.roomctl.sim.pjlink.PjlinkDisplay;
import org.roomctl.sim.pjlink.PjlinkSimulator;
import org.roomctl.sim.runtime.DeviceSimulator;
import org.roomctl.sim.runtime.StreamDevice;
import org.roomctl.sim.runtime.StreamDeviceSimulator;
import org.roomctl.sim.runtime.StreamTransport;
import org.roomctl.sim.transport.SerialBridge;
import org.roomctl.sim.transport.TcpStreamServer;
import org.roomctl.sim.transport.VirtualSerialPort;
import org.roomctl.sim.visca.ViscaDevice;
import org.roomctl.sim.wolfprot.WolfProtDevice;
import org.roomctl.sim.xapi.XapiCodec;

/** Builds the simulator a device config calls for, on the transport it names. Nothing is started. */
final class DeviceSimulators {
    /** Builds the protocol core of one device type. */
    @FunctionalInterface
    private interface CoreFactory {
        StreamDevice<?> create(RoomConfig room, DeviceConfig device, CallNetwork network);
    }

    private static final Map<String, CoreFactory> STREAM_DEVICES = Map.of(
            DeviceTypes.SONY_VISCA.name(), (room, device, network) -> new ViscaDevice(device.address()),
            DeviceTypes.WOLFVISION.name(), (room, device, network) -> new WolfProtDevice(),
            DeviceTypes.CISCO_XAPI.name(),
                    (room, device, network) -> new XapiCodec(
                            room.name(),
                            device.uri().orElseThrow(),
                            device.username().orElse("admin"),
                            device.password().map(Secret::reveal).orElse(null),
                            device.password().isPresent(),
                            network));

    private DeviceSimulators() {}

    static DeviceSimulator create(RoomConfig room, DeviceConfig device, CallNetwork network, SimulatorOptions options) {
        if (device.type().equals(DeviceTypes.PJLINK)) {
            TransportSpec.Tcp tcp = (TransportSpec.Tcp) device.transport();
            return new PjlinkSimulator(
                    room.id(),
                    device.id(),
                    device.type(),
                    new PjlinkDisplay(room.name() + " " + device.id()),
                    device.password().map(Secret::reveal).orElse(null),
                    tcp.host(),
                    options.port(tcp.port()));
        }
        CoreFactory factory = STREAM_DEVICES.get(device.type().name());
        if (factory == null) {
            throw new IllegalArgumentException(
                    "no simulator for device type " + device.type().name());
        }
        return streamDevice(room, device, factory.create(room, device, network), options);
    }

    private static <F extends Record> StreamDeviceSimulator<F> streamDevice(
            RoomConfig room, DeviceConfig device, StreamDevice<F> core, SimulatorOptions options) {
        String name = "sim-" + room.id() + "-" + device.id();
        return new StreamDeviceSimulator<>(
                room.id(),
                device.id(),
                device.type(),
                core,
                transport(name, device.transport(), options),
                line(device.transport()));
    }

    private static StreamTransport transport(String name, TransportSpec spec, SimulatorOptions options) {
        if (spec instanceof TransportSpec.Serial serial) {
            return new VirtualSerialPort(name, Path.of(serial.path()), serial.line());
        }
        if (spec instanceof TransportSpec.Bridge bridge) {
            return new SerialBridge(
                    name,
                    bridge.host(),
                    options.port(bridge.port()),
                    options.settingsPort(bridge.port()),
                    bridge.line());
        }
        TransportSpec.Tcp tcp = (TransportSpec.Tcp) spec;
        return new TcpStreamServer(name, tcp.host(), options.port(tcp.port()));
    }

    /** The serial line the device talks on; none for a device on the network. */
    private static SerialLine line(TransportSpec spec) {
        if (spec instanceof TransportSpec.Serial serial) {
            return serial.line();
        }
        if (spec instanceof TransportSpec.Bridge bridge) {
            return bridge.line();
        }
        return null;
    }
}
