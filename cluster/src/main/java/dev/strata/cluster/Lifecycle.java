package dev.strata.cluster;

import dev.strata.catalog.Catalog;
import dev.strata.cluster.doctor.LocalHost;
import dev.strata.cluster.git.GitPublisher;
import dev.strata.cluster.helm.HelmJava;
import dev.strata.cluster.kube.Fabric8Kube;
import dev.strata.cluster.process.SystemProcessRunner;
import dev.strata.cluster.up.Confirm;

import java.nio.file.Path;
import java.util.Map;
import java.util.Optional;

/** The real seams, as users run them: processes, fabric8, helm-java, JGit, the system clock. */
public final class Lifecycle {

    private Lifecycle() {
    }

    /** {@code $XDG_CACHE_HOME/strata}, else {@code ~/.cache/strata}. */
    public static Path cacheDir() {
        return Optional.ofNullable(System.getenv("XDG_CACHE_HOME")).filter(s -> !s.isBlank()).map(Path::of)
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".cache")).resolve("strata");
    }

    public static Path toolDir() {
        return cacheDir().resolve("bin");
    }

    /** @param toolOverrides explicit executables by tool name (e.g. docker → /opt/docker/bin/docker) */
    public static Seams real(Map<String, Path> toolOverrides) {
        return new Seams(SystemProcessRunner.standard(toolOverrides, toolDir()), Fabric8Kube::forContext, context -> new HelmJava(cacheDir(), context),
                GitPublisher.jgit(), Ticker.system(), new LocalHost(), Confirm.console(), Catalog.bundled());
    }
}
