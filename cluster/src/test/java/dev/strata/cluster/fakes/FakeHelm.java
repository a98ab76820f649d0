package dev.strata.cluster.fakes;

import dev.strata.cluster.ClusterException;
import dev.strata.cluster.helm.Helm;
import dev.strata.cluster.helm.HelmRelease;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

public final class FakeHelm implements Helm {

    public final List<String> calls = new ArrayList<>() {
        @Override
        public boolean add(String c) {
            journal.add("helm " + c);
            return super.add(c);
        }
    };
    public List<String> journal = new ArrayList<>();
    public final List<HelmRelease> installed = new ArrayList<>();
    public final Set<String> failOnce = new HashSet<>();

    @Override
    public void upgradeInstall(HelmRelease release) {
        calls.add("install " + release.name());
        if (failOnce.remove(release.name())) {
            throw new ClusterException("installing " + release + ": context deadline exceeded");
        }
        installed.add(release);
    }

    @Override
    public void uninstall(String name, String namespace) {
        calls.add("uninstall " + name);
    }

    @Override
    public Optional<String> installedVersion(String name, String namespace) {
        return installed.stream().filter(r -> r.name().equals(name)).map(HelmRelease::version).reduce((a, b) -> b);
    }
}
