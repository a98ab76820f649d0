package dev.strata.spec;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The whole platform, after the profile and the user's overrides are merged. */
public record PlatformSpec(String name, String profile, ClusterSpec cluster, GitSpec git,
                           Map<String, ComponentChoice> components, List<String> environments, List<AppSpec> apps) {

    public static final String API_VERSION = "strata.dev/v1alpha1";
    public static final String KIND = "Platform";

    public Optional<ComponentChoice> component(String id) {
        return Optional.ofNullable(components.get(id));
    }

    public boolean enabled(String id) {
        return component(id).map(ComponentChoice::enabled).orElse(false);
    }
}
