package org.roomctl.bench;

import java.io.IOException;
import java.time.Clock;
import org.roomctl.contract.bus.BusOptions;
import org.roomctl.contract.config.ConfigException;
import org.roomctl.fleet.Fleet;
import org.roomctl.fleet.connect.ConnectionSettings;
import org.roomctl.schema.Database;
import org.roomctl.testkit.RoomsRig;

/** The testkit's real rooms, and app instances on them with production timings. */
final class Rigs {
    private Rigs() {}

    /**
     * The testkit's rig. Its ports are found free and released before the simulators listen on
     * them, so now and then one is taken meanwhile (or, in older rigs, handed out twice): try again.
     */
    static RoomsRig start() throws Exception {
        for (int attempt = 1; ; attempt++) {
            try {
                return new RoomsRig();
            } catch (ConfigException | IOException e) {
                if (attempt == 3) {
                    throw e;
                }
            }
        }
    }

    /** An app instance's fleet, as an app starts it (default connection timings). */
    static Fleet fleet(RoomsRig rig, Database db, String instance) {
        return Fleet.start(
                db,
                BusOptions.to(rig.broker.uri(), instance),
                rig.topics,
                instance,
                Clock.systemUTC(),
                ConnectionSettings.defaults());
    }
}
