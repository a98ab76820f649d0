package dev.strata.check.admission;

import dev.strata.check.graph.PodTemplate;
import dev.strata.yaml.tree.YList;
import dev.strata.yaml.tree.YMap;
import dev.strata.yaml.tree.YNode;
import dev.strata.yaml.tree.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;

/**
 * The Pod Security Standards as the API server's Pod Security admission evaluates them at
 * {@code latest} (kubernetes/pod-security-admission v0.34, {@code policy/check_*.go}): every baseline
 * check, and for restricted the restricted checks besides (restricted volumes replace host path
 * volumes; restricted capabilities and seccomp replace the baseline ones). Init and ephemeral
 * containers are checked like containers ({@code visitContainers}). Pods with
 * {@code spec.os.name: windows} skip the Linux-only restricted checks; {@code hostUsers: false}
 * relaxes runAsNonRoot, runAsUser and procMount.
 */
public final class PodSecurity {

    /** A namespace's enforced level. */
    public enum Level {
        PRIVILEGED, BASELINE, RESTRICTED;

        public static Optional<Level> parse(String label) {
            return switch (label.strip().toLowerCase(Locale.ROOT)) {
                case "privileged" -> Optional.of(PRIVILEGED);
                case "baseline" -> Optional.of(BASELINE);
                case "restricted" -> Optional.of(RESTRICTED);
                default -> Optional.empty();
            };
        }

        public String label() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    public static final String ENFORCE_LABEL = "pod-security.kubernetes.io/enforce";

    /** One failed check: its id in the admission plugin and what is wrong. */
    public record Violation(String check, String detail, int line) {
    }

    private static final Set<String> BASELINE_CAPABILITIES = Set.of("AUDIT_WRITE", "CHOWN", "DAC_OVERRIDE", "FOWNER", "FSETID", "KILL",
            "MKNOD", "NET_BIND_SERVICE", "SETFCAP", "SETGID", "SETPCAP", "SETUID", "SYS_CHROOT");
    private static final Set<String> SAFE_SYSCTLS = Set.of("kernel.shm_rmid_forced", "net.ipv4.ip_local_port_range",
            "net.ipv4.ip_unprivileged_port_start", "net.ipv4.tcp_syncookies", "net.ipv4.ping_group_range",
            "net.ipv4.ip_local_reserved_ports", "net.ipv4.tcp_keepalive_time", "net.ipv4.tcp_fin_timeout",
            "net.ipv4.tcp_keepalive_intvl", "net.ipv4.tcp_keepalive_probes", "net.ipv4.tcp_rmem", "net.ipv4.tcp_wmem");
    private static final Set<String> SELINUX_TYPES = Set.of("", "container_t", "container_init_t", "container_kvm_t", "container_engine_t");
    private static final Set<String> RESTRICTED_VOLUMES = Set.of("configMap", "downwardAPI", "emptyDir", "projected", "secret", "csi",
            "persistentVolumeClaim", "ephemeral", "image");
    private static final List<String> PROBES = List.of("livenessProbe", "readinessProbe", "startupProbe");

    private PodSecurity() {
    }

    /** Every check of {@code level} the pod fails; empty when it is admitted. */
    public static List<Violation> evaluate(PodTemplate pod, Level level) {
        List<Violation> out = new ArrayList<>();
        if (level == Level.PRIVILEGED) {
            return out;
        }
        YMap spec = pod.podSpec();
        YMap podSc = spec.map("securityContext").orElse(YMap.empty());
        baseline(pod, spec, podSc, out);
        if (level == Level.RESTRICTED) {
            restricted(pod, spec, podSc, out);
        }
        return out;
    }

