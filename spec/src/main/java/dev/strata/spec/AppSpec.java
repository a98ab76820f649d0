package dev.strata.spec;

import dev.strata.catalog.Resources;

import java.util.List;

/**
 * An application deployed per environment into namespace {@code <env>-<name>}.
 *
 * @param antiAffinity required | preferred | none — how replicas spread over nodes
 * @param external     services outside the cluster the app reaches (selector-less Services)
 */
public record AppSpec(String name, String image, int port, Resources requests, Resources limits,
                      String antiAffinity, List<AppEnvironment> environments, List<ExternalService> external,
                      String rollout) {

    public String namespace(String env) {
        return env + "-" + name;
    }
}
