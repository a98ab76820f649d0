package dev.strata.cluster.ops;

import dev.strata.cluster.ClusterException;
import dev.strata.cluster.fakes.Lab;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TeardownTest {

    @TempDir
    Path dir;

    @Test
    void aKindClusterIsDeletedOnlyAfterConfirmation() {
        Lab lab = new Lab(dir, "kind-lab", s -> s);
        lab.runner.answer("kind get clusters", 0, "kind-lab\n", "");
        lab.answer = false;
        StringWriter out = new StringWriter();
        Teardown down = new Teardown(lab.seams());

        assertThatThrownBy(() -> down.run(lab.spec(), false, new PrintWriter(out, true)))
                .isInstanceOf(ClusterException.class).hasMessageStartingWith("not confirmed: nothing was deleted");
        assertThat(out.toString()).contains("strata down will:\n  - delete the kind cluster kind-lab");
        assertThat(lab.runner.writes()).isEmpty();

        lab.answer = true;
        down.run(lab.spec(), false, new PrintWriter(out, true));
        assertThat(lab.runner.writes()).containsExactly("kind delete cluster --name kind-lab");
    }

    @Test
    void yesSkipsTheQuestion() {
        Lab lab = new Lab(dir, "kind-lab", s -> s);
        lab.runner.answer("kind get clusters", 0, "kind-lab\n", "");
        new Teardown(lab.seams()).run(lab.spec(), true, new PrintWriter(new StringWriter(), true));
        assertThat(lab.questions).isEmpty();
        assertThat(lab.runner.writes()).containsExactly("kind delete cluster --name kind-lab");
    }

    @Test
    void anExistingClusterLosesWhatStrataInstalledInReverseOrderAndKeepsItself() {
        Lab lab = new Lab(dir, "kind-lab", s -> s.replace("provider: kind", "provider: existing").replace("cilium: {}", "cilium: {enabled: false}"));
        lab.kube.objects.put("Application/argocd/root", Map.of());
        // Argo CD's finalizer takes a while to prune the children; Argo CD must stay until the root is gone.
        int[] polls = {0};
        lab.ticker.onSleep(() -> {
            if (++polls[0] == 2) {
                lab.kube.objects.remove("Application/argocd/root");
            }
        });
        lab.kube.objects.put("Application/argocd/root", Map.of("metadata", Map.of("finalizers", java.util.List.of("resources-finalizer.argocd.argoproj.io"))));
        FakeKubeKeepingRoot.install(lab);
        StringWriter out = new StringWriter();

        new Teardown(lab.seams()).run(lab.spec(), true, new PrintWriter(out, true));

        assertThat(lab.journal).containsExactly("kube delete Application argocd/root", "kube delete AppProject argocd/bootstrap",
                "helm uninstall gitea", "kube delete Secret gitea/gitea-admin", "helm uninstall argocd");
        assertThat(polls[0]).isEqualTo(2);
        assertThat(lab.runner.writes()).isEmpty();
        assertThat(out.toString()).endsWith("Uninstalled argocd. The cluster itself is yours and stays.\n");
    }

    /** The fake's delete removes at once; a real root with a finalizer stays until Argo CD has pruned. */
    static final class FakeKubeKeepingRoot {
        static void install(Lab lab) {
            lab.kube.deleteKeeps.add("Application/argocd/root");
        }
    }

    @Test
    void aMissingClusterIsNothingToDelete() {
        Lab lab = new Lab(dir, "kind-lab", s -> s);
        StringWriter out = new StringWriter();
        new Teardown(lab.seams()).run(lab.spec(), true, new PrintWriter(out, true));
        assertThat(out.toString()).contains("does not exist; nothing to delete");
        assertThat(lab.runner.writes()).isEmpty();
    }
}
