package dev.strata.yaml.tree;

import java.util.List;

/** A sequence. */
public record YList(List<YNode> items, int line, long size) implements YNode {

    public YList {
        items = List.copyOf(items);
    }

    public static YList of(List<YNode> items, int line) {
        long total = 1;
        for (YNode item : items) {
            total += item.size();
        }
        return new YList(items, line, total);
    }

    @Override
    public String typeName() {
        return "array";
    }
}
