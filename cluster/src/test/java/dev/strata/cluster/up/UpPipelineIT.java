package dev.strata.cluster.up;

import dev.strata.cluster.ClusterException;
import dev.strata.cluster.fakes.Lab;
import dev.strata.cluster.kube.AppStatus;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * `strata up` end to end over fake seams: each run renders a whole profile, commits it with JGit into a real
 * repository on disk and walks every step, a few seconds per case, so it runs with the integration tests.
 */
class UpPipelineIT {

    @TempDir
    Path dir;

    private static List<String> stepLines(String output) {
        return output.lines().filter(l -> l.startsWith(" ✓") || l.startsWith(" -") || l.startsWith(" ✗")).toList();
    }

    @Test
    void aFreshRunDoesEveryStepInOrderAndSkipsWhatDoesNotApply() throws Exception {
        Lab lab = new Lab(dir, "kind-lab", s -> s);
        var outcomes = Up.run(lab.context());

        assertThat(outcomes).extracting(Pipeline.Outcome::step)
                .containsExactly("doctor", "render", "prove", "cluster", "images", "image", "cni", "secrets", "argocd", "git-server", "git", "bootstrap", "wait");
        assertThat(stepLines(lab.output.toString())).satisfiesExactly(
                l -> assertThat(l).startsWith(" ✓ Checking this machine (doctor)"),
                l -> assertThat(l).startsWith(" ✓ Rendering and committing the GitOps tree"),
                l -> assertThat(l).startsWith(" ✓ Proving the platform with its charts (pull, then check --deep)"),
                l -> assertThat(l).startsWith(" ✓ Creating the kind cluster kind-lab"),
                l -> assertThat(l).startsWith(" ✓ Loading the platform's images into kind (each pulled once on this machine) (3 images: "
                        + "0 from this machine's cache, 2 pulled, 2 loaded into the nodes; 1 pinned by digest left to the nodes"),
                l -> assertThat(l).startsWith(" ✓ Loading the sample API image into kind"),
                l -> assertThat(l).startsWith(" ✓ Installing the CNI (Cilium"),
                l -> assertThat(l).startsWith(" ✓ Creating the platform's Secrets (never in git)"),
                l -> assertThat(l).startsWith(" ✓ Installing Argo CD"),
                l -> assertThat(l).startsWith(" ✓ Installing the in-cluster git server (Gitea)"),
                l -> assertThat(l).startsWith(" ✓ Pushing the tree to the in-cluster git server"),
                l -> assertThat(l).startsWith(" ✓ Applying the root Application (2 objects"),
                l -> assertThat(l).startsWith(" ✓ Waiting for every Application to be Synced and Healthy"));
        assertThat(lab.runner.writes()).containsExactly("kind create cluster --name kind-lab --config " + dir.resolve("clusters/kind-lab/kind.yaml").toAbsolutePath(),
                "docker pull --quiet docker.io/grafana/grafana:12.3.0", "docker pull --quiet quay.io/argoproj/argocd:v3.4.4",
                "kind load docker-image --name kind-lab docker.io/grafana/grafana:12.3.0 quay.io/argoproj/argocd:v3.4.4",
                "kind load image-archive " + lab.imageArchive + " --name kind-lab");
        assertThat(lab.helm.calls).containsExactly("install cilium", "install argocd", "install gitea");
        assertThat(lab.kube.writes).containsExactly("create namespace gitea", "create secret gitea/gitea-admin",
                "create namespace monitoring", "create secret monitoring/grafana-admin",
                "apply AppProject argocd/bootstrap", "apply Application argocd/root");
        assertThat(lab.journal.indexOf("prove")).as("the proof runs before anything is installed").isZero();
        assertThat(lab.publisher.pushes).singleElement().asString().startsWith("http://127.0.0.1:43000/strata/kind-lab.git main ").endsWith(" as strata");
        assertThat(dir.resolve("bootstrap/root.yaml")).exists();
        assertThat(dir.resolve(".git")).isDirectory();
        assertThat(dir.resolve(UpState.FILE)).exists();
        try (var git = org.eclipse.jgit.api.Git.open(dir.toFile())) {
            var status = git.status().call();
            assertThat(status.getUntracked()).as("up's local state is ignored, not left untracked").isEmpty();
            var repo = git.getRepository();
            var head = repo.parseCommit(repo.resolve("HEAD"));
            for (String committed : List.of(".strata/rendered-files.txt", ".strata/.gitignore", "platform.yaml", "bootstrap/root.yaml")) {
                assertThat(org.eclipse.jgit.treewalk.TreeWalk.forPath(repo, committed, head.getTree())).as(committed).isNotNull();
            }
            assertThat(org.eclipse.jgit.treewalk.TreeWalk.forPath(repo, UpState.FILE, head.getTree())).as("never committed").isNull();
        }
    }

