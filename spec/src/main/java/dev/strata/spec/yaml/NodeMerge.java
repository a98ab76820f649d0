package dev.strata.spec.yaml;

import org.snakeyaml.engine.v2.nodes.MappingNode;
import org.snakeyaml.engine.v2.nodes.Node;
import org.snakeyaml.engine.v2.nodes.NodeTuple;
import org.snakeyaml.engine.v2.nodes.ScalarNode;

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

    public static Node merge(Node base, Node overlay) {
        if (!(base instanceof MappingNode b) || !(overlay instanceof MappingNode o)) {
            return overlay;
        }
        Map<String, NodeTuple> merged = new LinkedHashMap<>();
        List<NodeTuple> others = new ArrayList<>();
        for (NodeTuple t : b.getValue()) {
            if (t.getKeyNode() instanceof ScalarNode k) {
                merged.put(k.getValue(), t);
            }
        }
        for (NodeTuple t : o.getValue()) {
            if (!(t.getKeyNode() instanceof ScalarNode k)) {
                others.add(t);
                continue;
            }
            NodeTuple prior = merged.get(k.getValue());
            if (prior == null) {
                merged.put(k.getValue(), t);
            } else {
                merged.put(k.getValue(), new NodeTuple(t.getKeyNode(), merge(prior.getValueNode(), t.getValueNode())));
            }
        }
        List<NodeTuple> tuples = new ArrayList<>(merged.values());
        tuples.addAll(others);
        return new MappingNode(o.getTag(), true, tuples, o.getFlowStyle(), o.getStartMark(), o.getEndMark());
    }
}
