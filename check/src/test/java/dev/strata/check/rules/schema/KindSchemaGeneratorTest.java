package dev.strata.check.rules.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.databind.JavaType;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.annotation.JsonDeserialize;
import com.fasterxml.jackson.databind.introspect.BeanPropertyDefinition;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.IntOrString;
import io.fabric8.kubernetes.api.model.Quantity;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/**
 * Generates the compact schema of built-in kinds from fabric8's model and fails when the bundled
 * file differs. Regenerate with {@code -Dstrata.schema.write=true}.
 */
class KindSchemaGeneratorTest {

    private static final Path BUNDLED = Path.of("src/main/resources/dev/strata/check/k8s-schema.txt");
    private static final String PREFIX = "io.fabric8.kubernetes.api.model.";

    private static final List<Class<? extends HasMetadata>> KINDS = List.of(
            io.fabric8.kubernetes.api.model.Pod.class,
            io.fabric8.kubernetes.api.model.Service.class,
            io.fabric8.kubernetes.api.model.ConfigMap.class,
            io.fabric8.kubernetes.api.model.Secret.class,
            io.fabric8.kubernetes.api.model.ServiceAccount.class,
            io.fabric8.kubernetes.api.model.Namespace.class,
            io.fabric8.kubernetes.api.model.PersistentVolumeClaim.class,
            io.fabric8.kubernetes.api.model.PersistentVolume.class,
            io.fabric8.kubernetes.api.model.Endpoints.class,
            io.fabric8.kubernetes.api.model.LimitRange.class,
            io.fabric8.kubernetes.api.model.ResourceQuota.class,
            io.fabric8.kubernetes.api.model.ReplicationController.class,
            io.fabric8.kubernetes.api.model.apps.Deployment.class,
            io.fabric8.kubernetes.api.model.apps.StatefulSet.class,
            io.fabric8.kubernetes.api.model.apps.DaemonSet.class,
            io.fabric8.kubernetes.api.model.apps.ReplicaSet.class,
            io.fabric8.kubernetes.api.model.batch.v1.Job.class,
            io.fabric8.kubernetes.api.model.batch.v1.CronJob.class,
            io.fabric8.kubernetes.api.model.networking.v1.Ingress.class,
            io.fabric8.kubernetes.api.model.networking.v1.IngressClass.class,
            io.fabric8.kubernetes.api.model.networking.v1.NetworkPolicy.class,
            io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget.class,
            io.fabric8.kubernetes.api.model.rbac.Role.class,
            io.fabric8.kubernetes.api.model.rbac.ClusterRole.class,
            io.fabric8.kubernetes.api.model.rbac.RoleBinding.class,
            io.fabric8.kubernetes.api.model.rbac.ClusterRoleBinding.class,
            io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler.class,
            io.fabric8.kubernetes.api.model.autoscaling.v1.HorizontalPodAutoscaler.class,
            io.fabric8.kubernetes.api.model.apiextensions.v1.CustomResourceDefinition.class,
            io.fabric8.kubernetes.api.model.storage.StorageClass.class,
            io.fabric8.kubernetes.api.model.scheduling.v1.PriorityClass.class,
            io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingWebhookConfiguration.class,
            io.fabric8.kubernetes.api.model.admissionregistration.v1.MutatingWebhookConfiguration.class,
            io.fabric8.kubernetes.api.model.gatewayapi.v1.Gateway.class,
            io.fabric8.kubernetes.api.model.gatewayapi.v1.GatewayClass.class,
            io.fabric8.kubernetes.api.model.gatewayapi.v1.HTTPRoute.class,
            io.fabric8.kubernetes.api.model.gatewayapi.v1.GRPCRoute.class,
            io.fabric8.kubernetes.api.model.gatewayapi.v1beta1.ReferenceGrant.class,
            io.fabric8.kubernetes.api.model.discovery.v1.EndpointSlice.class,
            io.fabric8.kubernetes.api.model.node.v1.RuntimeClass.class,
            io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicy.class,
            io.fabric8.kubernetes.api.model.admissionregistration.v1.ValidatingAdmissionPolicyBinding.class);

    private final ObjectMapper mapper = new ObjectMapper();

