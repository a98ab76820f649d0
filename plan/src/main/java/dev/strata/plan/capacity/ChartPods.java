package dev.strata.plan.capacity;

import dev.strata.catalog.Quantity;
import dev.strata.catalog.Resources;
import dev.strata.charts.render.HelmHooks;
import dev.strata.charts.render.HelmTemplate;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The pods a rendered chart runs, read the way the API server and the scheduler read them: every
 * Deployment, StatefulSet, ReplicaSet, DaemonSet, Job, CronJob and bare Pod (hooks included: sync
 * hooks run during each sync, delete hooks when the Application is deleted; test and rollback hooks,
 * which Argo CD never runs, left out — see {@link HelmHooks}), with requests as Kubernetes computes a pod's effective
 * request — the sum of its containers and native sidecars (init containers with
 * {@code restartPolicy: Always}), or the largest init container plus the sidecars started before
 * it, whichever is larger; a container with limits and no requests requests its limits.
 * Placement is the template's own {@code nodeSelector}, tolerations and required pod anti-affinity
 * on the hostname. Jobs, CronJobs and hooks complete, so they are {@link PodCategory#JOB}.
 */
public final class ChartPods {

    private static final Pattern WORKLOAD = Pattern.compile("(?m)^kind:\\s*[\"']?(Deployment|StatefulSet|ReplicaSet|DaemonSet|Job|CronJob|Pod)[\"']?\\s*$");
    private static final Pattern DOC = Pattern.compile("(?m)^---\\s*$");

    private ChartPods() {
    }

    /** One workload the chart renders, before replicas are laid out. */
    /** @param images every container's image, init containers first, as the pod spec names them */
    public record Template(String kind, String name, String namespace, boolean hook, int replicas, Resources requests,
                           Resources limits, Map<String, String> nodeSelector, List<Toleration> tolerations,
                           boolean hostnameAntiAffinity, List<String> images) {

        /** A Job, a CronJob's run or a hook: it runs to completion, so it is not part of the steady footprint. */
        public boolean completes() {
            return hook || kind.equals("Job") || kind.equals("CronJob");
        }

        /** The pods to place: one per replica, a DaemonSet's template once (bound per node by the scheduler). */
        public List<PodRequest> pods(String owner) {
            PodCategory category = completes() ? PodCategory.JOB : PodCategory.COMPONENT;
            boolean daemon = kind.equals("DaemonSet");
            Optional<String> anti = hostnameAntiAffinity ? Optional.of(namespace + "/" + name) : Optional.empty();
            PodRequest p = new PodRequest(name, namespace, owner, category, requests, limits, nodeSelector, tolerations,
                    daemon, false, anti);
            if (daemon || replicas == 1) {
                return List.of(p);
            }
            List<PodRequest> out = new ArrayList<>();
            for (int i = 0; i < replicas; i++) {
                out.add(p.withName(kind.equals("StatefulSet") ? name + "-" + i : name + "-" + (i + 1)));
            }
            return out;
        }
    }

    /** The workloads in a render, those Argo CD never runs (test, rollback hooks) left out. */
    public static List<Template> templates(List<HelmTemplate.Part> parts, String releaseNamespace) {
        List<Template> out = new ArrayList<>();
        Load load = new Load(LoadSettings.builder().setCodePointLimit(64 << 20).build());
        for (HelmTemplate.Part part : parts) {
            if (!WORKLOAD.matcher(part.yaml()).find()) {
                continue; // CRDs and the like: never parsed
            }
            for (String doc : DOC.split(part.yaml())) {
                if (!WORKLOAD.matcher(doc).find()) {
                    continue;
                }
                for (Object o : load.loadAllFromString(doc)) {
                    if (o instanceof Map<?, ?> m) {
                        template(m, releaseNamespace).ifPresent(out::add);
                    }
                }
            }
        }
        return out;
    }

    private static Optional<Template> template(Map<?, ?> obj, String releaseNamespace) {
        String kind = str(obj.get("kind"));
        Map<?, ?> meta = map(obj.get("metadata"));
        Map<String, String> annotations = strings(meta.get("annotations"));
        if (HelmHooks.neverRuns(annotations)) {
            return Optional.empty();
        }
        Map<?, ?> spec = map(obj.get("spec"));
        Map<?, ?> podSpec = switch (kind) {
            case "Pod" -> spec;
            case "CronJob" -> map(map(map(map(spec.get("jobTemplate")).get("spec")).get("template")).get("spec"));
            default -> map(map(spec.get("template")).get("spec"));
        };
        if (podSpec.isEmpty()) {
            return Optional.empty();
        }
        int replicas = switch (kind) {
            case "Deployment", "StatefulSet", "ReplicaSet" -> spec.get("replicas") instanceof Number n ? n.intValue() : 1;
            case "Job" -> spec.get("parallelism") instanceof Number n ? Math.max(1, n.intValue()) : 1;
            default -> 1;
        };
        if (replicas == 0) {
            return Optional.empty();
        }
        String namespace = meta.get("namespace") == null ? releaseNamespace : str(meta.get("namespace"));
        Resources[] sized = effective(podSpec);
        return Optional.of(new Template(kind, str(meta.get("name")), namespace, HelmHooks.isHook(annotations), replicas,
                sized[0], sized[1], strings(podSpec.get("nodeSelector")), tolerations(podSpec.get("tolerations")),
                hostnameAntiAffinity(podSpec), images(podSpec)));
    }

    /** [requests, limits] of the pod as the scheduler and the kubelet compute them. */
    static Resources[] effective(Map<?, ?> podSpec) {
        Resources req = Resources.NONE;
        Resources lim = Resources.NONE;
        for (Object c : list(podSpec.get("containers"))) {
            Resources[] r = container(map(c));
            req = req.plus(r[0]);
            lim = lim.plus(r[1]);
        }
        Resources sidecarsReq = Resources.NONE;
        Resources sidecarsLim = Resources.NONE;
        Resources initReq = Resources.NONE;
        Resources initLim = Resources.NONE;
        for (Object c : list(podSpec.get("initContainers"))) {
            Map<?, ?> cm = map(c);
            Resources[] r = container(cm);
            if ("Always".equals(str(cm.get("restartPolicy")))) {
                sidecarsReq = sidecarsReq.plus(r[0]);
                sidecarsLim = sidecarsLim.plus(r[1]);
            } else {
                initReq = initReq.max(sidecarsReq.plus(r[0]));
                initLim = initLim.max(sidecarsLim.plus(r[1]));
            }
        }
        return new Resources[] {req.plus(sidecarsReq).max(initReq), lim.plus(sidecarsLim).max(initLim)};
    }

    private static Resources[] container(Map<?, ?> c) {
        Map<?, ?> resources = map(c.get("resources"));
        Map<?, ?> limits = map(resources.get("limits"));
        Map<?, ?> requests = map(resources.get("requests"));
        Quantity limCpu = quantity(limits.get("cpu"));
        Quantity limMem = quantity(limits.get("memory"));
        Quantity reqCpu = requests.containsKey("cpu") ? quantity(requests.get("cpu")) : limCpu;
        Quantity reqMem = requests.containsKey("memory") ? quantity(requests.get("memory")) : limMem;
        return new Resources[] {new Resources(reqCpu, reqMem), new Resources(limCpu, limMem)};
    }

    private static Quantity quantity(Object v) {
        return v == null ? Quantity.ZERO : Quantity.tryParse(String.valueOf(v)).orElse(Quantity.ZERO);
    }

    private static List<Toleration> tolerations(Object v) {
        List<Toleration> out = new ArrayList<>();
        for (Object o : list(v)) {
            Map<?, ?> t = map(o);
            boolean exists = "Exists".equals(str(t.get("operator")));
            out.add(new Toleration(str(t.get("key")), exists, str(t.get("value")), str(t.get("effect"))));
        }
        return out;
    }

    private static List<String> images(Map<?, ?> podSpec) {
        List<String> out = new ArrayList<>();
        for (String field : List.of("initContainers", "containers")) {
            for (Object c : list(podSpec.get(field))) {
                String image = str(map(c).get("image"));
                if (!image.isEmpty() && !out.contains(image)) {
                    out.add(image);
                }
            }
        }
        return out;
    }

    private static boolean hostnameAntiAffinity(Map<?, ?> podSpec) {
        Map<?, ?> anti = map(map(podSpec.get("affinity")).get("podAntiAffinity"));
        for (Object term : list(anti.get("requiredDuringSchedulingIgnoredDuringExecution"))) {
            if ("kubernetes.io/hostname".equals(str(map(term).get("topologyKey")))) {
                return true;
            }
        }
        return false;
    }

    private static Map<?, ?> map(Object o) {
        return o instanceof Map<?, ?> m ? m : Map.of();
    }

    private static List<?> list(Object o) {
        return o instanceof List<?> l ? l : List.of();
    }

    private static String str(Object o) {
        return o == null ? "" : String.valueOf(o);
    }

    private static Map<String, String> strings(Object o) {
        Map<String, String> out = new LinkedHashMap<>();
        map(o).forEach((k, v) -> out.put(String.valueOf(k), v == null ? "" : String.valueOf(v)));
        return out;
    }
}
