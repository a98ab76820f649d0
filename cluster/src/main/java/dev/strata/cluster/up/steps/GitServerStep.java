package dev.strata.cluster.up.steps;

import dev.strata.cluster.helm.HelmRelease;
import dev.strata.cluster.up.Step;
import dev.strata.cluster.up.UpContext;
import dev.strata.yaml.Yaml;

import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static dev.strata.cluster.up.steps.GitSourceStep.GITEA_NAMESPACE;
import static dev.strata.cluster.up.steps.GitSourceStep.GITEA_SECRET;
import static dev.strata.cluster.up.steps.GitSourceStep.GITEA_USER;

/**
 * The in-cluster git server when the spec names no remote, idpbuilder-style: the catalog's
 * {@code gitea} entry (chart pinned there, SQLite on a 1Gi volume) installed with Helm, plus
 * push-to-create so the first push makes the repository. Its admin password is random and
 * lives only in the Secret {@code gitea/gitea-admin}; an existing Secret is never replaced.
 */
public final class GitServerStep implements Step {

    @Override
    public String id() {
        return "git-server";
    }

    @Override
    public String title(UpContext ctx) {
        return "Installing the in-cluster git server (Gitea)";
    }

    @Override
    public Optional<String> notApplicable(UpContext ctx) {
        return ctx.spec().git().inCluster() ? Optional.empty() : Optional.of("the spec names a git remote (" + ctx.spec().git().url() + ")");
    }

    @Override
    public String fingerprint(UpContext ctx) {
        return HelmSteps.fingerprint(List.of(gitea(ctx)));
    }

    @Override
    public String execute(UpContext ctx) {
        ctx.kube().ensureNamespace(GITEA_NAMESPACE, Map.of());
        ctx.kube().ensureSecret(GITEA_NAMESPACE, GITEA_SECRET, Map.of("username", GITEA_USER, "password", randomPassword()));
        HelmRelease r = gitea(ctx);
        HelmSteps.install(ctx, r);
        return r.chart() + " " + r.version();
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
