package dev.strata.cluster.helm;

import java.util.Optional;

/** The Helm operations {@code up} and {@code down} need. */
public interface Helm {

    /** {@code helm upgrade --install --create-namespace --wait}: a no-op upgrade when nothing changed. */
    void upgradeInstall(HelmRelease release);

    void uninstall(String name, String namespace);

    /** The chart version of an installed release, if there is one. */
    Optional<String> installedVersion(String name, String namespace);
}
