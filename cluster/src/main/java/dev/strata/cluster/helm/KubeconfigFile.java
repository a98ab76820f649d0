package dev.strata.cluster.helm;

import dev.strata.cluster.ClusterException;
import dev.strata.yaml.Yaml;
import org.snakeyaml.engine.v2.api.Load;
import org.snakeyaml.engine.v2.api.LoadSettings;

import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The user's kubeconfig ({@code $KUBECONFIG}'s first file, else {@code ~/.kube/config}) with another current context. */
final class KubeconfigFile {

    private KubeconfigFile() {
    }

    static Path location() {
        return Optional.ofNullable(System.getenv("KUBECONFIG")).filter(s -> !s.isBlank())
                .map(s -> Path.of(s.split(File.pathSeparator)[0]))
                .orElseGet(() -> Path.of(System.getProperty("user.home"), ".kube", "config"));
    }

    static String withCurrentContext(String context) {
        Path file = location();
        try {
            return withCurrentContext(Files.readString(file), context, file.toString());
        } catch (IOException e) {
            throw new ClusterException("reading the kubeconfig " + file + ": " + e.getMessage());
        }
    }

    @SuppressWarnings("unchecked")
    static String withCurrentContext(String kubeconfig, String context, String where) {
        Object doc = new Load(LoadSettings.builder().build()).loadFromString(kubeconfig);
        if (!(doc instanceof Map<?, ?> m)) {
            throw new ClusterException("the kubeconfig " + where + " is not a YAML mapping");
        }
        Map<String, Object> config = new LinkedHashMap<>((Map<String, Object>) m);
        List<Map<String, Object>> contexts = (List<Map<String, Object>>) config.getOrDefault("contexts", List.of());
        if (contexts.stream().noneMatch(c -> context.equals(c.get("name")))) {
            throw new ClusterException("the kubeconfig " + where + " has no context " + context + "; known: "
                    + contexts.stream().map(c -> String.valueOf(c.get("name"))).toList());
        }
        config.put("current-context", context);
        return Yaml.dump(config);
    }
}
