package dev.strata.plan.facts;

/**
 * Where the observability stack listens inside the cluster: the Grafana data sources, the mesh's
 * trace provider and {@code verify} read the same URLs.
 *
 * @param namespace                the stack's namespace
 * @param lokiUrl                  Loki's HTTP API
 * @param prometheusUrl            Prometheus' HTTP API (kube-prometheus-stack, release kube-prometheus-stack)
 * @param tempoUrl                 Tempo's HTTP API
 * @param tempoOtlpGrpc            Tempo's OTLP/gRPC receiver, host:port
 * @param prometheusServiceAccount Prometheus' service account, the identity that scrapes
 */
public record Observability(String namespace, String lokiUrl, String prometheusUrl, String tempoUrl, String tempoOtlpGrpc,
                            String prometheusServiceAccount) {

    /** {@code http://<service>.<namespace>.svc.cluster.local:<port>}: a Service of the stack. */
    public String serviceUrl(String service, int port) {
        return "http://" + service + "." + namespace + ".svc.cluster.local:" + port;
    }
}
