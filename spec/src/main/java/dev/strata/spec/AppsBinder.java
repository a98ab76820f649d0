package dev.strata.spec;

import dev.strata.catalog.Resources;
import dev.strata.spec.yaml.Problems;
import dev.strata.spec.yaml.YamlMap;
import dev.strata.yaml.tree.YNode;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Binds {@code spec.environments} and {@code spec.apps}: each app with its settings per environment. */
final class AppsBinder extends SectionBinder {

    static final String DEFAULT_APP_IMAGE = "strata.local/sample-api:0.1.0";
    static final Resources DEFAULT_APP_REQUESTS = Resources.of("50m", "112Mi");
    static final Resources DEFAULT_APP_LIMITS = Resources.of("500m", "384Mi");

    AppsBinder(Problems problems) {
        super(problems);
    }

    List<String> environments(YamlMap s) {
        if (!s.has("environments")) {
            s.node("environments");
            return List.of("dev");
        }
        List<String> envs = s.strings("environments");
        List<YNode> nodes = s.list("environments").orElse(List.of());
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < envs.size() && i < nodes.size(); i++) {
            String e = envs.get(i);
            if (!DNS_LABEL.matcher(e).matches() || e.length() > 20) {
                problems.add(nodes.get(i), s.pathOf("environments") + "[" + i + "]", "\"" + e + "\" is not a valid environment name; use up to 20 lowercase letters, digits and -");
            } else if (!seen.add(e)) {
                problems.add(nodes.get(i), s.pathOf("environments") + "[" + i + "]", "environment \"" + e + "\" is listed twice");
            }
        }
        if (envs.isEmpty() && s.has("environments")) {
            problems.add(s.node("environments").orElseThrow(), s.pathOf("environments"), "lists no environment; name at least one, e.g. [dev]");
        }
        return envs;
    }

    List<AppSpec> apps(YamlMap s, List<String> environments) {
        List<AppSpec> apps = new ArrayList<>();
        List<YNode> items = s.list("apps").orElse(List.of());
        Map<String, Integer> names = new LinkedHashMap<>();
        for (int i = 0; i < items.size(); i++) {
            String path = s.pathOf("apps") + "[" + i + "]";
            int index = i;
            YamlMap.of(items.get(i), path, problems).map(a -> app(a, environments)).ifPresent(a -> {
                Integer first = names.putIfAbsent(a.name(), index);
                if (first != null && !a.name().isEmpty()) {
                    problems.add(items.get(index), path + ".name", "\"" + a.name() + "\" is already the name of apps[" + first + "]; app names must be unique");
                }
                apps.add(a);
            });
        }
        return apps;
    }

    private AppSpec app(YamlMap a, List<String> environments) {
        String name = a.requiredString("name", "e.g. name: sample-api").orElse("");
        a.node("name").ifPresent(n -> dnsLabel(n, a.pathOf("name"), name));
        String image = a.string("image").orElse(DEFAULT_APP_IMAGE);
        a.node("image").ifPresent(n -> {
            String tag = image.contains("@") ? "digest" : image.lastIndexOf(':') > image.lastIndexOf('/') ? image.substring(image.lastIndexOf(':') + 1) : "";
            if (tag.isEmpty()) {
                problems.add(n, a.pathOf("image"), "\"" + image + "\" has no tag; pin a version (image:1.2.3) or a digest (image@sha256:...)");
            } else if ("latest".equals(tag)) {
                problems.add(n, a.pathOf("image"), "\"" + image + "\" uses the latest tag; pin a version or a digest so that every sync runs the same code");
            }
        });
        int port = a.integer("port").orElse(8080);
        a.node("port").ifPresent(n -> {
            if (port < 1 || port > 65535) {
                problems.add(n, a.pathOf("port"), port + " is not a port; use 1-65535");
            }
        });
        Resources requests = DEFAULT_APP_REQUESTS;
        Resources limits = DEFAULT_APP_LIMITS;
        Optional<YamlMap> res = a.map("resources");
        if (res.isPresent()) {
            YamlMap r = res.get();
            requests = r.map("requests").map(q -> resources(q, DEFAULT_APP_REQUESTS)).orElse(DEFAULT_APP_REQUESTS);
            limits = r.map("limits").map(q -> resources(q, DEFAULT_APP_LIMITS)).orElse(DEFAULT_APP_LIMITS);
            r.done();
            if (requests.cpu().compareTo(limits.cpu()) > 0 || requests.memory().compareTo(limits.memory()) > 0) {
                problems.add(r.node(), r.path(), "requests " + requests.toCpuMem() + " exceed limits " + limits.toCpuMem() + "; requests must not be above limits");
            }
        }
        String antiAffinity = a.string("antiAffinity").orElse("preferred");
        if (!List.of("required", "preferred", "none").contains(antiAffinity)) {
            problems.add(a.node("antiAffinity").orElseThrow(), a.pathOf("antiAffinity"), "\"" + antiAffinity + "\" is not an anti-affinity; known: required, preferred, none");
        }
        String rollout = a.string("rollout").orElse("deployment");
        if (!List.of("deployment", "canary").contains(rollout)) {
            problems.add(a.node("rollout").orElseThrow(), a.pathOf("rollout"), "\"" + rollout + "\" is not a rollout strategy; known: deployment, canary");
        }
        List<AppEnvironment> envs = new ArrayList<>();
        Optional<YamlMap> envMap = a.map("environments");
        if (envMap.isPresent()) {
            YamlMap m = envMap.get();
            for (String env : m.keys()) {
                YNode key = m.keyNode(env).orElse(m.node());
                if (!environments.contains(env)) {
                    m.node(env);
                    problems.add(key, m.pathOf(env), "\"" + env + "\" is not an environment; known: " + String.join(", ", environments));
                    continue;
                }
                Optional<YamlMap> e = m.node(env).flatMap(n -> YamlMap.of(n, m.pathOf(env), problems));
                int replicas = e.flatMap(x -> x.integer("replicas")).orElse(1);
                int max = e.flatMap(x -> x.integer("maxReplicas")).orElse(Math.max(replicas, 3));
                e.ifPresent(x -> {
                    if (replicas < 0 || replicas > 1000) {
                        problems.add(x.node("replicas").orElseThrow(), x.pathOf("replicas"), replicas + " is out of range; use 0 to 1000");
                    }
                    if (max < replicas) {
                        problems.add(x.node("maxReplicas").orElseThrow(), x.pathOf("maxReplicas"), max + " is below replicas " + replicas + "; the HPA maximum must be at least the replicas");
                    }
                    x.done();
                });
                if (env.length() + 1 + name.length() > 63) {
                    problems.add(key, m.pathOf(env), "namespace \"" + env + "-" + name + "\" would be longer than 63 characters; shorten the app or environment name");
                }
                envs.add(new AppEnvironment(env, replicas, max));
            }
            m.done();
        } else {
            for (String env : environments) {
                envs.add(new AppEnvironment(env, 1, 3));
            }
        }
        List<ExternalService> external = new ArrayList<>();
        List<YNode> ext = a.list("external").orElse(List.of());
        for (int i = 0; i < ext.size(); i++) {
            String path = a.pathOf("external") + "[" + i + "]";
            YamlMap.of(ext.get(i), path, problems).ifPresent(x -> {
                String n = x.requiredString("name", "e.g. name: postgres").orElse("");
                x.node("name").ifPresent(node -> dnsLabel(node, x.pathOf("name"), n));
                String address = x.requiredString("address", "an IP address, e.g. 172.19.0.56").orElse("");
                if (!address.isEmpty() && !address.matches("^[0-9]{1,3}(\\.[0-9]{1,3}){3}$")) {
                    problems.add(x.node("address").orElseThrow(), x.pathOf("address"), "\"" + address + "\" is not an IPv4 address; EndpointSlices need addresses, not names");
                }
                int p = x.integer("port").orElse(0);
                if (!x.has("port")) {
                    x.missing("port", "e.g. port: 5432");
                } else if (p < 1 || p > 65535) {
                    problems.add(x.node("port").orElseThrow(), x.pathOf("port"), p + " is not a port; use 1-65535");
                }
                x.done();
                external.add(new ExternalService(n, address, p));
            });
        }
        a.done();
        return new AppSpec(name, image, port, requests, limits, antiAffinity, envs, external, rollout);
    }
}
