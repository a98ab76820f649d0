package dev.strata.sample.lifecycle;

import java.util.concurrent.atomic.AtomicReference;

/** Where the service is in its life: starting, serving, or draining before exit. */
public final class Readiness {

    public enum Phase { STARTING, SERVING, DRAINING }

    private final AtomicReference<Phase> phase = new AtomicReference<>(Phase.STARTING);

    public Phase phase() {
        return phase.get();
    }

    public void serving() {
        phase.compareAndSet(Phase.STARTING, Phase.SERVING);
    }

    public void draining() {
        phase.set(Phase.DRAINING);
    }
}
