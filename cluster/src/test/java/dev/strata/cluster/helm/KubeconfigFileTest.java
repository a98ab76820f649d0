package dev.strata.cluster.helm;

import dev.strata.cluster.ClusterException;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class KubeconfigFileTest {

    private static final String CONFIG = """
            apiVersion: v1
            kind: Config
            current-context: work
            contexts:
            - name: work
              context: {cluster: work, user: work}
            - name: kind-lab
              context: {cluster: kind-lab, user: kind-lab}
            """;

    @Test
    void helmGetsTheClustersContextWhateverIsCurrent() {
        assertThat(KubeconfigFile.withCurrentContext(CONFIG, "kind-lab", "~/.kube/config")).contains("current-context: kind-lab").contains("name: work");
    }

    @Test
    void anUnknownContextIsSaidWithTheKnownOnes() {
        assertThatThrownBy(() -> KubeconfigFile.withCurrentContext(CONFIG, "kind-other", "~/.kube/config"))
                .isInstanceOf(ClusterException.class).hasMessage("the kubeconfig ~/.kube/config has no context kind-other; known: [work, kind-lab]");
    }
}
