package dev.strata.check.graph;

import dev.strata.check.yaml.YMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pod a workload creates: its labels and pod spec, found at the place the workload's kind keeps
 * it (Pod: the object; CronJob: spec.jobTemplate.spec.template; others, Argo Rollouts included:
 * spec.template).
 *
 * @param path JSON path of the pod spec inside the owner, for messages
 */
public record PodTemplate(Resource owner, Map<String, String> labels, YMap podSpec, String path) {

    public static final List<String> WORKLOAD_KINDS =
            List.of("Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob",
                    "ReplicationController", "Rollout");

    public static Optional<PodTemplate> of(Resource r) {
        if (!WORKLOAD_KINDS.contains(r.kind()) || r.kind().equals("Rollout") && !r.group().equals("argoproj.io")) {
            return Optional.empty();
        }
        if (r.kind().equals("Pod")) {
            return Optional.of(new PodTemplate(r, r.labels(), r.spec(), "spec"));
        }
        Optional<YMap> template = r.kind().equals("CronJob")
                ? r.spec().path("jobTemplate", "spec", "template")
                : r.spec().map("template");
        String base = r.kind().equals("CronJob") ? "spec.jobTemplate.spec.template" : "spec.template";
        if (template.isEmpty()) {
            return Optional.empty();
        }
        YMap t = template.get();
        Map<String, String> labels = t.path("metadata").map(m -> m.stringMap("labels")).orElse(Map.of());
        return Optional.of(new PodTemplate(r, labels, t.map("spec").orElse(YMap.empty()), base + ".spec"));
    }

    /** Containers and init containers with their JSON paths. */
    public List<Container> allContainers() {
        List<Container> out = new java.util.ArrayList<>();
        for (String field : List.of("initContainers", "containers", "ephemeralContainers")) {
            List<YMap> list = podSpec.maps(field);
            for (int i = 0; i < list.size(); i++) {
                out.add(new Container(list.get(i), path + "." + field + "[" + i + "]", !field.equals("containers")));
            }
        }
        return out;
    }

    /** Regular (long-running) containers. */
    public List<Container> containers() {
        return allContainers().stream().filter(c -> !c.init()).toList();
    }

    /** A container with its path; {@code init} is true for init and ephemeral containers. */
    public record Container(YMap spec, String path, boolean init) {
        public String name() {
            return spec.strOr("name", "?");
        }
    }
}
