package org.roomctl.bench;

import java.time.Clock;
import org.roomctl.contract.bus.BusOptions;
import org.roomctl.fleet.Fleet;
import org.roomctl.fleet.connect.ConnectionSettings;
import org.roomctl.schema.Database;
import org.roomctl.testkit.RoomsRig;

/** The testkit's real rooms, and app instances on them with production timings. */
final class Rigs {
    private Rigs() {}

    /** The testkit's rig (it chooses its own ports again when one is taken meanwhile). */
    static RoomsRig start() throws Exception {
        return new RoomsRig();
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
