package dev.strata.cluster;

import dev.strata.catalog.Catalog;
import dev.strata.cluster.doctor.LocalHost;
import dev.strata.cluster.git.GitClient;
import dev.strata.cluster.helm.HelmJava;
import dev.strata.cluster.kube.Fabric8Kube;
import dev.strata.cluster.process.SystemProcessRunner;
import dev.strata.charts.ChartCache;
import dev.strata.cluster.up.Confirm;
import dev.strata.cluster.up.PlatformProof;

import java.nio.file.Path;
import java.util.Map;

/** The real seams, as users run them: processes, fabric8, helm-java, JGit, the system clock. */
public final class Lifecycle {

    private Lifecycle() {
    }

    /** {@code $STRATA_CACHE_DIR}, else {@code $XDG_CACHE_HOME/strata}, else {@code ~/.cache/strata}: one cache for charts, tools and Helm. */
    public static Path cacheDir() {
        return ChartCache.strataCacheDir();
    }

    public static Path toolDir() {
        return cacheDir().resolve("bin");
    }

    /**
     * @param toolOverrides explicit executables by tool name (e.g. docker → /opt/docker/bin/docker)
     * @param proof         the chart pull and deep check {@code up} runs before creating anything
     */
    public static Seams real(Map<String, Path> toolOverrides, PlatformProof proof) {
        return new Seams(SystemProcessRunner.standard(toolOverrides, toolDir()), Fabric8Kube::forContext, context -> new HelmJava(cacheDir(), context),
                GitClient.jgit(), Ticker.system(), new LocalHost(), Confirm.console(), Catalog.bundled(), proof);
    }
}
