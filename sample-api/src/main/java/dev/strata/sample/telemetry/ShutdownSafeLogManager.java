package dev.strata.sample.telemetry;

import java.util.logging.LogManager;

/**
 * java.util.logging resets (closes) every handler in its own shutdown hook, which races with
 * the service's graceful shutdown and loses its last log lines. This manager ignores that reset;
 * handlers flush on every line, so nothing is lost. Selected with
 * {@code -Djava.util.logging.manager=dev.strata.sample.telemetry.ShutdownSafeLogManager}
 * (Main sets it before anything logs).
 */
public final class ShutdownSafeLogManager extends LogManager {

    @Override
    public void reset() {
        if (Thread.currentThread().getClass().getName().startsWith(LogManager.class.getName() + "$")) {
            return;
        }
        super.reset();
    }
}
