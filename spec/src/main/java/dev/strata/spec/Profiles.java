package dev.strata.spec;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The bundled profiles: one commented {@code platform.yaml} per seed system. A user's spec names a
 * profile and overrides it; {@code strata init} writes the profile's own text.
 */
public final class Profiles {

    private static final String ROOT = "/dev/strata/spec/profiles/";

    /** Profile name → one-line summary, in the order they are listed. */
    private static final Map<String, String> SUMMARIES = summaries();

    private Profiles() {
    }

    private static Map<String, String> summaries() {
        Map<String, String> m = new LinkedHashMap<>();
        m.put("kind-lab", "seed 001: kind 1+1 without kube-proxy; Cilium, Istio sidecars, Gateway API, Prometheus/Grafana/Loki/Tempo, Argo CD, sample API");
        m.put("kind-full", "seed 002: kind-lab plus Kong, external-dns, Jaeger, Sealed Secrets, cert-manager, Kyverno, Gatekeeper, Falco, Vault, Velero");
        m.put("talos-ambient", "seed 000: Talos with platform/apps worker tiers; Istio ambient, Gateway API on 80/443 with cert-manager TLS");
        m.put("cell", "seed 003: Talos 3+3, layers L0-L7; Cilium, MetalLB, external-dns, Argo CD, Kyverno, Linkerd, SOPS+age");
        m.put("home", "seed 004: kind 1+3; app-of-apps, Kustomize overlays dev/prod, Istio, observability with Alloy, Rollouts canary, external DB");
        return m;
    }

    public static List<String> names() {
        return List.copyOf(SUMMARIES.keySet());
    }

    public static String summary(String name) {
        return SUMMARIES.getOrDefault(name, "");
    }

    public static boolean exists(String name) {
        return SUMMARIES.containsKey(name);
    }

    /** The profile's text, as bundled. */
    public static Optional<String> text(String name) {
        if (!exists(name)) {
            return Optional.empty();
        }
        try (InputStream in = Profiles.class.getResourceAsStream(ROOT + name + ".yaml")) {
            if (in == null) {
                throw new IllegalStateException("profile " + name + " is missing from the jar");
            }
            return Optional.of(new String(in.readAllBytes(), StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
