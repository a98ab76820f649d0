package dev.strata.plan;

import dev.strata.catalog.Release;
import dev.strata.spec.AppSpec;
import dev.strata.spec.PlatformSpec;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Assigns Argo CD sync waves: namespaces and their baseline policies first, then each release one
 * wave after everything it needs (the CNI, the components it depends on, the earlier releases of
 * its own component, which carry its CRDs), then platform configuration after the providers of its
 * CRDs, then apps last. Each item says why it is where it is.
 */
public final class WavePlanner {

    public List<Wave> plan(PlatformSpec spec, List<ResolvedComponent> resolved) {
        Map<String, Integer> waveOf = new LinkedHashMap<>();          // release name → wave
        Map<String, String> lastRelease = new LinkedHashMap<>();     // component id → last release name
        List<WaveItem> items = new ArrayList<>();
        List<Integer> itemWaves = new ArrayList<>();
        items.add(new WaveItem("namespaces", WaveItem.Kind.NAMESPACES, "",
                "namespaces with their mesh and Pod Security labels and default-deny NetworkPolicies exist before anything runs in them"));
        itemWaves.add(0);

        String cni = resolved.stream().filter(r -> Resolver.capabilities(r).contains("cni")).map(ResolvedComponent::id).findFirst().orElse("");
        for (ResolvedComponent rc : resolved) {
            String previous = "";
            for (Release r : rc.releases()) {
                int wave = 1;
                String why = "needs only its namespace";
                if (!previous.isEmpty()) {
                    wave = waveOf.get(previous) + 1;
                    why = "after " + previous + (releaseHasCrds(rc, previous) ? ", whose CRDs it uses" : ", installed before it in the same component");
                }
                for (String dep : rc.entry().dependsOn()) {
                    String last = lastRelease.get(dep);
                    if (last != null && waveOf.get(last) + 1 > wave) {
                        wave = waveOf.get(last) + 1;
                        why = "after " + dep + ", which it needs";
                    }
                }
                if (!cni.isEmpty() && !cni.equals(rc.id()) && lastRelease.containsKey(cni) && waveOf.get(lastRelease.get(cni)) + 1 > wave) {
                    wave = waveOf.get(lastRelease.get(cni)) + 1;
                    why = "after " + cni + ": its pods need the CNI";
                }
                if (rc.id().equals(cni) && previous.isEmpty()) {
                    why = "the CNI: no other pod can start networking before it";
                }
                waveOf.put(r.name(), wave);
                items.add(new WaveItem(r.name(), WaveItem.Kind.RELEASE, rc.id(), why));
                itemWaves.add(wave);
                previous = r.name();
            }
            if (!previous.isEmpty()) {
                lastRelease.put(rc.id(), previous);
            }
        }
        int platformMax = waveOf.values().stream().mapToInt(Integer::intValue).max().orElse(0);
        for (ConfigBundle b : ConfigBundle.of(resolved)) {
            if (!b.requires().stream().allMatch(lastRelease::containsKey)) {
                continue;
            }
            int wave = 1;
            String why = "";
            for (String dep : concat(b.requires(), b.after())) {
                String last = lastRelease.get(dep);
                if (last != null && waveOf.get(last) + 1 >= wave) {
                    wave = waveOf.get(last) + 1;
                    why = b.requires().contains(dep) ? "after " + dep + ": uses its CRDs or webhooks" : "after " + dep + ": configures it, so it must be running";
                }
            }
            items.add(new WaveItem(b.name(), WaveItem.Kind.CONFIG, "", why));
            itemWaves.add(wave);
            platformMax = Math.max(platformMax, wave);
        }
        for (AppSpec app : spec.apps()) {
            items.add(new WaveItem(app.name(), WaveItem.Kind.APP, "",
                    "after the whole platform: its objects use the platform's CRDs (HTTPRoute, ServiceMonitor, mesh policies) and admission policies must already apply"));
            itemWaves.add(platformMax + 1);
        }
        Map<Integer, List<WaveItem>> byWave = new TreeMap<>();
        for (int i = 0; i < items.size(); i++) {
            byWave.computeIfAbsent(itemWaves.get(i), k -> new ArrayList<>()).add(items.get(i));
        }
        return byWave.entrySet().stream().map(e -> new Wave(e.getKey(), List.copyOf(e.getValue()))).toList();
    }

    private static boolean releaseHasCrds(ResolvedComponent rc, String releaseName) {
        return rc.releases().stream().anyMatch(r -> r.name().equals(releaseName) && !r.crds().isEmpty());
    }

    private static List<String> concat(List<String> a, List<String> b) {
        List<String> out = new ArrayList<>(a);
        out.addAll(b);
        return out;
    }
}
