package dev.strata.spec.yaml;

import dev.strata.yaml.tree.YMap;
import dev.strata.yaml.tree.YNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Overlays one YAML tree on another, keeping every node's origin (file and line): mappings merge
 * key by key, everything else (lists, scalars) is replaced — the rule Helm applies to values.
 */
public final class NodeMerge {

    private NodeMerge() {
    }

    public static YNode merge(YNode base, YNode overlay) {
        if (!(base instanceof YMap b) || !(overlay instanceof YMap o)) {
            return overlay;
        }
        Map<String, Integer> index = new LinkedHashMap<>();
        List<String> keys = new ArrayList<>();
        List<YNode> values = new ArrayList<>();
        List<Integer> keyLines = new ArrayList<>();
        for (int i = 0; i < b.keyCount(); i++) {
            index.put(b.keyAt(i), keys.size());
            keys.add(b.keyAt(i));
            values.add(b.valueAt(i));
            keyLines.add(b.keyLineAt(i));
        }
        for (int i = 0; i < o.keyCount(); i++) {
            Integer prior = index.get(o.keyAt(i));
            if (prior == null) {
                index.put(o.keyAt(i), keys.size());
                keys.add(o.keyAt(i));
                values.add(o.valueAt(i));
                keyLines.add(o.keyLineAt(i));
            } else {
                values.set(prior, merge(values.get(prior), o.valueAt(i)));
                keyLines.set(prior, o.keyLineAt(i));
            }
        }
        return YMap.of(keys, values, keyLines, o.line());
    }
}
