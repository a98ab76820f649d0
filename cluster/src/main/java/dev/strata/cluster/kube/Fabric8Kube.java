package dev.strata.cluster.kube;

import dev.strata.cluster.ClusterException;
import io.fabric8.kubernetes.api.model.GenericKubernetesResource;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.NamespaceBuilder;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodBuilder;
import io.fabric8.kubernetes.api.model.Quantity;
import io.fabric8.kubernetes.api.model.SecretBuilder;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy;
import io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicyBuilder;
import io.fabric8.kubernetes.client.Config;
import io.fabric8.kubernetes.client.ConfigBuilder;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.KubernetesClientBuilder;
import io.fabric8.kubernetes.client.KubernetesClientException;
import io.fabric8.kubernetes.client.LocalPortForward;
import io.fabric8.kubernetes.client.dsl.base.ResourceDefinitionContext;
import java.io.IOException;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;

/** The real {@link Kube}: fabric8's client, confined to this class. */
public final class Fabric8Kube implements Kube, AutoCloseable {

    private static final String FIELD_MANAGER = "strata";
    /** Argo CD's Application, spelled out: no discovery round trip, and a clear empty list before Argo CD exists. */
    public static final ResourceDefinitionContext APPLICATIONS =
            new ResourceDefinitionContext.Builder().withGroup("argoproj.io").withVersion("v1alpha1")
                    .withKind("Application").withPlural("applications").withNamespaced(true).build();
    private final KubernetesClient client;
    private final String description;
    /** Why there is no cluster to talk to before any request (no kubeconfig, an unknown context). */
    private final Optional<String> unconfigured;

    public Fabric8Kube(KubernetesClient client, String description) {
        this(client, description, Optional.empty());
    }

    private Fabric8Kube(KubernetesClient client, String description, Optional<String> unconfigured) {
        this.client = client;
        this.description = description;
        this.unconfigured = unconfigured;
    }

    /** Probes answer within seconds: one try, no retry back-off (fabric8's default retries for ~20 s). */
    private static final int PROBE_MILLIS = 2_000;

    /** Why the kubeconfig cannot lead to this context, said before any network call; empty when it can. */
    static Optional<String> unconfigured(Config config, Optional<String> context) {
        if (System.getenv("KUBERNETES_SERVICE_HOST") != null) {
            return Optional.empty(); // inside a pod: the service account's cluster
        }
        List<String> files = Config.getKubeconfigFilenames().stream().toList();
        boolean any = files.stream().anyMatch(f -> Files.isRegularFile(Path.of(f)));
        if (!any) {
            return Optional.of("no kubeconfig (looked at " + String.join(", ", files) + ")");
        }
        if (context.isPresent() && config.getContexts().stream().noneMatch(c -> c.getName().equals(context.get()))) {
            return Optional.of("context " + context.get() + " is not in the kubeconfig (" + String.join(", ", files) + ")");
        }
        return Optional.empty();
    }

    /**
     * A client for a kubeconfig context (empty: the current context). Every client error comes out
     * as a {@link ClusterException} naming the operation and the cluster, never as a stack trace.
     */
    public static Kube forContext(Optional<String> context) {
        Config config = context.map(Config::autoConfigure).orElseGet(() -> Config.autoConfigure(null));
        Optional<String> unconfigured = unconfigured(config, context);
        KubernetesClient c = new KubernetesClientBuilder().withConfig(config).build();
        String where = context.map(x -> "context " + x).orElse("the current context");
        Fabric8Kube kube = new Fabric8Kube(c, unconfigured.map(why -> where + ": " + why).orElse(where + " (" + config.getMasterUrl() + ")"),
                unconfigured);
        return (Kube) Proxy.newProxyInstance(Kube.class.getClassLoader(), new Class<?>[] {Kube.class}, (proxy, method, args) -> {
            try {
                return method.invoke(kube, args);
            } catch (InvocationTargetException e) {
                if (e.getCause() instanceof KubernetesClientException k) {
                    throw kube.failure(method.getName() + (args == null || args.length == 0 ? "" : " " + args[0]), k);
                }
                throw e.getCause();
            }
        });
    }

    @Override
    public String describe() {
        return description;
    }

