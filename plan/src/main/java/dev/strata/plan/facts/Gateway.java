package dev.strata.plan.facts;

/**
 * The platform's entry point: the Gateway API Gateway every app's HTTPRoute attaches to, and the
 * host names it serves.
 *
 * @param namespace      where the Gateway and its pods run
 * @param name           the Gateway's name
 * @param serviceAccount the gateway pods' service account (Istio's gateway chart: the release name)
 * @param domain         the DNS domain the gateway serves: {@code <cluster>.localhost} resolves to the
 *                       loopback address without any DNS setup
 */
public record Gateway(String namespace, String name, String serviceAccount, String domain) {

    /** The host an app's environment is served at. */
    public String appHost(String app, String env) {
        return app + "-" + env + "." + domain;
    }

    /** The in-cluster DNS name of the gateway pods' Service (named after the service account). */
    public String serviceHost() {
        return serviceAccount + "." + namespace + ".svc.cluster.local";
    }
}
