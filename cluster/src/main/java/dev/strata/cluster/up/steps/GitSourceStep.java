package dev.strata.cluster.up.steps;

import dev.strata.cluster.ClusterException;
import dev.strata.cluster.git.GitRepo;
import dev.strata.cluster.kube.Kube;
import dev.strata.cluster.kube.ResourceRef;
import dev.strata.cluster.up.Fingerprint;
import dev.strata.cluster.up.Step;
import dev.strata.cluster.up.UpContext;

import java.util.Optional;

/**
 * Gives Argo CD its source. With no git URL in the spec (the default), the in-cluster Gitea
 * ({@link GitServerStep}) receives the tree through a port-forward, pushed with JGit as user
 * {@code strata} (push-to-create makes the repository {@code strata/<cluster>}). With a remote URL, the commit is pushed there (credentials
 * from STRATA_GIT_USERNAME / STRATA_GIT_PASSWORD for HTTPS). When the remote moved, every existing
 * Application that reads the repository is asked to refresh, so the change syncs now rather than
 * at Argo CD's next poll.
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
        return ctx.spec().git().inCluster() ? "Pushing the tree to the in-cluster git server" : "Pushing the tree to " + ctx.spec().git().url();
    }

    @Override
    public String fingerprint(UpContext ctx) {
        String head = ctx.seams().git().head(RenderStep.repositoryRoot(ctx)).orElse("");
        return Fingerprint.of(head, ctx.spec().git().url(), ctx.spec().git().branch());
    }

    @Override
    public String execute(UpContext ctx) {
        String branch = ctx.spec().git().branch();
        boolean moved;
        if (ctx.spec().git().inCluster()) {
            Kube kube = ctx.kube();
            String password = kube.secretValue(GITEA_NAMESPACE, GITEA_SECRET, "password")
                    .orElseThrow(() -> new ClusterException("Secret " + GITEA_NAMESPACE + "/" + GITEA_SECRET + " has no password key"));
            try (Kube.PortForward f = kube.portForward(GITEA_NAMESPACE, "gitea-http", 3000)) {
                String url = "http://127.0.0.1:" + f.localPort() + "/" + GITEA_USER + "/" + ctx.spec().cluster().name() + ".git";
                moved = ctx.seams().git().push(RenderStep.repositoryRoot(ctx), url, branch, Optional.of(new GitRepo.Credentials(GITEA_USER, password)));
            }
        } else {
            Optional<GitRepo.Credentials> creds = Optional.ofNullable(System.getenv("STRATA_GIT_USERNAME"))
                    .map(u -> new GitRepo.Credentials(u, Optional.ofNullable(System.getenv("STRATA_GIT_PASSWORD")).orElse("")));
            moved = ctx.seams().git().push(RenderStep.repositoryRoot(ctx), ctx.spec().git().url(), branch, creds);
        }
        if (!moved) {
            return "already up to date";
        }
        // Argo CD polls git every few minutes; a refresh annotation makes it look now.
        var reading = ctx.applications().reading(ctx.facts().repoUrl());
        var existing = ctx.kube().applications().stream().map(a -> a.name()).filter(reading::contains).toList();
        for (String name : existing) {
            ctx.kube().annotate(new ResourceRef("argoproj.io/v1alpha1", "Application", "argocd", name), "argocd.argoproj.io/refresh", "normal");
        }
        return existing.isEmpty() ? "pushed" : "pushed; " + existing.size() + " Applications asked to refresh";
    }
}
