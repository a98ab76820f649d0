package dev.strata.sample;

import java.time.Duration;
import java.util.logging.Logger;

import dev.strata.sample.config.AppConfig;
import dev.strata.sample.config.SampleApiConfigException;
import dev.strata.sample.telemetry.JsonLogging;
import dev.strata.sample.telemetry.ShutdownSafeLogManager;

/** Wires config → service → server, and SIGTERM → graceful shutdown. Exit code 2: bad configuration. */
public final class Main {

    private Main() {
    }

    public static void main(String[] args) {
        System.setProperty("java.util.logging.manager", ShutdownSafeLogManager.class.getName());
        AppConfig config;
        try {
            config = AppConfig.load();
        } catch (SampleApiConfigException e) {
            JsonLogging.install("INFO");
            Logger.getLogger(Main.class.getName()).severe("invalid configuration: " + e.getMessage());
            System.exit(2);
            return;
        }
        JsonLogging.install(config.logLevel());
        SampleApp app = SampleApp.start(config);
        Duration bound = config.drainDelay().plus(config.shutdownGrace()).plusSeconds(10);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            Thread watchdog = Thread.ofPlatform().daemon().name("shutdown-watchdog").start(() -> {
                try {
                    Thread.sleep(bound);
                    Logger.getLogger(Main.class.getName()).severe("shutdown exceeded " + bound.toMillis()
                            + " ms; halting");
                    Runtime.getRuntime().halt(1);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            app.shutdown();
            watchdog.interrupt();
        }, "graceful-shutdown"));
    }
}
