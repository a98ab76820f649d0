package dev.strata.cluster.fakes;

import dev.strata.cluster.Ticker;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/** Time that passes only when code sleeps: waits of minutes take microseconds. */
public final class FakeTicker implements Ticker {

    private Instant now = Instant.parse("2026-11-27T12:00:00Z");
    public final List<Duration> sleeps = new ArrayList<>();
    private Runnable onSleep = () -> { };

    @Override
    public Instant now() {
        return now;
    }

    @Override
    public void sleep(Duration d) {
        sleeps.add(d);
        now = now.plus(d);
        onSleep.run();
    }

    public void advance(Duration d) {
        now = now.plus(d);
    }

    public void onSleep(Runnable r) {
        onSleep = r;
    }
}
