package dev.strata.render.apps;

import dev.strata.yaml.Yaml;

import java.util.List;
import java.util.Map;

/**
 * One file of an app's Kustomize tree: its name inside the directory, the comment that says why it
 * exists, and the object (or Kustomization) it holds.
 */
record Manifest(String file, List<String> comment, Map<String, Object> object) {

    Manifest {
        comment = List.copyOf(comment);
    }

    String render() {
        return comment.isEmpty() ? Yaml.dump(object) : Yaml.dump(comment, object);
    }
}
