package dev.strata.render.config;

/** Config bundle names (plan's ConfigBundle) and where each is written. */
final class Bundles {

    static final String CERTIFICATES = "certificates";
    static final String GATEWAY = "gateway";
    static final String MESH_POLICIES = "mesh-policies";
    static final String LINKERD_IDENTITY = "linkerd-identity";
    static final String ADMISSION_POLICIES = "admission-policies";
    static final String OBSERVABILITY = "observability";

    static final String CERT_MANAGER_NAMESPACE = "cert-manager";
    static final String ISTIO_NAMESPACE = "istio-system";
    static final String LINKERD_NAMESPACE = "linkerd";

    /** The gateway's certificate: the Certificate, and the Secret cert-manager writes, share this name. */
    static final String GATEWAY_TLS = "platform-gateway-tls";
    static final String LAB_CA = "strata-lab-ca";
    static final String SELF_SIGNED = "strata-selfsigned";

    private Bundles() {
    }

    static String dir(String bundle) {
        return "platform/config/" + bundle;
    }
}
