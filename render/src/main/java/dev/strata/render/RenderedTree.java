package dev.strata.render;

import java.util.Collections;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files a render produces, by relative path ({@code platform/network/cilium/values.yaml}),
 * sorted so that iteration and output are deterministic. A path written twice is a bug in a
 * generator and fails at once.
 */
public final class RenderedTree {

    private final SortedMap<String, String> files = new TreeMap<>();

    public void put(String path, String content) {
        if (path.startsWith("/") || path.contains("..") || path.contains("\\")) {
            throw new IllegalArgumentException("render path must be relative and inside the tree: " + path);
        }
        String prior = files.putIfAbsent(path, content);
        if (prior != null) {
            throw new IllegalStateException("two generators wrote " + path);
        }
    }

    public Map<String, String> files() {
        return Collections.unmodifiableSortedMap(files);
    }

    public boolean contains(String path) {
        return files.containsKey(path);
    }

    public String get(String path) {
        String c = files.get(path);
        if (c == null) {
            throw new IllegalArgumentException("not rendered: " + path);
        }
        return c;
    }

    public int size() {
        return files.size();
    }
}