    private static void baseline(PodTemplate pod, YMap spec, YMap podSc, List<Violation> out) {
        for (String host : List.of("hostNetwork", "hostPID", "hostIPC")) {
            if (spec.bool(host).orElse(false)) {
                out.add(new Violation("hostNamespaces", host + "=true", spec.keyLine(host)));
            }
        }
        boolean restrictedVolumesApply = false;
        for (YMap v : spec.maps("volumes")) {
            if (v.has("hostPath")) {
                out.add(new Violation("hostPathVolumes", "volume " + v.strOr("name", "?") + " uses hostPath", v.keyLine("hostPath")));
            }
        }
        appArmor(podSc, "pod", out);
        seLinux(podSc, "pod", out);
        seccompBaseline(podSc, "pod", out);
        for (YMap sysctl : podSc.maps("sysctls")) {
            String name = sysctl.strOr("name", "");
            if (!SAFE_SYSCTLS.contains(name)) {
                out.add(new Violation("sysctls", "sysctl " + name + " is not one of the safe sysctls", sysctl.line()));
            }
        }
        if (podSc.path("windowsOptions").flatMap(w -> w.bool("hostProcess")).orElse(false)) {
            out.add(new Violation("windowsHostProcess", "pod windowsOptions.hostProcess=true", podSc.line()));
        }
        YMap annotations = annotations(pod);
        for (int i = 0; i < annotations.keyCount(); i++) {
            String key = annotations.keyAt(i);
            if (key.startsWith("container.apparmor.security.beta.kubernetes.io/")) {
                String value = annotations.valueAt(i) instanceof YScalar s ? s.text() : "";
                if (!value.isEmpty() && !value.equals("runtime/default") && !value.startsWith("localhost/")) {
                    out.add(new Violation("appArmorProfile", "annotation " + key + "=" + value, annotations.keyLineAt(i)));
                }
            }
        }
        boolean userNamespace = !spec.bool("hostUsers").orElse(true);
        for (PodTemplate.Container c : pod.allContainers()) {
            YMap sc = c.spec().map("securityContext").orElse(YMap.empty());
            String who = "container " + c.name();
            if (sc.bool("privileged").orElse(false)) {
                out.add(new Violation("privileged", who + " is privileged", sc.keyLine("privileged")));
            }
            for (String cap : strings(sc.path("capabilities").flatMap(x -> x.list("add").map(l -> (YNode) l)))) {
                if (!BASELINE_CAPABILITIES.contains(cap)) {
                    out.add(new Violation("capabilities_baseline", who + " adds capability " + cap, sc.line()));
                }
            }
            for (YMap port : c.spec().maps("ports")) {
                long hostPort = port.integer("hostPort").orElse(0L);
                if (hostPort != 0) {
                    out.add(new Violation("hostPorts", who + " binds host port " + hostPort, port.keyLine("hostPort")));
                }
            }
            appArmor(sc, who, out);
            seLinux(sc, who, out);
            seccompBaseline(sc, who, out);
            Optional<String> procMount = sc.str("procMount");
            if (procMount.isPresent() && !procMount.get().equals("Default") && !userNamespace) {
                out.add(new Violation("procMount", who + " procMount=" + procMount.get(), sc.keyLine("procMount")));
            }
            if (sc.path("windowsOptions").flatMap(w -> w.bool("hostProcess")).orElse(false)) {
                out.add(new Violation("windowsHostProcess", who + " windowsOptions.hostProcess=true", sc.line()));
            }
            for (String probe : PROBES) {
                c.spec().map(probe).ifPresent(p -> hostInHandler(p, who + " " + probe, out));
            }
            c.spec().map("lifecycle").ifPresent(l -> {
                l.map("postStart").ifPresent(h -> hostInHandler(h, who + " postStart", out));
                l.map("preStop").ifPresent(h -> hostInHandler(h, who + " preStop", out));
            });
        }
    }

