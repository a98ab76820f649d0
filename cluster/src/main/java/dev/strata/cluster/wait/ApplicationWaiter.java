package dev.strata.cluster.wait;

import dev.strata.cluster.Backoff;
import dev.strata.cluster.ClusterException;
import dev.strata.cluster.Ticker;
import dev.strata.cluster.kube.AppStatus;
import dev.strata.cluster.kube.Kube;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Waits until every expected Application is Synced and Healthy. Polls with backoff (2 s doubling
 * to 15 s, back to 2 s whenever something changes), never a fixed sleep. Fails with the evidence
 * when the timeout passes, or earlier when an Application stays Degraded for the grace period
 * (a Degraded app rarely heals by itself; waiting out the whole timeout only hides it).
 */
public final class ApplicationWaiter {

    static final Duration FIRST = Duration.ofSeconds(2);
    static final Duration MAX = Duration.ofSeconds(15);

    private final Kube kube;
    private final Ticker ticker;
    private final WaitDisplay display;
    private final Duration timeout;
    private final Duration degradedGrace;

    public ApplicationWaiter(Kube kube, Ticker ticker, WaitDisplay display, Duration timeout, Duration degradedGrace) {
        this.kube = kube;
        this.ticker = ticker;
        this.display = display;
        this.timeout = timeout;
        this.degradedGrace = degradedGrace;
    }

    /** Returns the final statuses, all ready; throws {@link ClusterException} with evidence otherwise. */
    public List<AppStatus> await(Set<String> expected) {
        return await(expected, Optional.empty(), Set.of());
    }

    /**
     * Like {@link #await(Set)}, and the Applications that read this repository ({@code fromRepo})
     * count only once they are synced to {@code revision} — right after a push, Argo CD still
     * reports the previous commit as Synced and Healthy for a while.
     */
    public List<AppStatus> await(Set<String> expected, Optional<String> revision, Set<String> fromRepo) {
        Predicate<AppStatus> ready = a -> a.ready()
                && (revision.isEmpty() || !fromRepo.contains(a.name()) || a.revisions().contains(revision.get()));
        Instant start = ticker.now();
        Backoff backoff = new Backoff(FIRST, MAX);
        Map<String, Duration> elapsed = new HashMap<>();
        Map<String, Instant> degradedSince = new HashMap<>();
        Set<String> settled = new HashSet<>();
        String lastSnapshot = "";
        while (true) {
            Instant now = ticker.now();
            List<AppStatus> apps = kube.applications();
            for (AppStatus a : apps) {
                if (!ready.test(a)) {
                    settled.remove(a.name());
                    elapsed.put(a.name(), Duration.between(start, now));
                } else if (settled.add(a.name())) {
                    elapsed.put(a.name(), Duration.between(start, now));
                }
                if (a.degraded()) {
                    degradedSince.putIfAbsent(a.name(), now);
                } else {
                    degradedSince.remove(a.name());
                }
            }
            display.update(apps.stream().map(a -> ready.test(a) || !a.ready() ? a : behind(a, revision.orElse(""))).toList(), elapsed);
            Set<String> present = apps.stream().map(AppStatus::name).collect(Collectors.toSet());
            Set<String> missing = new LinkedHashSet<>(expected);
            missing.removeAll(present);
            List<AppStatus> notReady = apps.stream().filter(ready.negate()).map(a -> a.ready() ? behind(a, revision.orElse("")) : a).toList();
            if (missing.isEmpty() && notReady.isEmpty()) {
                return apps;
            }
            for (Map.Entry<String, Instant> d : degradedSince.entrySet()) {
                if (Duration.between(d.getValue(), now).compareTo(degradedGrace) >= 0) {
                    throw new ClusterException("Application " + d.getKey() + " has been Degraded for " + WaitDisplay.fmt(Duration.between(d.getValue(), now)),
                            Evidence.collect(kube, notReady, missing));
                }
            }
            if (Duration.between(start, now).compareTo(timeout) >= 0) {
                throw new ClusterException(notReady.size() + missing.size() + " of " + Math.max(expected.size(), apps.size())
                        + " Applications not Synced and Healthy after " + WaitDisplay.fmt(timeout), Evidence.collect(kube, notReady, missing));
            }
            String snapshot = apps.stream().map(a -> a.name() + a.sync() + a.health() + a.revisions()).collect(Collectors.joining(","));
            if (!snapshot.equals(lastSnapshot)) {
                backoff.reset(FIRST);
                lastSnapshot = snapshot;
            }
            Duration left = timeout.minus(Duration.between(start, now));
            Duration pause = backoff.next();
            ticker.sleep(pause.compareTo(left) > 0 ? left : pause);
        }
    }

    /** Synced and Healthy, but at an older commit: shown as such, and not ready. */
    private static AppStatus behind(AppStatus a, String revision) {
        String at = a.revisions().stream().filter(r -> r.matches("[0-9a-f]{40}")).findFirst().map(r -> r.substring(0, 8)).orElse("an older revision");
        return new AppStatus(a.name(), a.wave(), "Synced@" + at, a.health(), "waiting for Argo CD to sync " + revision.substring(0, Math.min(8, revision.length())),
                a.resources(), a.revisions());
    }
}
