package dev.strata.cluster.up.steps;

import dev.strata.cluster.ClusterException;
import dev.strata.cluster.git.GitRepo;
import dev.strata.cluster.helm.HelmRelease;
import dev.strata.cluster.kube.Kube;
import dev.strata.cluster.kube.ResourceRef;
import dev.strata.cluster.up.Fingerprint;
import dev.strata.cluster.up.Step;
import dev.strata.cluster.up.UpContext;
import dev.strata.render.Yaml;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Gives Argo CD its source. With no git URL in the spec (the default), an in-cluster Gitea —
 * the catalog's {@code gitea} entry, installed with Helm like idpbuilder does — receives the
 * tree through a port-forward, pushed with JGit as user {@code strata} (push-to-create makes
 * the repository {@code strata/<cluster>}). Its admin password is random and lives only in the
 * Secret {@code gitea/gitea-admin}. With a remote URL, the commit is pushed there (credentials
 * from STRATA_GIT_USERNAME / STRATA_GIT_PASSWORD for HTTPS). When the remote moved, the root
 * Application is asked to refresh so the change syncs now rather than at the next poll.
 */
public final class GitSourceStep implements Step {

    public static final String GITEA_NAMESPACE = "gitea";
    public static final String GITEA_SECRET = "gitea-admin";
    public static final String GITEA_USER = "strata";

    @Override
    public String id() {
        return "git";
    }

    @Override
    public String title(UpContext ctx) {
        return ctx.spec().git().inCluster() ? "Pushing the tree to the in-cluster git server (Gitea)" : "Pushing the tree to " + ctx.spec().git().url();
    }

    @Override
    public String fingerprint(UpContext ctx) {
        String head = new GitRepo(RenderStep.repositoryRoot(ctx)).head().orElse("");
        return ctx.spec().git().inCluster() ? Fingerprint.of(head, HelmSteps.fingerprint(java.util.List.of(gitea(ctx)))) : Fingerprint.of(head, ctx.spec().git().url());
    }

    @Override
    public String execute(UpContext ctx) {
        String branch = ctx.spec().git().branch();
        boolean moved;
        if (ctx.spec().git().inCluster()) {
            Kube kube = ctx.kube();
            kube.ensureNamespace(GITEA_NAMESPACE, Map.of());
            kube.ensureSecret(GITEA_NAMESPACE, GITEA_SECRET, Map.of("username", GITEA_USER, "password", randomPassword()));
            ctx.seams().helm().upgradeInstall(gitea(ctx));
            String password = kube.secretValue(GITEA_NAMESPACE, GITEA_SECRET, "password")
                    .orElseThrow(() -> new ClusterException("Secret " + GITEA_NAMESPACE + "/" + GITEA_SECRET + " has no password key"));
            try (Kube.PortForward f = kube.portForward(GITEA_NAMESPACE, "gitea-http", 3000)) {
                String url = "http://127.0.0.1:" + f.localPort() + "/" + GITEA_USER + "/" + ctx.spec().cluster().name() + ".git";
                moved = ctx.seams().publisher().push(RenderStep.repositoryRoot(ctx), url, branch, Optional.of(new GitRepo.Credentials(GITEA_USER, password)));
            }
        } else {
            Optional<GitRepo.Credentials> creds = Optional.ofNullable(System.getenv("STRATA_GIT_USERNAME"))
                    .map(u -> new GitRepo.Credentials(u, Optional.ofNullable(System.getenv("STRATA_GIT_PASSWORD")).orElse("")));
            moved = ctx.seams().publisher().push(RenderStep.repositoryRoot(ctx), ctx.spec().git().url(), branch, creds);
        }
        ResourceRef root = new ResourceRef("argoproj.io/v1alpha1", "Application", "argocd", "root");
        if (moved && ctx.kube().get(root).isPresent()) {
            ctx.kube().annotate(root, "argocd.argoproj.io/refresh", "normal");
            return "pushed; Argo CD asked to refresh";
        }
        return moved ? "pushed" : "already up to date";
    }

    /** Gitea as the catalog tunes it, plus push-to-create so that the first push makes the repository. */
    @SuppressWarnings("unchecked")
    static HelmRelease gitea(UpContext ctx) {
        var entry = ctx.seams().catalog().get("gitea");
        var release = entry.releases().getFirst();
        Map<String, Object> values = deepCopy(release.values());
        Map<String, Object> gitea = (Map<String, Object>) values.computeIfAbsent("gitea", k -> new LinkedHashMap<>());
        Map<String, Object> config = (Map<String, Object>) gitea.computeIfAbsent("config", k -> new LinkedHashMap<>());
        config.put("repository", new LinkedHashMap<>(Map.of("ENABLE_PUSH_CREATE_USER", true, "DEFAULT_PUSH_CREATE_PRIVATE", false,
                "DEFAULT_BRANCH", ctx.spec().git().branch())));
        return new HelmRelease(release.name(), entry.namespace(), release.source().repository(), release.source().chart().orElseThrow(),
                release.source().version(), Yaml.dump(values));
    }

    @SuppressWarnings("unchecked")
    private static Map<String, Object> deepCopy(Map<String, Object> m) {
        Map<String, Object> out = new LinkedHashMap<>();
        m.forEach((k, v) -> out.put(k, v instanceof Map<?, ?> mm ? deepCopy((Map<String, Object>) mm) : v));
        return out;
    }

    private static String randomPassword() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
