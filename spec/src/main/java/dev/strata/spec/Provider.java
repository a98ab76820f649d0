package dev.strata.spec;

import java.util.Locale;
import java.util.Optional;

/** How the cluster comes to be: created with kind, created with Talos, or an existing kubeconfig context. */
public enum Provider {
    KIND, TALOS, EXISTING;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<Provider> of(String id) {
        for (Provider p : values()) {
            if (p.id().equals(id)) {
                return Optional.of(p);
            }
        }
        return Optional.empty();
    }
}