    @Test
    void aStateFileWhereEarlierVersionsKeptItIsMovedToTheLocalHalf() throws Exception {
        Lab lab = new Lab(dir, "kind-lab", s -> s);
        Up.run(lab.context());
        Path local = dir.resolve(UpState.FILE);
        Path old = dir.resolve(".strata/up-state.json");
        Files.move(local, old);
        lab.runner.answer("kind get clusters", 0, "kind-lab\n", ""); // the cluster the first run created
        lab.clearRecords();
        Up.run(lab.context());
        assertThat(lab.writes()).as("the moved state still says every step is done").isZero();
        assertThat(old).doesNotExist();
        assertThat(local).exists();
    }

    @Test
    void anErrorTheProofFindsStopsUpBeforeAnyClusterExistsAndTheNextRunProvesAgain() throws Exception {
        Lab lab = new Lab(dir, "kind-lab", s -> s);
        lab.proofErrors.add("platform/observability/kube-prometheus-stack/values.yaml:12: kyverno-enforce-denied: refused");

        assertThatThrownBy(() -> Up.run(lab.context())).isInstanceOf(dev.strata.cluster.ClusterException.class)
                .hasMessageContaining("1 error before any cluster was created (see strata check --deep)")
                .satisfies(e -> assertThat(((dev.strata.cluster.ClusterException) e).evidence())
                        .containsExactly("platform/observability/kube-prometheus-stack/values.yaml:12: kyverno-enforce-denied: refused"));
        assertThat(lab.runner.writes()).as("no cluster created").isEmpty();
        assertThat(lab.helm.calls).isEmpty();
        assertThat(lab.kube.writes).isEmpty();
        assertThat(UpState.load(dir).failedStep()).contains("prove");

        lab.proofErrors.clear();
        Up.run(lab.context());
        assertThat(lab.proofs).isEqualTo(2);
        assertThat(lab.runner.writes()).first().asString().startsWith("kind create cluster");
        try (var git = org.eclipse.jgit.api.Git.open(dir.toFile())) {
            var repo = git.getRepository();
            var head = repo.parseCommit(repo.resolve("HEAD"));
            assertThat(org.eclipse.jgit.treewalk.TreeWalk.forPath(repo, "charts.lock", head.getTree()))
                    .as("charts.lock committed with the tree").isNotNull();
        }
    }

    @Test
    void theCniAndArgoCdAreInstalledWithTheRenderedValues() {
        Lab lab = new Lab(dir, "kind-lab", s -> s);
        UpContext ctx = lab.context();
        Up.run(ctx);
        // the same values as the committed values files (which carry a comment header besides)
        assertThat(Manifests.parseMap(lab.helm.installed.get(0).values())).isEqualTo(Manifests.parseMap(ctx.tree().get("platform/network/cilium/values.yaml")));
        assertThat(Manifests.parseMap(lab.helm.installed.get(1).values())).isEqualTo(Manifests.parseMap(ctx.tree().get("bootstrap/argo-cd/values.yaml")));
        assertThat(lab.helm.installed.get(1).values()).contains("resource.customizations.health.argoproj.io_Application");
        assertThat(lab.helm.installed.get(2).values()).contains("ENABLE_PUSH_CREATE_USER: true").contains("existingSecret: gitea-admin");
    }

    @Test
    void aSecondRunWithNothingChangedWritesNothing() {
        Lab lab = new Lab(dir, "kind-lab", s -> s);
        Up.run(lab.context());
        lab.runner.answer("kind get clusters", 0, "kind-lab\n", "");
        lab.clearRecords();

        Up.run(lab.context());

        assertThat(lab.writes()).isZero();
        assertThat(lab.output.toString()).contains("Creating the kind cluster kind-lab: skipped, unchanged since the last run")
                .contains("Installing Argo CD: skipped, unchanged since the last run")
                .contains("✓ Waiting for every Application");
    }

