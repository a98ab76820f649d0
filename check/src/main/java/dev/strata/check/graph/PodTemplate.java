package dev.strata.check.graph;

import dev.strata.yaml.tree.YMap;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pod a workload creates: its labels and pod spec, found at the place the workload's kind keeps
 * it (Pod: the object; CronJob: spec.jobTemplate.spec.template; others, Argo Rollouts included:
 * spec.template). Its containers are listed once, when it is made: a dozen rules read them per object.
 */
public final class PodTemplate {

    public static final List<String> WORKLOAD_KINDS =
            List.of("Pod", "Deployment", "StatefulSet", "DaemonSet", "ReplicaSet", "Job", "CronJob",
                    "ReplicationController", "Rollout");

    private static final List<String> CONTAINER_FIELDS = List.of("initContainers", "containers", "ephemeralContainers");

    private final Resource owner;
    private final YMap metadata;
    private final Map<String, String> labels;
    private final YMap podSpec;
    private final String path;
    private final List<Container> allContainers;
    private final List<Container> containers;

    private PodTemplate(Resource owner, YMap metadata, Map<String, String> labels, YMap podSpec, String path) {
        this.owner = owner;
        this.metadata = metadata;
        this.labels = labels;
        this.podSpec = podSpec;
        this.path = path;
        List<Container> all = new ArrayList<>();
        List<Container> regular = new ArrayList<>();
        for (String field : CONTAINER_FIELDS) {
            List<YMap> list = podSpec.maps(field);
            for (int i = 0; i < list.size(); i++) {
                Container c = new Container(list.get(i), path + "." + field + "[" + i + "]", !field.equals("containers"));
                all.add(c);
                if (!c.init()) {
                    regular.add(c);
                }
            }
        }
        this.allContainers = List.copyOf(all);
        this.containers = List.copyOf(regular);
    }

    public static Optional<PodTemplate> of(Resource r) {
        if (!WORKLOAD_KINDS.contains(r.kind()) || r.kind().equals("Rollout") && !r.group().equals("argoproj.io")) {
            return Optional.empty();
        }
        if (r.kind().equals("Pod")) {
            return Optional.of(new PodTemplate(r, r.metadata(), r.labels(), r.spec(), "spec"));
        }
        Optional<YMap> template = r.kind().equals("CronJob")
                ? r.spec().path("jobTemplate", "spec", "template")
                : r.spec().map("template");
        String base = r.kind().equals("CronJob") ? "spec.jobTemplate.spec.template" : "spec.template";
        if (template.isEmpty()) {
            return Optional.empty();
        }
        YMap t = template.get();
        YMap metadata = t.map("metadata").orElse(YMap.empty());
        return Optional.of(new PodTemplate(r, metadata, metadata.stringMap("labels"), t.map("spec").orElse(YMap.empty()), base + ".spec"));
    }

    /** The workload that creates the pod. */
    public Resource owner() {
        return owner;
    }

    /** The pod's metadata (labels, annotations): the template's, or the Pod's own. */
    public YMap templateMetadata() {
        return metadata;
    }

    /** The pod's annotations. */
    public Map<String, String> annotations() {
        return metadata.stringMap("annotations");
    }

    /** The pod's labels. */
    public Map<String, String> labels() {
        return labels;
    }

    /** The pod spec. */
    public YMap podSpec() {
        return podSpec;
    }

    /** JSON path of the pod spec inside the owner, for messages. */
    public String path() {
        return path;
    }

    /** Containers, init containers and ephemeral containers with their JSON paths. */
    public List<Container> allContainers() {
        return allContainers;
    }

    /** Regular (long-running) containers. */
    public List<Container> containers() {
        return containers;
    }

    @Override
    public String toString() {
        return "PodTemplate[" + owner.ref().display() + " " + path + "]";
    }

    /** A container with its path; {@code init} is true for init and ephemeral containers. */
    public record Container(YMap spec, String path, boolean init) {
        public String name() {
            return spec.strOr("name", "?");
        }
    }
}
