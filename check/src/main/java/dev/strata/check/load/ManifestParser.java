package dev.strata.check.load;

import dev.strata.check.ObjectRef;
import dev.strata.check.graph.Resource;
import dev.strata.yaml.tree.YList;
import dev.strata.yaml.tree.YMap;
import dev.strata.yaml.tree.YNode;
import dev.strata.yaml.tree.YamlDocument;
import dev.strata.yaml.tree.YamlProblem;
import dev.strata.yaml.tree.YamlReader;
import java.util.ArrayList;
import java.util.List;

/** Turns YAML text into Kubernetes objects, expanding {@code v1 List}s. */
public final class ManifestParser {

    /** Objects, problems, and how many documents were not Kubernetes objects. */
    public record Parsed(List<Resource> resources, List<LoadProblem> problems, int nonObjects) {
    }

    private final YamlReader reader;

    public ManifestParser(YamlReader reader) {
        this.reader = reader;
    }

    /**
     * @param defaultNamespace namespace given to namespaced objects that have none ("" for none)
     */
    public Parsed parse(String text, String file, String origin, String defaultNamespace) {
        YamlReader.Result result = reader.read(text);
        List<Resource> resources = new ArrayList<>();
        List<LoadProblem> problems = new ArrayList<>();
        for (YamlProblem p : result.problems()) {
            problems.add(new LoadProblem("yaml-syntax", file, p.line(), p.message()));
        }
        int nonObjects = 0;
        for (YamlDocument doc : result.documents()) {
            nonObjects += add(doc.root(), file, origin, defaultNamespace, resources);
        }
        return new Parsed(resources, problems, nonObjects);
    }

    private int add(YNode node, String file, String origin, String defaultNamespace, List<Resource> out) {
        if (!(node instanceof YMap map) || map.str("kind").isEmpty() || map.str("apiVersion").isEmpty()) {
            return node instanceof YMap || node instanceof YList ? 1 : 0;
        }
        String kind = map.str("kind").get();
        if (kind.endsWith("List") && map.list("items").isPresent()) {
            int skipped = 0;
            for (YNode item : map.list("items").get().items()) {
                skipped += add(item, file, origin, defaultNamespace, out);
            }
            return skipped;
        }
        YMap metadata = map.map("metadata").orElse(YMap.empty());
        String namespace = Kinds.clusterScoped(kind) ? "" : metadata.str("namespace").orElse(defaultNamespace);
        ObjectRef ref = new ObjectRef(map.str("apiVersion").get(), kind, namespace,
                metadata.str("name").orElse(metadata.str("generateName").orElse("")));
        out.add(new Resource(ref, map, file, map.line(), origin));
        return 0;
    }
}
