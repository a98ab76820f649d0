package dev.strata.spec.yaml;

import dev.strata.spec.Problem;
import dev.strata.yaml.tree.YList;
import dev.strata.yaml.tree.YMap;
import dev.strata.yaml.tree.YNode;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;

/**
 * Collects problems while a document is read, so that all of them are reported at once. A spec is
 * the user's file laid over a bundled profile, so a node knows its line but not its file: the
 * profile's nodes are registered with {@link #from} and everything else is in the default file.
 */
public final class Problems {

    private final String defaultFile;
    private final List<Problem> list = new ArrayList<>();
    private final Map<YNode, String> files = new IdentityHashMap<>();

    public Problems(String defaultFile) {
        this.defaultFile = defaultFile;
    }

    /** Every node of {@code root} comes from {@code file} (a bundled profile under the user's spec). */
    public void from(YNode root, String file) {
        List<YNode> pending = new ArrayList<>(List.of(root));
        while (!pending.isEmpty()) {
            YNode n = pending.removeLast();
            if (files.put(n, file) == null) {
                if (n instanceof YMap m) {
                    pending.addAll(m.values().values());
                } else if (n instanceof YList l) {
                    pending.addAll(l.items());
                }
            }
        }
    }

    /** {@code derived} (a key, a merged mapping) comes from where {@code source} does. */
    void sameFile(YNode derived, YNode source) {
        String file = files.get(source);
        if (file != null) {
            files.put(derived, file);
        }
    }

    public void add(YNode at, String path, String message) {
        list.add(new Problem(at == null ? defaultFile : files.getOrDefault(at, defaultFile), at == null ? 0 : at.line(), path, message));
    }

    /** A problem in the default file at a 1-based line (0: the file as a whole). */
    public void add(int line, String path, String message) {
        list.add(new Problem(defaultFile, line, path, message));
    }

    public void add(Problem p) {
        list.add(p);
    }

    public boolean isEmpty() {
        return list.isEmpty();
    }

    public int size() {
        return list.size();
    }

    /** Problems in file order, then line order: the order a person reads them. */
    public List<Problem> sorted() {
        return list.stream().distinct()
                .sorted(Comparator.comparing(Problem::file).thenComparingInt(Problem::line).thenComparing(Problem::path))
                .toList();
    }
}
