package dev.strata.plan.capacity;

import dev.strata.catalog.Resources;
import dev.strata.charts.render.HelmTemplate;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Pods read from rendered manifests the way the scheduler and Argo CD see them. */
class ChartPodsTest {

    private static List<ChartPods.Template> read(String yaml) {
        return ChartPods.templates(List.of(new HelmTemplate.Part("chart/templates/x.yaml", yaml)), "release-ns");
    }

    @Test
    void aPodRequestsTheSumOfItsContainersAndNativeSidecarsOrItsLargestInitStepIfBigger() {
        // Kubernetes: effective init request = init container + the sidecars (restartPolicy: Always) started before it;
        // the pod requests max(containers + sidecars, largest effective init request).
        List<ChartPods.Template> t = read("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  replicas: 2
                  template:
                    spec:
                      initContainers:
                        - name: proxy
                          restartPolicy: Always
                          resources: {requests: {cpu: 20m, memory: 48Mi}}
                        - name: migrate
                          resources: {requests: {cpu: 500m, memory: 32Mi}}
                      containers:
                        - name: app
                          resources: {requests: {cpu: 100m, memory: 128Mi}, limits: {cpu: "1", memory: 256Mi}}
                        - name: limits-only
                          resources: {limits: {cpu: 50m, memory: 64Mi}}
                """);
        assertThat(t).singleElement().satisfies(w -> {
            assertThat(w.requests()).isEqualTo(Resources.of("520m", "240Mi")); // cpu: proxy+migrate; memory: app+limits-only+proxy
            assertThat(w.limits().memory()).isEqualTo(Resources.of("0", "320Mi").memory());
            assertThat(w.replicas()).isEqualTo(2);
            assertThat(w.namespace()).isEqualTo("release-ns");
            assertThat(w.pods("c")).extracting(PodRequest::name).containsExactly("web-1", "web-2");
        });
    }

    @Test
    void jobsCronJobsAndSyncHooksCompleteWhileTestHooksNeverRunAndDeleteHooksRunAtDeletion() {
        List<ChartPods.Template> t = read("""
                apiVersion: batch/v1
                kind: Job
                metadata: {name: migrate, annotations: {helm.sh/hook: pre-install}}
                spec: {template: {spec: {containers: [{name: m, resources: {requests: {cpu: 10m, memory: 16Mi}}}]}}}
                ---
                apiVersion: v1
                kind: Pod
                metadata: {name: smoke-test, annotations: {helm.sh/hook: test}}
                spec: {containers: [{name: t}]}
                ---
                apiVersion: batch/v1
                kind: Job
                metadata: {name: cleanup, annotations: {helm.sh/hook: pre-delete}}
                spec: {template: {spec: {containers: [{name: c}]}}}
                ---
                apiVersion: batch/v1
                kind: CronJob
                metadata: {name: prune, namespace: other}
                spec: {jobTemplate: {spec: {template: {spec: {containers: [{name: p, resources: {requests: {cpu: 5m, memory: 8Mi}}}]}}}}}
                ---
                apiVersion: apps/v1
                kind: DaemonSet
                metadata: {name: agent}
                spec: {template: {spec: {containers: [{name: a, resources: {requests: {cpu: 5m, memory: 8Mi}}}]}}}
                """);
        assertThat(t).extracting(ChartPods.Template::name).containsExactly("migrate", "cleanup", "prune", "agent");
        assertThat(t).filteredOn(ChartPods.Template::completes).extracting(ChartPods.Template::name)
                .containsExactly("migrate", "cleanup", "prune");
        assertThat(t.get(2).namespace()).isEqualTo("other");
        assertThat(t.get(2).requests()).isEqualTo(Resources.of("5m", "8Mi"));
        assertThat(t.get(0).pods("c")).singleElement().extracting(PodRequest::category).isEqualTo(PodCategory.JOB);
        assertThat(t.get(3).pods("c")).singleElement().satisfies(p -> {
            assertThat(p.perNode()).isTrue();
            assertThat(p.category()).isEqualTo(PodCategory.COMPONENT);
        });
    }

    @Test
    void placementIsTheTemplatesOwnSelectorTolerationsAndHostnameAntiAffinity() {
        List<ChartPods.Template> t = read("""
                apiVersion: apps/v1
                kind: StatefulSet
                metadata: {name: db}
                spec:
                  replicas: 3
                  template:
                    spec:
                      nodeSelector: {strata.dev/tier: platform}
                      tolerations: [{key: strata.dev/tier, operator: Equal, value: platform, effect: NoSchedule}]
                      affinity:
                        podAntiAffinity:
                          requiredDuringSchedulingIgnoredDuringExecution:
                            - topologyKey: kubernetes.io/hostname
                      containers: [{name: db}]
                ---
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: off}
                spec: {replicas: 0, template: {spec: {containers: [{name: x}]}}}
                """);
        assertThat(t).singleElement().satisfies(w -> {
            assertThat(w.nodeSelector()).isEqualTo(Map.of("strata.dev/tier", "platform"));
            assertThat(w.tolerations()).containsExactly(new Toleration("strata.dev/tier", false, "platform", "NoSchedule"));
            assertThat(w.pods("c")).extracting(PodRequest::name).containsExactly("db-0", "db-1", "db-2");
            assertThat(w.pods("c").get(0).antiAffinity()).contains("release-ns/db");
        });
    }

    @Test
    void theImagesAPodRunsAreCollectedInitContainersFirstOnceEach() {
        assertThat(read("""
                apiVersion: apps/v1
                kind: Deployment
                metadata: {name: web}
                spec:
                  template:
                    spec:
                      initContainers: [{name: copy, image: "busybox:1.37.0"}]
                      containers:
                        - {name: web, image: "quay.io/org/web:v1.2.3"}
                        - {name: proxy, image: "busybox:1.37.0"}
                """)).singleElement().extracting(ChartPods.Template::images).asList()
                .containsExactly("busybox:1.37.0", "quay.io/org/web:v1.2.3");
    }

    @Test
    void crdsAndOtherKindsAreNotReadAsPods() {
        assertThat(read("""
                apiVersion: apiextensions.k8s.io/v1
                kind: CustomResourceDefinition
                metadata: {name: deployments.example.org}
                spec:
                  names: {kind: Deployment}
                ---
                apiVersion: v1
                kind: ConfigMap
                metadata: {name: c}
                data: {x: "kind: Deployment"}
                """)).isEmpty();
    }
}