    private static void restricted(PodTemplate pod, YMap spec, YMap podSc, List<Violation> out) {
        for (YMap v : spec.maps("volumes")) {
            for (int i = 0; i < v.keyCount(); i++) {
                String type = v.keyAt(i);
                if (!type.equals("name") && !type.equals("hostPath") && !RESTRICTED_VOLUMES.contains(type)) {
                    out.add(new Violation("restrictedVolumes", "volume " + v.strOr("name", "?") + " uses " + type, v.keyLineAt(i)));
                }
            }
        }
        boolean windows = spec.path("os").flatMap(o -> o.str("name")).map("windows"::equals).orElse(false);
        boolean userNamespace = !spec.bool("hostUsers").orElse(true);
        Optional<Boolean> podNonRoot = podSc.bool("runAsNonRoot");
        Optional<Long> podUser = podSc.integer("runAsUser");
        Optional<String> podSeccomp = podSc.path("seccompProfile").flatMap(s -> s.str("type"));
        if (podSeccomp.isPresent() && !allowedSeccomp(podSeccomp.get())) {
            out.add(new Violation("seccompProfile_restricted", "pod seccompProfile " + podSeccomp.get(), podSc.line()));
        }
        if (podUser.filter(u -> u == 0).isPresent() && !userNamespace) {
            out.add(new Violation("runAsUser", "pod runAsUser=0", podSc.keyLine("runAsUser")));
        }
        List<String> rootMissing = new ArrayList<>();
        for (PodTemplate.Container c : pod.allContainers()) {
            YMap sc = c.spec().map("securityContext").orElse(YMap.empty());
            String who = "container " + c.name();
            int line = c.spec().line();
            if (!windows && !sc.bool("allowPrivilegeEscalation").map(b -> !b).orElse(false)) {
                out.add(new Violation("allowPrivilegeEscalation", who + " must set securityContext.allowPrivilegeEscalation=false", line));
            }
            if (!windows) {
                Optional<YMap> caps = sc.map("capabilities");
                List<String> drop = strings(caps.flatMap(x -> x.list("drop").map(l -> (YNode) l)));
                if (drop.stream().noneMatch(d -> d.equals("ALL"))) {
                    out.add(new Violation("capabilities_restricted", who + " must set securityContext.capabilities.drop=[\"ALL\"]", line));
                }
                for (String add : strings(caps.flatMap(x -> x.list("add").map(l -> (YNode) l)))) {
                    if (!add.equals("NET_BIND_SERVICE")) {
                        out.add(new Violation("capabilities_restricted", who + " adds capability " + add + " (only NET_BIND_SERVICE is allowed)", line));
                    }
                }
            }
            Optional<Boolean> nonRoot = sc.bool("runAsNonRoot");
            if (!userNamespace) {
                if (nonRoot.filter(b -> !b).isPresent()) {
                    out.add(new Violation("runAsNonRoot", who + " sets runAsNonRoot=false", sc.keyLine("runAsNonRoot")));
                } else if (nonRoot.isEmpty() && !podNonRoot.orElse(false)) {
                    rootMissing.add(c.name());
                }
                if (sc.integer("runAsUser").filter(u -> u == 0).isPresent()) {
                    out.add(new Violation("runAsUser", who + " runAsUser=0", sc.keyLine("runAsUser")));
                }
            }
            if (!windows) {
                Optional<String> type = sc.path("seccompProfile").flatMap(s -> s.str("type"));
                if (type.isPresent() && !allowedSeccomp(type.get())) {
                    out.add(new Violation("seccompProfile_restricted", who + " seccompProfile " + type.get(), line));
                } else if (type.isEmpty() && podSeccomp.isEmpty()) {
                    out.add(new Violation("seccompProfile_restricted", who + " must set securityContext.seccompProfile.type to RuntimeDefault or Localhost (or the pod must)", line));
                }
            }
        }
        if (podNonRoot.filter(b -> !b).isPresent() && !userNamespace) {
            out.add(new Violation("runAsNonRoot", "pod sets runAsNonRoot=false", podSc.keyLine("runAsNonRoot")));
        }
        if (!rootMissing.isEmpty()) {
            out.add(new Violation("runAsNonRoot", "pod or container" + (rootMissing.size() > 1 ? "s " : " ") + String.join(", ", rootMissing)
                    + " must set securityContext.runAsNonRoot=true", spec.line()));
        }
    }

    private static boolean allowedSeccomp(String type) {
        return type.equals("RuntimeDefault") || type.equals("Localhost");
    }

    private static void seccompBaseline(YMap sc, String who, List<Violation> out) {
        sc.path("seccompProfile").flatMap(s -> s.str("type")).filter(t -> t.equals("Unconfined"))
                .ifPresent(t -> out.add(new Violation("seccompProfile_baseline", who + " seccompProfile Unconfined", sc.line())));
    }

    private static void appArmor(YMap sc, String who, List<Violation> out) {
        sc.path("appArmorProfile").flatMap(a -> a.str("type")).filter(t -> !t.equals("RuntimeDefault") && !t.equals("Localhost"))
                .ifPresent(t -> out.add(new Violation("appArmorProfile", who + " appArmorProfile " + t, sc.line())));
    }

    private static void seLinux(YMap sc, String who, List<Violation> out) {
        sc.map("seLinuxOptions").ifPresent(o -> {
            String type = o.strOr("type", "");
            if (!SELINUX_TYPES.contains(type)) {
                out.add(new Violation("seLinuxOptions", who + " seLinuxOptions.type " + type, o.line()));
            }
            if (!o.strOr("user", "").isEmpty() || !o.strOr("role", "").isEmpty()) {
                out.add(new Violation("seLinuxOptions", who + " sets seLinuxOptions user or role", o.line()));
            }
        });
    }

    private static void hostInHandler(YMap handler, String who, List<Violation> out) {
        for (String kind : List.of("httpGet", "tcpSocket")) {
            handler.map(kind).flatMap(h -> h.str("host")).filter(h -> !h.isEmpty())
                    .ifPresent(h -> out.add(new Violation("hostProbesAndHostLifecycle", who + " " + kind + ".host=" + h, handler.line())));
        }
    }

    private static YMap annotations(PodTemplate pod) {
        if (pod.owner().kind().equals("Pod")) {
            return pod.owner().metadata().map("annotations").orElse(YMap.empty());
        }
        return pod.templateMetadata().map("annotations").orElse(YMap.empty());
    }

    private static List<String> strings(Optional<YNode> list) {
        List<String> out = new ArrayList<>();
        if (list.isPresent() && list.get() instanceof YList l) {
            for (YNode n : l.items()) {
                if (n instanceof YScalar s) {
                    out.add(s.text());
                }
            }
        }
        return out;
    }
}
