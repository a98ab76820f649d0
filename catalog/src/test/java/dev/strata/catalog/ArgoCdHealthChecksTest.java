package dev.strata.catalog;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import org.junit.jupiter.api.Test;
import org.luaj.vm2.Globals;
import org.luaj.vm2.LuaTable;
import org.luaj.vm2.LuaValue;
import org.luaj.vm2.lib.jse.JsePlatform;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The Lua health checks the catalog gives Argo CD, run against the states Argo CD 3.x really writes.
 * Argo CD runs them in gopher-lua with the base and table libraries, the resource as the global
 * {@code obj} (util/lua/lua.go); luaj stands in for it here. The states come from the upstream
 * source: controller/health.go after PR #25962 (issue #27917: a child whose resources failed to
 * apply reads Healthy), controller/appcontroller.go (retries keep the operation Running), and
 * gitops-engine pkg/health/health_hpa.go (an HPA without metrics yet).
 */
class ArgoCdHealthChecksTest {

    private static final Map<?, ?> CM = (Map<?, ?>) ((Map<?, ?>) Catalog.bundled().get("argo-cd").releases().getFirst()
            .values().get("configs")).get("cm");
    private static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());

    /** {status, message} the script returns for the object given as YAML. */
    private static String[] health(String check, String objectYaml) throws Exception {
        Globals lua = JsePlatform.standardGlobals();
        lua.set("obj", toLua(YAML.readValue(objectYaml, Object.class)));
        LuaValue hs = lua.load((String) CM.get(check), check).call();
        return new String[] {hs.get("status").tojstring(), hs.get("message").tojstring()};
    }

    private static LuaValue toLua(Object o) {
        if (o instanceof Map<?, ?> m) {
            LuaTable t = new LuaTable();
            m.forEach((k, v) -> t.set(String.valueOf(k), toLua(v)));
            return t;
        }
        if (o instanceof List<?> l) {
            LuaTable t = new LuaTable();
            for (int i = 0; i < l.size(); i++) {
                t.set(i + 1, toLua(l.get(i)));
            }
            return t;
        }
        if (o instanceof Boolean b) {
            return LuaValue.valueOf(b);
        }
        if (o instanceof Number n) {
            return LuaValue.valueOf(n.doubleValue());
        }
        return o == null ? LuaValue.NIL : LuaValue.valueOf(String.valueOf(o));
    }

    private static final String APP = "resource.customizations.health.argoproj.io_Application";
    private static final String HPA = "resource.customizations.health.autoscaling_HorizontalPodAutoscaler";

    private static final String SPEC = """
            spec:
              sources:
                - {repoURL: https://charts.example.org, chart: web, targetRevision: 1.0.0, helm: {valueFiles: [$values/web.yaml]}}
                - {repoURL: http://gitea-http.gitea.svc:3000/strata/lab.git, targetRevision: main, ref: values}
            """;
    private static final String COMPARED = """
                comparedTo:
                  sources:
                    - {repoURL: https://charts.example.org, chart: web, targetRevision: 1.0.0}
                    - {repoURL: http://gitea-http.gitea.svc:3000/strata/lab.git, targetRevision: main, ref: values}
            """;

    @Test
    void aChildWhoseResourcesFailedToApplyIsNotHealthyEvenThoughArgoCd34SaysSoIssue27917() throws Exception {
        String[] hs = health(APP, SPEC + """
                status:
                  health: {status: Healthy}
                  sync:
                    status: OutOfSync
                    revisions: [1.0.0, abc123]
                """ + COMPARED + """
                  operationState:
                    phase: Failed
                    message: "one or more objects failed to apply, reason: admission webhook denied the request"
                    syncResult: {revisions: [1.0.0, abc123]}
                """);
        assertThat(hs[0]).isEqualTo("Degraded");
        assertThat(hs[1]).contains("admission webhook denied");
    }

    @Test
    void aChildStillRetryingHoldsTheWave() throws Exception {
        assertThat(health(APP, SPEC + """
                status:
                  health: {status: Healthy}
                  sync:
                    status: OutOfSync
                    revisions: [1.0.0, abc123]
                """ + COMPARED + """
                  operationState: {phase: Running, message: "Retrying attempt #2 at 10:00:05"}
                """)[0]).isEqualTo("Progressing");
    }

    @Test
    void aChildSyncedAndHealthyForItsCurrentSourcesIsHealthy() throws Exception {
        String[] hs = health(APP, SPEC + """
                status:
                  health: {status: Healthy}
                  sync:
                    status: Synced
                    revisions: [1.0.0, abc123]
                """ + COMPARED + """
                  operationState: {phase: Succeeded, syncResult: {revisions: [1.0.0, abc123]}}
                """);
        assertThat(hs).containsExactly("Healthy", "child is Synced at 1.0.0,abc123, health Healthy");
    }

    @Test
    void aStatusComputedForTheChildsPreviousSpecIsNotTrusted() throws Exception {
        assertThat(health(APP, SPEC + """
                status:
                  health: {status: Healthy}
                  sync:
                    status: Synced
                    revisions: [0.9.0, abc123]
                """ + COMPARED.replace("targetRevision: 1.0.0", "targetRevision: 0.9.0")))
                .containsExactly("Progressing", "child status predates its current sources");
    }

    @Test
    void aChildNotYetComparedOrWhoseLastFailureWasAtAnOlderRevisionWaits() throws Exception {
        assertThat(health(APP, SPEC)[0]).isEqualTo("Progressing");
        assertThat(health(APP, SPEC + """
                status:
                  health: {status: Healthy}
                  sync:
                    status: OutOfSync
                    revisions: [1.0.0, def456]
                """ + COMPARED + """
                  operationState: {phase: Failed, syncResult: {revisions: [1.0.0, abc123]}}
                """)[1]).isEqualTo("child's last sync failed at an older revision; waiting for a new sync");
    }

    @Test
    void aDegradedChildStaysDegraded() throws Exception {
        assertThat(health(APP, SPEC + """
                status:
                  health: {status: Degraded}
                  sync:
                    status: Synced
                    revisions: [1.0.0, abc123]
                """ + COMPARED)[0]).isEqualTo("Degraded");
    }

    @Test
    void anHpaWaitingForItsFirstMetricsIsHealthyWithTheReasonWhileABrokenOneIsDegraded() throws Exception {
        String[] fresh = health(HPA, """
                status:
                  conditions:
                    - {type: AbleToScale, status: "True", reason: SucceededGetScale}
                    - {type: ScalingActive, status: "False", reason: FailedGetResourceMetric, message: "unable to get metrics for resource cpu"}
                """);
        assertThat(fresh).containsExactly("Healthy", "metrics not available yet: unable to get metrics for resource cpu");
        assertThat(health(HPA, "status: {}")[0]).isEqualTo("Progressing");
        assertThat(health(HPA, """
                status:
                  conditions:
                    - {type: AbleToScale, status: "False", reason: FailedGetScale, message: "deployments/web not found"}
                """)).containsExactly("Degraded", "deployments/web not found");
        assertThat(health(HPA, """
                status:
                  conditions:
                    - {type: AbleToScale, status: "True"}
                    - {type: ScalingActive, status: "False", reason: InvalidSelector, message: "selector matches no pods"}
                """)[0]).isEqualTo("Degraded");
    }

    @Test
    void resourceHealthIsPersistedSoThatTheWaitCanNameTheFailingResources() {
        Map<?, ?> params = (Map<?, ?>) ((Map<?, ?>) Catalog.bundled().get("argo-cd").releases().getFirst().values().get("configs")).get("params");
        assertThat(params.get("controller.resource.health.persist")).isEqualTo("true");
    }
}
