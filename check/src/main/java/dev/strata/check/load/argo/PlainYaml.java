package dev.strata.check.load.argo;

import dev.strata.check.load.Plain;
import dev.strata.yaml.tree.YamlProblem;
import dev.strata.yaml.tree.YamlReader;

/**
 * YAML (or JSON) as plain maps, lists and scalars: what generators and templates work on. Read with
 * check's bounded reader (the one set of limits), so a file a generator reads cannot nest or expand
 * beyond what the rest of the tree may.
 */
final class PlainYaml {

    private PlainYaml() {
    }

    static Object read(String text) {
        YamlReader.Result r = new YamlReader().read(text);
        if (!r.problems().isEmpty()) {
            YamlProblem p = r.problems().getFirst();
            throw new IllegalArgumentException("not YAML: line " + p.line() + ": " + p.message());
        }
        return r.documents().isEmpty() ? null : Plain.of(r.documents().getFirst().root());
    }
}
