package dev.strata.cluster.kube;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Everything Strata asks of a Kubernetes API server — and nothing more, so that the real
 * client (fabric8) stays in one class and tests can observe every write. Writes are
 * {@link #apply}, {@link #delete}, {@link #ensureNamespace}, {@link #ensureSecret},
 * {@link #annotate} and {@link #runProbe}; everything else only reads.
 */
public interface Kube {

    /** The context (or server) this talks to, for messages. */
    String describe();

    /** Whether the API server answers at all. */
    boolean reachable();

    List<AppStatus> applications();

    List<NodeStatus> nodes();

    /** Pods of one namespace; the empty string means every namespace. */
    List<PodStatus> pods(String namespace);

    /** Events about one object, oldest first, as {@code Reason: message}. */
    List<String> events(String namespace, String name);

    /** The last lines of a pod's (first container's) log; empty when it has none yet. */
    List<String> logTail(String namespace, String pod, int lines);

    Optional<Map<String, Object>> get(ResourceRef ref);

    /** Server-side apply with field manager {@code strata} (conflicts forced: Strata owns what it applies). */
    void apply(Map<String, Object> object);

    /** What the object would become if applied (server-side dry run); the live object is not changed. */
    Map<String, Object> dryRunApply(Map<String, Object> object);

    /** Deletes the object; absent objects are fine. */
    void delete(ResourceRef ref);

    /** Creates the namespace with the labels if it is missing; true when it was created. */
    boolean ensureNamespace(String name, Map<String, String> labels);

    /** Creates the Secret if it is missing (an existing one is never overwritten); true when created. */
    boolean ensureSecret(String namespace, String name, Map<String, String> stringData);

    Optional<String> secretValue(String namespace, String name, String key);

    void annotate(ResourceRef ref, String key, String value);

    /** Tries to create the object with a server-side dry run; the admission rejection message, if any. */
    Optional<String> admissionRejection(Map<String, Object> object);

    /** Runs a probe pod to completion (bounded), returns its log, and deletes it. */
    ProbeResult runProbe(Probe probe, Duration timeout);

    /** Forwards a local port to a Service port; close the handle to stop. */
    PortForward portForward(String namespace, String service, int port);

    interface PortForward extends AutoCloseable {
        int localPort();

        @Override
        void close();
    }
}
