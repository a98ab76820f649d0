package dev.strata.cluster.helm;

import com.marcnuri.helm.Helm;
import dev.strata.cluster.ClusterException;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Optional;

/**
 * Helm in-process (helm-java: Helm's Go library through JNI), no helm binary needed. Talks to
 * the kubeconfig's current context — the one {@code up} just created or confirmed. Chart
 * repositories are registered in a repository file inside Strata's cache, not the user's.
 */
public final class HelmJava implements dev.strata.cluster.helm.Helm {

    private static final int TIMEOUT_SECONDS = 600;
    private final Path repositoryConfig;
    private final Path work;
    private final Optional<String> kubeconfig;

    /**
     * @param context the kubeconfig context to install into; empty: the current one. A context is
     *                passed as a copy of the user's kubeconfig with that context current, so that
     *                a context switched in another terminal cannot redirect the install.
     */
    public HelmJava(Path cacheDir, Optional<String> context) {
        this.repositoryConfig = cacheDir.resolve("helm/repositories.yaml");
        this.work = cacheDir.resolve("helm/values");
        this.kubeconfig = context.map(KubeconfigFile::withCurrentContext);
    }

    @Override
    public void upgradeInstall(HelmRelease r) {
        try {
            Files.createDirectories(work);
            Files.createDirectories(repositoryConfig.getParent());
            Path values = work.resolve(r.namespace() + "-" + r.name() + ".yaml");
            Files.writeString(values, r.values());
            String ref = r.chart();
            if (!r.repository().startsWith("oci://")) {
                String repoName = "strata-" + r.name();
                Helm.repo().add().withRepositoryConfig(repositoryConfig).withName(repoName).withUrl(URI.create(r.repository())).call();
                ref = repoName + "/" + r.chart();
            } else {
                ref = r.repository().replaceAll("/$", "") + "/" + r.chart();
            }
            var upgrade = Helm.upgrade(ref).install().withName(r.name()).withNamespace(r.namespace()).createNamespace()
                    .withVersion(r.version()).withValuesFile(values).withRepositoryConfig(repositoryConfig)
                    .waitReady().withTimeout(TIMEOUT_SECONDS);
            kubeconfig.ifPresent(upgrade::withKubeConfigContents);
            upgrade.call();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (IllegalStateException e) {
            throw new ClusterException("installing " + r + ": " + e.getMessage());
        }
    }

    @Override
    public void uninstall(String name, String namespace) {
        try {
            var uninstall = Helm.uninstall(name).withNamespace(namespace).ignoreNotFound();
            kubeconfig.ifPresent(uninstall::withKubeConfigContents);
            uninstall.call();
        } catch (IllegalStateException e) {
            throw new ClusterException("uninstalling " + name + " from namespace " + namespace + ": " + e.getMessage());
        }
    }

    @Override
    public Optional<String> installedVersion(String name, String namespace) {
        try {
            var list = Helm.list().withNamespace(namespace);
            kubeconfig.ifPresent(list::withKubeConfigContents);
            return list.call().stream().filter(rel -> rel.getName().equals(name))
                    .map(rel -> rel.getChart().replaceFirst("^.*-(?=[0-9])", "")).findFirst();
        } catch (IllegalStateException e) {
            throw new ClusterException("listing Helm releases in namespace " + namespace + ": " + e.getMessage());
        }
    }
}
