package dev.strata.check.rules.references;

import dev.strata.check.graph.PodTemplate;
import dev.strata.yaml.tree.YMap;
import java.util.ArrayList;
import java.util.List;

/** Names a pod refers to: ConfigMaps, Secrets, PVCs (optional references are left out). */
final class PodReferences {

    record Ref(String name, int line) {
    }

    private PodReferences() {
    }

    static List<Ref> configMaps(PodTemplate pod) {
        List<Ref> out = new ArrayList<>();
        for (YMap v : pod.podSpec().maps("volumes")) {
            v.map("configMap").ifPresent(c -> add(out, c, "name"));
            v.path("projected").ifPresent(p -> p.maps("sources").forEach(s ->
                    s.map("configMap").ifPresent(c -> add(out, c, "name"))));
        }
        for (PodTemplate.Container c : pod.allContainers()) {
            for (YMap env : c.spec().maps("env")) {
                env.path("valueFrom", "configMapKeyRef").ifPresent(r -> add(out, r, "name"));
            }
            for (YMap from : c.spec().maps("envFrom")) {
                from.map("configMapRef").ifPresent(r -> add(out, r, "name"));
            }
        }
        return out;
    }

    static List<Ref> secrets(PodTemplate pod) {
        List<Ref> out = new ArrayList<>();
        for (YMap v : pod.podSpec().maps("volumes")) {
            v.map("secret").ifPresent(s -> add(out, s, "secretName"));
            v.path("projected").ifPresent(p -> p.maps("sources").forEach(s ->
                    s.map("secret").ifPresent(c -> add(out, c, "name"))));
        }
        for (YMap ips : pod.podSpec().maps("imagePullSecrets")) {
            add(out, ips, "name");
        }
        for (PodTemplate.Container c : pod.allContainers()) {
            for (YMap env : c.spec().maps("env")) {
                env.path("valueFrom", "secretKeyRef").ifPresent(r -> add(out, r, "name"));
            }
            for (YMap from : c.spec().maps("envFrom")) {
                from.map("secretRef").ifPresent(r -> add(out, r, "name"));
            }
        }
        return out;
    }

    static List<Ref> claims(PodTemplate pod) {
        List<Ref> out = new ArrayList<>();
        for (YMap v : pod.podSpec().maps("volumes")) {
            v.map("persistentVolumeClaim").ifPresent(c -> add(out, c, "claimName"));
        }
        return out;
    }

    private static void add(List<Ref> out, YMap ref, String key) {
        if (ref.bool("optional").orElse(false)) {
            return;
        }
        ref.str(key).ifPresent(name -> out.add(new Ref(name, ref.keyLine(key))));
    }
}
