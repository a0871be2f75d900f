package org.roomctl.agent.device;

import java.util.concurrent.CompletableFuture;

/** A document camera (visualiser). Properties it reports: {@code power} ("on"/"off"). */
public interface DocumentCamera extends Device {
    CompletableFuture<Void> power(boolean on);
}
