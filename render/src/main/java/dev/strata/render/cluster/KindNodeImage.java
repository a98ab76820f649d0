package dev.strata.render.cluster;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.Tool;
import dev.strata.render.RenderException;

import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The kindest/node image for a Kubernetes version, pinned by digest, from the catalog entry
 * {@code kind}: kind only guarantees the images built for its own release, keyed there by minor.
 */
public final class KindNodeImage {

    private static final Pattern VERSION = Pattern.compile("^v?(\\d+)\\.(\\d+)(?:\\.\\d+)?.*$");

    private KindNodeImage() {
    }

    public static String of(Catalog catalog, String kubernetesVersion) {
        Tool kind = catalog.get("kind").tools().get(0);
        String minor = minor(kubernetesVersion).orElseThrow(() -> new RenderException(List.of(
                "spec.cluster.kubernetesVersion: \"" + kubernetesVersion + "\" is not a Kubernetes version; write it as v1.34.11")));
        String image = kind.images().get(minor);
        if (image == null) {
            List<String> known = kind.images().keySet().stream().sorted(Comparator.comparing(KindNodeImage::order)).toList();
            throw new RenderException(List.of("spec.cluster.kubernetesVersion: kind " + kind.version() + " has no node image for Kubernetes "
                    + minor + " (" + kubernetesVersion + "); its images cover " + String.join(", ", known)
                    + "; pick a version of one of those minors"));
        }
        if (!image.contains("@sha256:")) {
            throw new RenderException(List.of("catalog entry kind: node image " + image + " for " + minor
                    + " is not pinned by digest; kind only guarantees the images of its release, so it must be image@sha256:<digest>"));
        }
        return image;
    }

    /** {@code v1.34.11} → {@code v1.34}. */
    static Optional<String> minor(String version) {
        Matcher m = VERSION.matcher(version.strip());
        return m.matches() ? Optional.of("v" + m.group(1) + "." + m.group(2)) : Optional.empty();
    }

    private static long order(String minor) {
        Matcher m = VERSION.matcher(minor);
        return m.matches() ? Long.parseLong(m.group(1)) * 1000 + Long.parseLong(m.group(2)) : Long.MAX_VALUE;
    }
}
