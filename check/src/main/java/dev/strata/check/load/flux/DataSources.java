package dev.strata.check.load.flux;

import dev.strata.check.graph.Resource;

import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The ConfigMaps and Secrets of the loaded tree, read the way Flux reads them for
 * {@code substituteFrom} and {@code valuesFrom}: ConfigMap {@code data}, Secret {@code data}
 * (base64) and {@code stringData}. A SOPS-encrypted Secret is in the tree but its values are not
 * readable here.
 */
public final class DataSources {

    /** What a reference resolved to: the values, or why they are not known. */
    public sealed interface Lookup permits Found, Unknown {
    }

    public record Found(Map<String, String> data) implements Lookup {
    }

    /** Values that exist (or may) but cannot be read offline; {@code missing}: not in the tree at all. */
    public record Unknown(String why, boolean missing) implements Lookup {
    }

    private final List<Resource> resources;

    public DataSources(List<Resource> resources) {
        this.resources = resources;
    }

    public Lookup find(String kind, String namespace, String name) {
        Optional<Resource> found = resources.stream()
                .filter(r -> r.group().isEmpty() && r.kind().equals(kind) && r.namespace().equals(namespace) && r.name().equals(name))
                .findFirst();
        if (found.isEmpty()) {
            return new Unknown(kind + " " + namespace + "/" + name + " is not in the checked tree", true);
        }
        Resource r = found.get();
        if (r.sopsEncrypted()) {
            return new Unknown(kind + " " + namespace + "/" + name + " is SOPS-encrypted", false);
        }
        Map<String, String> data = new LinkedHashMap<>();
        if (kind.equals("Secret")) {
            for (Map.Entry<String, String> e : r.root().stringMap("data").entrySet()) {
                try {
                    data.put(e.getKey(), new String(Base64.getDecoder().decode(e.getValue().strip()), StandardCharsets.UTF_8));
                } catch (IllegalArgumentException bad) {
                    return new Unknown(kind + " " + namespace + "/" + name + " has data that is not base64", false);
                }
            }
            data.putAll(r.root().stringMap("stringData"));
        } else {
            data.putAll(r.root().stringMap("data"));
        }
        return new Found(data);
    }
}
