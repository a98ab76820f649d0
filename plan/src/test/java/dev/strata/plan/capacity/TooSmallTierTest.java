package dev.strata.plan.capacity;

import dev.strata.plan.Plan;
import dev.strata.plan.Planner;
import dev.strata.spec.SpecLoader;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** A spec whose platform tier is too small fails with the scheduler-style reason. */
class TooSmallTierTest {

    @Test
    void aPlatformTierTooSmallForTheStackIsReportedPodByPod() {
        var spec = SpecLoader.bundled().parse("small.yaml", """
                apiVersion: strata.dev/v1alpha1
                kind: Platform
                metadata: {name: small}
                spec:
                  profile: talos-ambient
                  cluster:
                    nodes:
                      - {name: control-plane, role: control-plane, count: 1, capacity: {cpu: "2", memory: 4Gi}}
                      - name: platform
                        role: worker
                        tier: platform
                        capacity: {cpu: "1", memory: 1Gi}
                        taints: [{key: strata.dev/tier, value: platform, effect: NoSchedule}]
                      - {name: apps, role: worker, tier: apps, count: 2, capacity: {cpu: "2", memory: 4Gi}}
                """);
        Plan plan = Planner.bundled().plan(spec, Scenario.REPLICAS);
        assertThat(plan.fits()).isFalse();
        assertThat(plan.capacity().unschedulable()).isNotEmpty().allSatisfy(u -> assertThat(u.reason())
                .matches("0/4 nodes available: .*")
                .contains("1 untolerated taint node-role.kubernetes.io/control-plane")
                .contains("2 didn't match node selector strata.dev/tier=platform")
                .containsPattern("1 insufficient (cpu|memory) \\(needs [0-9.]+(m|Mi|Gi)?, free [0-9.]+(m|Mi|Gi|Ki)?\\)"));
    }
}
