package dev.strata.cluster.up.steps;

import dev.strata.catalog.UpSecret;
import dev.strata.cluster.up.Fingerprint;
import dev.strata.cluster.up.Step;
import dev.strata.cluster.up.UpContext;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Creates the Secrets the platform's components refer to that must not be in git (the catalog's
 * {@code upSecrets}: Grafana's and the git server's admin), before anything that uses them is
 * installed: a random value for each {@code random} key, made here and stored only in the Secret.
 * An existing Secret is never replaced, so re-running keeps the passwords.
 */
public final class SecretsStep implements Step {

    @Override
    public String id() {
        return "secrets";
    }

    @Override
    public String title(UpContext ctx) {
        return "Creating the platform's Secrets (never in git)";
    }

    @Override
    public Optional<String> notApplicable(UpContext ctx) {
        return ctx.plan().facts().upSecrets().isEmpty() ? Optional.of("no component needs a Secret strata up creates") : Optional.empty();
    }

    @Override
    public String fingerprint(UpContext ctx) {
        List<String> parts = new ArrayList<>();
        for (Map.Entry<String, UpSecret> e : ctx.plan().facts().upSecrets()) {
            parts.add(e.getKey() + "/" + e.getValue().name() + ":" + String.join(",", e.getValue().keys().keySet()));
        }
        return Fingerprint.of(parts.toArray(String[]::new));
    }

    @Override
    public String execute(UpContext ctx) {
        List<String> created = new ArrayList<>();
        for (Map.Entry<String, UpSecret> e : ctx.plan().facts().upSecrets()) {
            String namespace = e.getKey();
            UpSecret s = e.getValue();
            ctx.kube().ensureNamespace(namespace, Map.of());
            Map<String, String> data = new LinkedHashMap<>();
            s.keys().forEach((k, v) -> data.put(k, UpSecret.RANDOM.equals(v) ? random() : v));
            if (ctx.kube().ensureSecret(namespace, s.name(), data)) {
                created.add(namespace + "/" + s.name());
            }
        }
        return created.isEmpty() ? "all present" : String.join(", ", created);
    }

    private static String random() {
        byte[] b = new byte[18];
        new SecureRandom().nextBytes(b);
        return HexFormat.of().formatHex(b);
    }
}