    @Test
    void aChangedSpecIsRenderedCommittedPushedAndSynced() throws Exception {
        Lab lab = new Lab(dir, "kind-lab", s -> s);
        Up.run(lab.context());
        lab.runner.answer("kind get clusters", 0, "kind-lab\n", "");
        String before = new dev.strata.cluster.git.GitRepo(dir).head().orElseThrow();
        lab.clearRecords();

        lab.edit(s -> s.replace("alloy: {}", "alloy: {enabled: false}"));
        Up.run(lab.context());

        assertThat(new dev.strata.cluster.git.GitRepo(dir).head().orElseThrow()).isNotEqualTo(before);
        assertThat(dir.resolve("argocd/platform/application-alloy.yaml")).doesNotExist();
        assertThat(lab.publisher.pushes).hasSize(1);
        assertThat(lab.kube.writes).contains("annotate Application argocd/root argocd.argoproj.io/refresh=normal",
                "annotate Application argocd/cilium argocd.argoproj.io/refresh=normal").allMatch(w -> w.startsWith("annotate Application argocd/"));
        assertThat(lab.runner.writes()).isEmpty();
        assertThat(lab.helm.calls).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"cluster", "cni", "argocd", "git-server", "git", "bootstrap", "wait"})
    void anInterruptedRunResumesAtTheStepThatFailed(String failing) {
        Lab lab = new Lab(dir, "kind-lab", s -> s);
        switch (failing) {
            case "cluster" -> lab.runner.answer("kind create cluster", 1, "", "ERROR: failed to create cluster: node(s) already exist\n");
            case "cni" -> lab.helm.failOnce.add("cilium");
            case "argocd" -> lab.helm.failOnce.add("argocd");
            case "git-server" -> lab.helm.failOnce.add("gitea");
            case "git" -> lab.publisher.failOnce = true;
            case "bootstrap" -> lab.kube.failApplyOnce = true;
            case "wait" -> lab.options = new UpOptions(false, java.time.Duration.ofSeconds(30), java.util.Optional.of(lab.imageArchive));
            default -> throw new IllegalArgumentException(failing);
        }
        var appsHealthy = lab.kube.applications;
        if (failing.equals("wait")) {
            lab.kube.applications = () -> List.of(new AppStatus("root", 0, "Synced", "Progressing", "", List.of()));
        }
        UpContext first = lab.context();
        assertThatThrownBy(() -> Up.run(first)).isInstanceOf(ClusterException.class);
        assertThat(UpState.load(dir).failedStep()).contains(failing);

        lab.runner.answer("kind create cluster", 0, "", "");
        lab.runner.answer("kind get clusters", 0, failing.equals("cluster") ? "" : "kind-lab\n", "");
        lab.kube.applications = appsHealthy;
        lab.clearRecords();
        var outcomes = Up.run(lab.context());

        List<String> order = List.of("cluster", "cni", "argocd", "git-server", "git", "bootstrap", "wait");
        for (var o : outcomes) {
            if (order.indexOf(o.step()) >= 0 && order.indexOf(o.step()) < order.indexOf(failing)) {
                assertThat(o.status()).as(o.step() + " finished before the failure").isEqualTo(Pipeline.Outcome.Status.UNCHANGED);
            }
            if (o.step().equals(failing)) {
                assertThat(o.status()).isEqualTo(Pipeline.Outcome.Status.DONE);
            }
        }
        assertThat(UpState.load(dir).failedStep()).isEmpty();
        switch (failing) {
            case "cluster" -> assertThat(lab.runner.writes()).first().asString().startsWith("kind create cluster");
            case "cni" -> assertThat(lab.helm.calls).startsWith("install cilium");
            case "argocd" -> assertThat(lab.helm.calls).startsWith("install argocd");
            case "git-server" -> assertThat(lab.helm.calls).containsExactly("install gitea");
            case "git" -> assertThat(lab.publisher.pushes).hasSize(1);
            case "bootstrap" -> assertThat(lab.kube.writes).containsExactly("apply AppProject argocd/bootstrap", "apply Application argocd/root");
            case "wait" -> assertThat(lab.writes()).isZero();
            default -> throw new IllegalArgumentException(failing);
        }
        if (!failing.equals("cluster")) {
            assertThat(lab.runner.writes()).isEmpty();
        }
    }

    @Test
    void doctorStopsTheRunBeforeAnythingIsTouched() {
        Lab lab = new Lab(dir, "kind-lab", s -> s);
        lab.runner.answer("docker version", 127, "", "docker: not found (looked in /nowhere/docker)");

        assertThatThrownBy(() -> Up.run(lab.context())).isInstanceOf(ClusterException.class)
                .hasMessageContaining("doctor found 1 problem")
                .satisfies(e -> assertThat(((ClusterException) e).evidence()).singleElement().asString()
                        .startsWith("docker-missing: docker: not found").contains("fix: install Docker"));
        assertThat(lab.writes()).isZero();
        assertThat(dir.resolve("bootstrap")).doesNotExist();
    }

    @Test
    void anExistingClusterIsUsedOnlyAfterConfirmation() {
        Lab lab = new Lab(dir, "kind-lab", s -> s.replace("provider: kind", "provider: existing").replace("cilium: {}", "cilium: {enabled: false}"));
        lab.answer = false;
        assertThatThrownBy(() -> Up.run(lab.context())).hasMessageContaining("not confirmed: nothing was installed into context fake")
                .hasMessageContaining("--yes");
        assertThat(lab.questions).containsExactly("Install the platform into context fake?");
        assertThat(lab.helm.calls).isEmpty();

        lab.questions.clear();
        lab.options = new UpOptions(true, java.time.Duration.ofMinutes(20), java.util.Optional.of(lab.imageArchive));
        Up.run(lab.context());
        assertThat(lab.questions).isEmpty();
        assertThat(lab.runner.writes()).isEmpty();
        assertThat(lab.output.toString()).contains("Installing the CNI").contains("the spec has no CNI component").doesNotContain("kind create");
    }

    @Test
    void withNoArchiveGivenTheImageIsBuiltFromTheCheckoutWithJibThenLoaded(@TempDir Path checkout) throws Exception {
        Lab lab = new Lab(dir, "kind-lab", s -> s);
        Path built = checkout.resolve("sample-api/target/sample-api-image.tar");
        lab.runner.answer(checkout.resolve("mvnw").toString(), cmd -> {
            try {
                Files.createDirectories(built.getParent());
                Files.writeString(built, "tar");
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            return new dev.strata.cluster.process.ProcessResult(cmd, 0, "", "");
        });
        lab.options = new UpOptions(false, java.time.Duration.ofMinutes(20), java.util.Optional.empty(), java.util.Optional.of(checkout));

        Up.run(lab.context());

        assertThat(lab.runner.commands).anySatisfy(c -> assertThat(c).startsWith(checkout.resolve("mvnw") + " -q -B -f " + checkout.resolve("pom.xml"))
                .endsWith("-pl sample-api -am -DskipTests package jib:buildTar"));
        assertThat(lab.runner.writes()).contains("kind load image-archive " + built + " --name kind-lab");
        assertThat(lab.output.toString()).contains("built, sample-api-image.tar");
    }

    @Test
    void withNoArchiveAndNoCheckoutToBuildItDoctorStopsUpNeverASilentSkip() {
        Lab lab = new Lab(dir, "kind-lab", s -> s);
        lab.options = new UpOptions(false, java.time.Duration.ofMinutes(20), java.util.Optional.empty(), java.util.Optional.empty());
        assertThatThrownBy(() -> Up.run(lab.context())).isInstanceOf(dev.strata.cluster.ClusterException.class)
                .satisfies(e -> assertThat(((dev.strata.cluster.ClusterException) e).evidence())
                        .anySatisfy(l -> assertThat(l).startsWith("app-image-missing: no sample API image at")));
        assertThat(lab.runner.writes()).isEmpty();
    }

    @Test
    void imagesAlreadyOnThisMachineAreLoadedWithoutAPullAndOneThatCannotBePulledIsLeftToTheNodes() {
        Lab lab = new Lab(dir, "kind-lab", s -> s);
        lab.runner.answer("docker image inspect --format {{.Id}} docker.io/grafana/grafana:12.3.0", 0, "sha256:aa\n", "");
        lab.runner.answer("docker pull --quiet quay.io/argoproj/argocd:v3.4.4", 1, "", "toomanyrequests: You have reached your pull rate limit\n");
        Up.run(lab.context());
        assertThat(lab.runner.writes()).filteredOn(c -> c.startsWith("docker pull") || c.startsWith("kind load docker-image"))
                .containsExactly("docker pull --quiet quay.io/argoproj/argocd:v3.4.4",
                        "kind load docker-image --name kind-lab docker.io/grafana/grafana:12.3.0");
        assertThat(lab.output.toString()).contains("warning: quay.io/argoproj/argocd:v3.4.4 could not be pulled here (toomanyrequests")
                .contains("1 from this machine's cache, 0 pulled, 1 loaded into the nodes; 1 pinned by digest left to the nodes; 1 not pullable here");
    }

    @Test
    void aKindArchiveIsLoadedWhenPresent(@TempDir Path build) throws Exception {
        Lab lab = new Lab(dir, "kind-lab", s -> s);
        Path tar = Files.writeString(build.resolve("sample-api-image.tar"), "tar");
        lab.options = new UpOptions(false, java.time.Duration.ofMinutes(20), java.util.Optional.of(tar));
        Up.run(lab.context());
        assertThat(lab.runner.writes()).contains("kind load image-archive " + tar + " --name kind-lab");
    }

    @Test
    void theSummaryGivesDurationsUrlsAndSecretNamesButNeverAPassword() {
        Lab lab = new Lab(dir, "kind-lab", s -> s);
        UpContext ctx = lab.context();
        var outcomes = Up.run(ctx);
        java.io.StringWriter out = new java.io.StringWriter();
        Up.summary(ctx, outcomes, "", new java.io.PrintWriter(out, true));

        String password = lab.kube.secretValue("gitea", "gitea-admin", "password").orElseThrow();
        assertThat(password).hasSize(36);
        assertThat(out.toString())
                .contains("Platform kind-lab is up")
                .containsPattern("doctor \\d+s · render \\d+s · prove \\d+s · cluster \\d+s · images \\d+s · image \\d+s · cni \\d+s · secrets")
                .contains("https://sample-api-dev.kind-lab.localhost/", "https://sample-api-prod.kind-lab.localhost/")
                .contains("Secret argocd/argocd-initial-admin-secret", "Secret monitoring/grafana-admin", "Secret gitea/gitea-admin")
                .contains("strata verify")
                .doesNotContain(password);
        assertThat(lab.output.toString()).doesNotContain(password);
    }

    @Test
    void aSpecInsideAnotherRepositoryMustSayWhereTheTreeIs(@TempDir Path outer) throws Exception {
        org.eclipse.jgit.api.Git.init().setDirectory(outer.toFile()).setInitialBranch("main").call().close();
        Path lab = Files.createDirectories(outer.resolve("labs/kind"));
        Lab l = new Lab(lab, "kind-lab", s -> s);
        assertThatThrownBy(() -> Up.run(l.context())).isInstanceOf(ClusterException.class)
                .hasMessageEndingWith("set spec.git.path to \"labs/kind\" so that Argo CD finds the tree there");

        l.edit(s -> s.replace("branch: main", "branch: main\n    path: labs/kind"));
        Up.run(l.context());
        assertThat(lab.resolve(".git")).doesNotExist();
        assertThat(new dev.strata.cluster.git.GitRepo(outer).head()).isPresent();
        assertThat(l.publisher.pushes).hasSize(1);
    }

    @Test
    void aFailedChartInstallComesWithTheFailingPodsOfItsNamespace() {
        Lab lab = new Lab(dir, "kind-lab", s -> s);
        lab.helm.failOnce.add("argocd");
        lab.kube.pods.put("argocd", List.of(new dev.strata.cluster.kube.PodStatus("argocd", "argocd-server-5c8d-x1", "", "Pending", false, 0, "", "ReplicaSet")));
        lab.kube.events.put("argocd/argocd-server-5c8d-x1", List.of("FailedScheduling: 0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector."));

        assertThatThrownBy(() -> Up.run(lab.context())).isInstanceOf(ClusterException.class)
                .hasMessageContaining("installing argocd")
                .satisfies(e -> assertThat(((ClusterException) e).evidence()).containsExactly(
                        "pod argocd/argocd-server-5c8d-x1: Pending, not scheduled",
                        "    event FailedScheduling: 0/2 nodes are available: 2 node(s) didn't match Pod's node affinity/selector."));
    }
}