    @Override
    public boolean reachable() {
        if (unconfigured.isPresent()) {
            return false;
        }
        Config probe = new ConfigBuilder(client.getConfiguration()).withConnectionTimeout(PROBE_MILLIS)
                .withRequestTimeout(PROBE_MILLIS).withRequestRetryBackoffLimit(0).build();
        try (KubernetesClient quick = new KubernetesClientBuilder().withConfig(probe).build()) {
            quick.getKubernetesVersion();
            return true;
        } catch (KubernetesClientException e) {
            return false;
        }
    }

    @Override
    public List<AppStatus> applications() {
        try {
            return client.genericKubernetesResources(APPLICATIONS).inNamespace("argocd").list().getItems().stream()
                    .map(this::toMap).map(AppStatus::parse).sorted(Comparator.comparingInt(AppStatus::wave).thenComparing(AppStatus::name)).toList();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return List.of();
            }
            throw failure("listing Argo CD Applications", e);
        }
    }

    @Override
    public List<NodeStatus> nodes() {
        return client.nodes().list().getItems().stream().map(Fabric8Kube::node).toList();
    }

    private static NodeStatus node(Node n) {
        boolean ready = Optional.ofNullable(n.getStatus()).map(s -> s.getConditions()).orElse(List.of()).stream()
                .anyMatch(c -> "Ready".equals(c.getType()) && "True".equals(c.getStatus()));
        String ip = Optional.ofNullable(n.getStatus()).map(s -> s.getAddresses()).orElse(List.of()).stream()
                .filter(a -> "InternalIP".equals(a.getType())).map(NodeAddress::getAddress).findFirst().orElse("");
        return new NodeStatus(n.getMetadata().getName(), ready, Optional.ofNullable(n.getMetadata().getLabels()).orElse(Map.of()), ip);
    }

    @Override
    public List<PodStatus> pods(String namespace) {
        var op = namespace.isEmpty() ? client.pods().inAnyNamespace().list() : client.pods().inNamespace(namespace).list();
        return op.getItems().stream().map(Fabric8Kube::pod).toList();
    }

    static PodStatus pod(Pod p) {
        var status = Optional.ofNullable(p.getStatus());
        var containers = status.map(s -> s.getContainerStatuses()).orElse(List.of());
        boolean ready = !containers.isEmpty() && containers.stream().allMatch(c -> Boolean.TRUE.equals(c.getReady()));
        int restarts = containers.stream().mapToInt(c -> Optional.ofNullable(c.getRestartCount()).orElse(0)).sum();
        String problem = containers.stream().map(c -> c.getState()).filter(s -> s != null)
                .map(s -> s.getWaiting() != null ? s.getWaiting().getReason() : s.getTerminated() != null && !"Completed".equals(s.getTerminated().getReason()) ? s.getTerminated().getReason() : null)
                .filter(r -> r != null && !r.equals("ContainerCreating") && !r.equals("PodInitializing")).findFirst().orElse("");
        return new PodStatus(p.getMetadata().getNamespace(), p.getMetadata().getName(),
                Optional.ofNullable(p.getSpec()).map(s -> s.getNodeName()).orElse(""),
                status.map(s -> s.getPhase()).orElse("Unknown"), ready, restarts, problem,
                Optional.ofNullable(p.getMetadata().getOwnerReferences()).orElse(List.of()).stream()
                        .filter(o -> Boolean.TRUE.equals(o.getController())).map(o -> o.getKind()).findFirst().orElse(""));
    }

    @Override
    public List<String> events(String namespace, String name) {
        return client.v1().events().inNamespace(namespace).withField("involvedObject.name", name).list().getItems().stream()
                .sorted(Comparator.comparing(e -> Optional.ofNullable(e.getLastTimestamp()).orElse("")))
                .map(e -> e.getReason() + ": " + e.getMessage()).toList();
    }

    @Override
    public List<String> logTail(String namespace, String pod, int lines) {
        try {
            String log = client.pods().inNamespace(namespace).withName(pod).tailingLines(lines).getLog();
            return log == null || log.isBlank() ? List.of() : List.of(log.strip().split("\n"));
        } catch (KubernetesClientException e) {
            return List.of("(no log: " + e.getStatus().getMessage() + ")");
        }
    }

    @Override
    public Optional<Map<String, Object>> get(ResourceRef ref) {
        try {
            var op = client.genericKubernetesResources(ref.apiVersion(), ref.kind());
            GenericKubernetesResource r = ref.namespace().isEmpty() ? op.withName(ref.name()).get() : op.inNamespace(ref.namespace()).withName(ref.name()).get();
            return Optional.ofNullable(r).map(this::toMap);
        } catch (KubernetesClientException e) {
            if (e.getCode() == 404) {
                return Optional.empty();
            }
            throw failure("reading " + ref, e);
        }
    }

    @Override
    public void apply(Map<String, Object> object) {
        try {
            client.resource(generic(object)).fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply();
        } catch (KubernetesClientException e) {
            throw failure("applying " + ResourceRef.of(object), e);
        }
    }

    @Override
    public Map<String, Object> dryRunApply(Map<String, Object> object) {
        try {
            return toMap(client.resource(generic(object)).dryRun().fieldManager(FIELD_MANAGER).forceConflicts().serverSideApply());
        } catch (KubernetesClientException e) {
            throw failure("dry-run applying " + ResourceRef.of(object), e);
        }
    }

    @Override
    public void delete(ResourceRef ref) {
        var op = client.genericKubernetesResources(ref.apiVersion(), ref.kind());
        try {
            (ref.namespace().isEmpty() ? op.withName(ref.name()) : op.inNamespace(ref.namespace()).withName(ref.name())).delete();
        } catch (KubernetesClientException e) {
            if (e.getCode() != 404) {
                throw failure("deleting " + ref, e);
            }
        }
    }

    @Override
    public boolean ensureNamespace(String name, Map<String, String> labels) {
        if (client.namespaces().withName(name).get() != null) {
            return false;
        }
        Namespace ns = new NamespaceBuilder().withNewMetadata().withName(name).withLabels(labels).endMetadata().build();
        client.namespaces().resource(ns).create();
        return true;
    }

    @Override
    public boolean ensureSecret(String namespace, String name, Map<String, String> stringData) {
        if (client.secrets().inNamespace(namespace).withName(name).get() != null) {
            return false;
        }
        Map<String, String> data = new LinkedHashMap<>();
        stringData.forEach((k, v) -> data.put(k, Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))));
        client.secrets().inNamespace(namespace).resource(new SecretBuilder().withNewMetadata().withName(name).withNamespace(namespace)
                .addToLabels("app.kubernetes.io/managed-by", "strata").endMetadata().withData(data).build()).create();
        return true;
    }

    @Override
    public Optional<String> secretValue(String namespace, String name, String key) {
        return Optional.ofNullable(client.secrets().inNamespace(namespace).withName(name).get())
                .map(s -> s.getData()).map(d -> d.get(key))
                .map(v -> new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8));
    }

    @Override
    public void annotate(ResourceRef ref, String key, String value) {
        var op = client.genericKubernetesResources(ref.apiVersion(), ref.kind());
        (ref.namespace().isEmpty() ? op.withName(ref.name()) : op.inNamespace(ref.namespace()).withName(ref.name()))
                .edit(r -> {
                    r.getMetadata().getAnnotations().put(key, value);
                    return r;
                });
    }

    @Override
    public Optional<String> admissionRejection(Map<String, Object> object) {
        try {
            client.resource(generic(object)).dryRun().create();
            return Optional.empty();
        } catch (KubernetesClientException e) {
            if (e.getCode() == 400 || e.getCode() == 403 || e.getCode() == 422) {
                return Optional.of(Optional.ofNullable(e.getStatus()).map(s -> s.getMessage()).orElse(e.getMessage()));
            }
            throw failure("trying to create " + ResourceRef.of(object), e);
        }
    }

    @Override
    public ProbeResult runProbe(Probe probe, Duration timeout) {
        // Restricted-profile pod (non-root, no privilege escalation, no capabilities, read-only root,
        // bounded resources), so that Pod Security or policy engines do not reject the probe itself.
        Pod pod = new PodBuilder().withNewMetadata().withName(probe.name()).withNamespace(probe.namespace())
                .withLabels(probe.labels()).withAnnotations(probe.annotations()).endMetadata()
                .withNewSpec().withRestartPolicy("Never").withServiceAccountName(probe.serviceAccount().isEmpty() ? null : probe.serviceAccount())
                .withNewSecurityContext().withRunAsNonRoot(true).withRunAsUser(100L).withRunAsGroup(101L)
                .withNewSeccompProfile().withType("RuntimeDefault").endSeccompProfile().endSecurityContext()
                .addNewContainer().withName("probe").withImage(probe.image()).withCommand(probe.command())
                .withNewSecurityContext().withAllowPrivilegeEscalation(false).withReadOnlyRootFilesystem(true)
                .withNewCapabilities().withDrop("ALL").endCapabilities().endSecurityContext()
                .withNewResources()
                .addToRequests("cpu", new Quantity("10m"))
                .addToRequests("memory", new Quantity("16Mi"))
                .addToLimits("cpu", new Quantity("200m"))
                .addToLimits("memory", new Quantity("64Mi")).endResources()
                .endContainer().endSpec().build();
        var handle = client.pods().inNamespace(probe.namespace()).withName(probe.name());
        handle.delete();
        handle.waitUntilCondition(p -> p == null, 60, TimeUnit.SECONDS);
        List<NetworkPolicy> admission = probe.admitted() ? admission(probe) : List.of();
        admission.forEach(np -> client.network().v1().networkPolicies().inNamespace(probe.namespace()).resource(np).createOr(x -> x.update()));
        client.pods().inNamespace(probe.namespace()).resource(pod).create();
        boolean completed = true;
        try {
            handle.waitUntilCondition(p -> p != null && p.getStatus() != null && p.getStatus().getContainerStatuses() != null
                    && p.getStatus().getContainerStatuses().stream().anyMatch(c -> c.getName().equals("probe") && c.getState() != null && c.getState().getTerminated() != null),
                    timeout.toSeconds(), TimeUnit.SECONDS);
        } catch (KubernetesClientException e) {
            completed = false;
        }
        try {
            String log = handle.inContainer("probe").getLog();
            return new ProbeResult(completed, log == null ? "" : log);
        } finally {
            handle.delete();
            admission.forEach(np -> client.network().v1().networkPolicies().inNamespace(probe.namespace()).withName(np.getMetadata().getName()).delete());
        }
    }

    /**
     * Two NetworkPolicies for a probe in a default-deny namespace: every pod there admits the probe,
     * and the probe may go anywhere (its sidecar reaches istiod too). Policies add up, so nothing else
     * in the namespace is opened.
     */
    static List<NetworkPolicy> admission(Probe probe) {
        var in = new NetworkPolicyBuilder()
                .withNewMetadata().withName(probe.name() + "-in").withNamespace(probe.namespace())
                .addToLabels("app.kubernetes.io/managed-by", "strata").endMetadata()
                .withNewSpec().withNewPodSelector().endPodSelector().withPolicyTypes("Ingress")
                .addNewIngress().addNewFrom().withNewPodSelector().addToMatchLabels(Probe.LABEL, probe.name()).endPodSelector().endFrom().endIngress()
                .endSpec().build();
        var out = new NetworkPolicyBuilder()
                .withNewMetadata().withName(probe.name() + "-out").withNamespace(probe.namespace())
                .addToLabels("app.kubernetes.io/managed-by", "strata").endMetadata()
                .withNewSpec().withNewPodSelector().addToMatchLabels(Probe.LABEL, probe.name()).endPodSelector().withPolicyTypes("Egress")
                .addNewEgress().endEgress()
                .endSpec().build();
        return List.of(in, out);
    }

    @Override
    public PortForward portForward(String namespace, String service, int port) {
        LocalPortForward f = client.services().inNamespace(namespace).withName(service).portForward(port);
        return new PortForward() {
            @Override
            public int localPort() {
                return f.getLocalPort();
            }

            @Override
            public void close() {
                try {
                    f.close();
                } catch (IOException e) {
                    // the forward is gone either way
                }
            }
        };
    }

    @Override
    public void close() {
        client.close();
    }

    private GenericKubernetesResource generic(Map<String, Object> object) {
        return client.getKubernetesSerialization().convertValue(object, GenericKubernetesResource.class);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> toMap(HasMetadata r) {
        return client.getKubernetesSerialization().convertValue(r, Map.class);
    }

    private ClusterException failure(String what, KubernetesClientException e) {
        Throwable root = e;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        String cause = root == e ? e.getMessage() : root.getClass().getSimpleName() + ": " + root.getMessage();
        String msg = Optional.ofNullable(e.getStatus()).map(s -> s.getMessage()).filter(m -> m != null && !m.isBlank()).orElse(cause);
        return new ClusterException(what + " in " + description + ": " + msg, List.of());
    }
}
