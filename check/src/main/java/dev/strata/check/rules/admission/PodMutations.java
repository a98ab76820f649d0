package dev.strata.check.rules.admission;

import dev.strata.check.admission.Kyverno;
import dev.strata.check.graph.Injection;
import dev.strata.check.graph.PodTemplate;
import dev.strata.yaml.tree.YList;
import dev.strata.yaml.tree.YMap;
import dev.strata.yaml.tree.YNode;
import dev.strata.yaml.tree.YScalar;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A pod as a validating webhook sees it, after the mutating webhooks that fill in what a template
 * leaves open ({@link Injection}); the containers the injector adds are not modelled.
 */
final class PodMutations {

    /** Stands for the image the injector writes, which is pinned by the mesh's release. */
    static final String INJECTED_IMAGE = "istio-proxy-image-from-the-injector:pinned";

    private PodMutations() {
    }

    static YMap asAdmitted(PodTemplate pod) {
        YMap spec = pod.podSpec();
        if (Injection.istio(pod)) {
            spec = replaceAutoImages(spec);
        }
        return Kyverno.podView(pod.templateMetadata(), spec);
    }

    private static YMap replaceAutoImages(YMap spec) {
        Map<String, YNode> out = new LinkedHashMap<>();
        for (int i = 0; i < spec.keyCount(); i++) {
            String key = spec.keyAt(i);
            YNode value = spec.valueAt(i);
            if ((key.equals("containers") || key.equals("initContainers")) && value instanceof YList list) {
                List<YNode> items = new ArrayList<>();
                for (YNode item : list.items()) {
                    items.add(item instanceof YMap c && Injection.PLACEHOLDER_IMAGE.equals(c.strOr("image", "")) ? withImage(c) : item);
                }
                value = YList.of(items, list.line());
            }
            out.put(key, value);
        }
        return YMap.of(out, spec.line());
    }

    private static YMap withImage(YMap container) {
        Map<String, YNode> out = new LinkedHashMap<>();
        for (int i = 0; i < container.keyCount(); i++) {
            String key = container.keyAt(i);
            out.put(key, key.equals("image") ? new YScalar(INJECTED_IMAGE, YScalar.Type.STRING, container.keyLineAt(i)) : container.valueAt(i));
        }
        return YMap.of(out, container.line());
    }
}
