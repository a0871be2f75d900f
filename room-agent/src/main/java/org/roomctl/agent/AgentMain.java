package org.roomctl.agent;

import java.io.IOException;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.roomctl.agent.device.DeviceDrivers;
import org.roomctl.contract.config.ConfigException;
import org.roomctl.contract.config.DeviceConfig;
import org.roomctl.contract.config.RoomConfig;
import org.roomctl.contract.config.RoomConfigLoader;

/**
 * {@code room-agent}: serves the rooms of a config file or directory on an MQTT 5 broker until
 * stopped. Exit status 2 for bad flags or configs (the message says which file, field and
 * problem), 1 for other start-up failures.
 */
public final class AgentMain {
    private AgentMain() {}

    public static void main(String[] args) throws InterruptedException {
        if (System.getProperty("logback.configurationFile") == null) {
            System.setProperty("logback.configurationFile", "roomctl-agent-logback.xml");
        }
        if (List.of(args).contains("--help") || List.of(args).contains("-h")) {
            System.out.print(AgentSettings.usage());
            return;
        }
        AgentSettings settings;
        List<RoomConfig> rooms;
        try {
            settings = AgentSettings.parse(args, System::getenv);
            rooms = new RoomConfigLoader().loadAll(settings.rooms());
        } catch (AgentSettings.UsageException e) {
            System.err.println("room-agent: " + e.getMessage());
            System.err.print(AgentSettings.usage());
            System.exit(2);
            return;
        } catch (ConfigException e) {
            System.err.println("room-agent: bad room config: " + e.getMessage());
            System.exit(2);
            return;
        }
        if (settings.checkOnly()) {
            for (RoomConfig r : rooms) {
                System.out.printf("%s (%s, %s) from %s%n", r.id(), r.name(), r.site(), r.source());
                for (DeviceConfig d : r.devices()) {
                    System.out.printf("  %-10s %-12s %s%n", d.id(), d.type().name(), d.transport());
                }
            }
            System.out.println("room-agent: " + rooms.size() + " room(s), configs are fine");
            return;
        }
        RoomAgent agent;
        try {
            agent = RoomAgent.create(settings, rooms, new DeviceDrivers());
        } catch (IOException e) {
            System.err.println("room-agent: " + e.getMessage());
            System.exit(1);
            return;
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime()
                .addShutdownHook(new Thread(
                        () -> {
                            agent.close();
                            stopped.countDown();
                        },
                        "shutdown"));
        agent.start();
        stopped.await();
    }
}
