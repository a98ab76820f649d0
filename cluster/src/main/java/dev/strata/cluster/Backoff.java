package dev.strata.cluster;

import java.time.Duration;

/** Poll intervals that double from {@code first} up to {@code max}: quick answers early, little load later. */
public final class Backoff {

    private final Duration max;
    private Duration next;

    public Backoff(Duration first, Duration max) {
        this.next = first;
        this.max = max;
    }

    public Duration next() {
        Duration d = next;
        Duration doubled = next.multipliedBy(2);
        next = doubled.compareTo(max) > 0 ? max : doubled;
        return d;
    }

    public void reset(Duration first) {
        next = first;
    }
}