    @Test
    void bundledSchemaMatchesFabric8Model() throws Exception {
        String generated = generate();
        if (Boolean.getBoolean("strata.schema.write") || Files.size(BUNDLED) == 0) {
            Files.writeString(BUNDLED, generated, StandardCharsets.UTF_8);
        }
        assertThat(Files.readString(BUNDLED, StandardCharsets.UTF_8))
                .as("bundled k8s-schema.txt is stale; rerun with -Dstrata.schema.write=true")
                .isEqualTo(generated);
    }

    private String generate() throws Exception {
        StringBuilder out = new StringBuilder("# generated from fabric8 kubernetes-model by KindSchemaGeneratorTest; do not edit\n");
        Map<String, String> kinds = new TreeMap<>();
        Deque<Class<?>> queue = new ArrayDeque<>();
        for (Class<? extends HasMetadata> kind : KINDS) {
            HasMetadata instance = kind.getDeclaredConstructor().newInstance();
            kinds.put(instance.getApiVersion() + " " + instance.getKind(), name(kind));
            queue.add(kind);
        }
        kinds.forEach((k, t) -> out.append("K ").append(k).append(' ').append(t).append('\n'));
        Map<String, Map<String, String>> types = new TreeMap<>();
        Set<Class<?>> seen = new LinkedHashSet<>();
        while (!queue.isEmpty()) {
            Class<?> cls = queue.poll();
            if (!seen.add(cls)) {
                continue;
            }
            Map<String, String> fields = new TreeMap<>();
            for (BeanPropertyDefinition p : mapper.getDeserializationConfig()
                    .introspect(mapper.constructType(cls)).findProperties()) {
                // fabric8's catch-all map is called additionalProperties; JSON Schema's own keyword of that name
                // (a schema or a boolean) is a real field of JSONSchemaProps
                boolean schemaKeyword = cls.getSimpleName().equals("JSONSchemaProps") && p.getName().equals("additionalProperties");
                if (!schemaKeyword && (!p.hasSetter() && !p.hasField() || p.getName().equals("additionalProperties"))) {
                    continue;
                }
                if (schemaKeyword) {
                    fields.put(p.getName(), "any");
                    continue;
                }
                if (p.getField() != null && p.getField().hasAnnotation(JsonIgnore.class)) {
                    continue;
                }
                fields.put(p.getName(), token(p.getPrimaryType(), queue));
            }
            types.put(name(cls), fields);
        }
        types.forEach((t, fields) -> {
            out.append("T ").append(t).append('\n');
            fields.forEach((f, token) -> out.append("F ").append(f).append(' ').append(token).append('\n'));
        });
        return out.toString();
    }

    private String token(JavaType type, Deque<Class<?>> queue) {
        Class<?> raw = type.getRawClass();
        if (type.isMapLikeType()) {
            return "map<" + token(type.getContentType(), queue) + ">";
        }
        if (type.isCollectionLikeType() || type.isArrayType()) {
            return "list<" + token(type.getContentType(), queue) + ">";
        }
        if (raw == String.class || raw.isEnum()) {
            return "string";
        }
        if (raw == Integer.class || raw == Long.class || raw == Short.class || raw == int.class || raw == long.class) {
            return "integer";
        }
        if (raw == Double.class || raw == Float.class || raw == double.class || raw == java.math.BigDecimal.class) {
            return "number";
        }
        if (raw == Boolean.class || raw == boolean.class) {
            return "boolean";
        }
        if (raw == IntOrString.class) {
            return "int-or-string";
        }
        if (raw == Quantity.class) {
            return "quantity";
        }
        // JSON Schema's "either" keywords (a schema or a list, a schema or a boolean) are one Java wrapper in fabric8
        if (raw.getSimpleName().startsWith("JSONSchemaPropsOr")) {
            return "any";
        }
        JsonDeserialize custom = raw.getAnnotation(JsonDeserialize.class);
        boolean customDeserializer = custom != null && custom.using() != com.fasterxml.jackson.databind.JsonDeserializer.None.class;
        if (!raw.getName().startsWith(PREFIX) || customDeserializer || raw.isInterface()
                || java.lang.reflect.Modifier.isAbstract(raw.getModifiers())) {
            return "any";
        }
        queue.add(raw);
        return name(raw);
    }

    private static String name(Class<?> cls) {
        return cls.getName().substring(PREFIX.length());
    }
}
