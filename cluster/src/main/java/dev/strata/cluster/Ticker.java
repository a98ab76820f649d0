package dev.strata.cluster;

import java.time.Duration;
import java.time.Instant;

/** The time source and the only way the lifecycle waits; tests replace it with a fake that advances instantly. */
public interface Ticker {

    Instant now();

    void sleep(Duration d);

    static Ticker system() {
        return new Ticker() {
            @Override
            public Instant now() {
                return Instant.now();
            }

            @Override
            public void sleep(Duration d) {
                try {
                    Thread.sleep(d.toMillis());
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                    throw new ClusterException("interrupted while waiting");
                }
            }
        };
    }
}
