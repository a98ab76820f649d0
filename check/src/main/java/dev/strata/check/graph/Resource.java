package dev.strata.check.graph;

import dev.strata.check.ObjectRef;
import dev.strata.yaml.tree.YMap;
import java.util.Map;
import java.util.Optional;

/**
 * One Kubernetes object as loaded: its identity, its tree, where it came from.
 *
 * @param file   path shown to users (relative to the base directory when below it)
 * @param line   line of the document's first key (1-based)
 * @param origin the load unit it came from: the file for plain YAML, or
 *               {@code kustomize:<dir>} / {@code helm:<chart>} / {@code chart:<repo>/<chart>@<version>}
 *               for rendered units, {@code platform:<what>} for objects the platform declares
 * @param application the Argo CD Application that syncs it ({@code namespace/name}), "" when none is known
 */
public record Resource(ObjectRef ref, YMap root, String file, int line, String origin, String application, boolean placed) {

    public static final String IGNORE_ANNOTATION = "strata.dev/ignore";

    public Resource(ObjectRef ref, YMap root, String file, int line, String origin) {
        this(ref, root, file, line, origin, "");
    }

    public Resource(ObjectRef ref, YMap root, String file, int line, String origin, String application) {
        this(ref, root, file, line, origin, application, false);
    }

    /**
     * A rendered object whose {@code file} and {@code line} are where its source is written (the base
     * kustomize read it from), so findings point there; other rendered objects are reported at line 1
     * of their file, since their lines are those of the rendered output.
     */
    public Resource placedAt(String sourceFile, int sourceLine) {
        return new Resource(ref, root, sourceFile, sourceLine, origin, application, true);
    }

    public Resource withNamespace(String namespace) {
        return new Resource(new ObjectRef(ref.apiVersion(), ref.kind(), namespace, ref.name()), root, file, line, origin, application, placed);
    }

    public Resource withApplication(String app) {
        return new Resource(ref, root, file, line, origin, app, placed);
    }

    /** Loaded as written in a file of the tree (not rendered by Kustomize or Helm, not declared by the platform). */
    public boolean plain() {
        return origin.startsWith("file:");
    }

    public String kind() {
        return ref.kind();
    }

    public String name() {
        return ref.name();
    }

    public String namespace() {
        return ref.namespace();
    }

    public String apiVersion() {
        return ref.apiVersion();
    }

    public String group() {
        return ref.group();
    }

    public boolean is(String group, String kind) {
        return ref.kind().equals(kind) && ref.group().equals(group);
    }

    public YMap metadata() {
        return root.map("metadata").orElse(YMap.empty());
    }

    public YMap spec() {
        return root.map("spec").orElse(YMap.empty());
    }

    public Map<String, String> labels() {
        return metadata().stringMap("labels");
    }

    public Map<String, String> annotations() {
        return metadata().stringMap("annotations");
    }

    public Optional<String> annotation(String key) {
        return Optional.ofNullable(annotations().get(key));
    }

    /**
     * Encrypted with SOPS: its top-level {@code sops} block carries the MAC and the keys' recipients,
     * and its values read {@code ENC[...]}. Such a file is committed on purpose; {@code sops -d} (or
     * Flux's decryption) restores the object before it is applied.
     */
    public boolean sopsEncrypted() {
        return root.map("sops").filter(s -> s.has("mac") && (s.has("version") || s.has("lastmodified"))).isPresent();
    }
}
