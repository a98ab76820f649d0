package dev.strata.check.rules.schema;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import com.networknt.schema.path.NodePath;
import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.graph.ResourceGraph;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.yaml.tree.YList;
import dev.strata.yaml.tree.YMap;
import dev.strata.yaml.tree.YNode;
import dev.strata.yaml.tree.YScalar;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.JsonNodeFactory;
import tools.jackson.databind.node.ObjectNode;

/**
 * Validates custom resources against the openAPIV3Schema of their CRD when the CRD is in the input.
 * Like {@code kubectl --validate=strict}, fields the schema does not define are errors (the API server
 * would prune them), unless the schema preserves unknown fields.
 */
public final class CrdSchemaRule extends BaseRule {

    private static final JsonNodeFactory JSON = JsonNodeFactory.instance;
    private final Map<Resource, Map<String, Optional<Schema>>> cache = new ConcurrentHashMap<>();

    public CrdSchemaRule() {
        super(RuleInfo.across("crd-schema-violation", Category.SCHEMA, Severity.ERROR,
                "A custom resource does not conform to the openAPIV3Schema of its CustomResourceDefinition in the input.",
                "Fix the custom resource at the reported path to match the CRD's schema (kubectl explain KIND.spec)."));
    }

    static Optional<Resource> crdFor(Resource object, ResourceGraph graph) {
        if (object.group().isEmpty()) {
            return Optional.empty();
        }
        return graph.crd(object.group(), object.kind());
    }

    static boolean hasCrd(Resource object, ResourceGraph graph) {
        return crdFor(object, graph).isPresent();
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        Optional<Resource> crd = crdFor(object, ctx.graph());
        if (crd.isEmpty()) {
            return;
        }
        String version = object.apiVersion().substring(object.apiVersion().indexOf('/') + 1);
        Optional<Schema> schema = cache.computeIfAbsent(crd.get(), k -> new ConcurrentHashMap<>())
                .computeIfAbsent(version, v -> schema(crd.get(), v));
        if (schema.isEmpty()) {
            boolean served = crd.get().spec().maps("versions").stream().anyMatch(m -> m.strOr("name", "").equals(version));
            if (!served) {
                ctx.report(object.root().keyLine("apiVersion"), "version " + version + " is not served by CRD "
                        + crd.get().name());
            }
            return;
        }
        for (Error error : schema.get().validate(toJson(object.root()))) {
            String path = path(error.getInstanceLocation());
            String message = error.getMessage();
            int colon = message.indexOf(": ");
            String detail = colon >= 0 && message.startsWith("$") ? message.substring(colon + 2) : message;
            ctx.report(lineOf(object.root(), error.getInstanceLocation()), (path.isEmpty() ? "" : path + ": ") + detail);
        }
    }

    private static Optional<Schema> schema(Resource crd, String version) {
        for (YMap v : crd.spec().maps("versions")) {
            if (v.strOr("name", "").equals(version)) {
                Optional<YMap> openApi = v.path("schema", "openAPIV3Schema");
                if (openApi.isEmpty()) {
                    return Optional.empty();
                }
                ObjectNode root = (ObjectNode) toJson(openApi.get());
                strict(root);
                ObjectNode props = root.has("properties") ? (ObjectNode) root.get("properties") : root.putObject("properties");
                props.putObject("apiVersion").put("type", "string");
                props.putObject("kind").put("type", "string");
                props.putObject("metadata").put("type", "object");
                return Optional.of(SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_4).getSchema(root));
            }
        }
        return Optional.empty();
    }

    /**
     * Objects with properties reject unknown fields unless they preserve them — as the API server's
     * pruning does, from the structural schema only: the branches of allOf, anyOf, oneOf and not are
     * value validations (Kubernetes forbids types and pruning in them), so a branch that names some of
     * the properties never rejects the others (Gateway API's addresses: oneOf by type).
     */
    private static void strict(JsonNode node) {
        if (node instanceof ObjectNode o) {
            if (o.has("properties") && !o.has("additionalProperties")
                    && !o.path("x-kubernetes-preserve-unknown-fields").asBoolean(false)) {
                o.put("additionalProperties", false);
            }
            for (String key : new String[] {"properties", "patternProperties", "definitions"}) {
                if (o.get(key) instanceof ObjectNode children) {
                    children.values().forEach(CrdSchemaRule::strict);
                }
            }
            for (String key : new String[] {"items", "additionalProperties"}) {
                if (o.has(key)) {
                    strict(o.get(key));
                }
            }
        }
    }

    static JsonNode toJson(YNode node) {
        return switch (node) {
            case YMap m -> {
                ObjectNode o = JSON.objectNode();
                m.values().forEach((k, v) -> o.set(k, toJson(v)));
                yield o;
            }
            case YList l -> {
                ArrayNode a = JSON.arrayNode();
                l.items().forEach(i -> a.add(toJson(i)));
                yield a;
            }
            case YScalar s -> scalar(s);
        };
    }

    private static JsonNode scalar(YScalar s) {
        try {
            return switch (s.type()) {
                case NULL -> JSON.nullNode();
                case BOOL -> JSON.booleanNode(s.isTrue());
                case INT -> JSON.numberNode(new BigInteger(s.value().replace("_", "").replace("+", "")));
                case FLOAT -> JSON.numberNode(new BigDecimal(s.value()));
                case STRING -> JSON.stringNode(s.value());
            };
        } catch (NumberFormatException e) {
            return JSON.stringNode(s.value());
        }
    }

    private static String path(NodePath p) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < p.getNameCount(); i++) {
            Object element = p.getElement(i);
            if (element instanceof Integer index) {
                sb.append('[').append(index).append(']');
            } else {
                if (!sb.isEmpty()) {
                    sb.append('.');
                }
                sb.append(element);
            }
        }
        return sb.toString();
    }

    private static int lineOf(YMap root, NodePath p) {
        YNode current = root;
        int line = root.line();
        for (int i = 0; i < p.getNameCount(); i++) {
            Object element = p.getElement(i);
            if (current instanceof YMap m && element instanceof String key && m.has(key)) {
                line = m.keyLine(key);
                current = m.get(key).orElseThrow();
            } else if (current instanceof YList l && element instanceof Integer index && index < l.items().size()) {
                current = l.items().get(index);
                line = current.line();
            } else {
                break;
            }
        }
        return line;
    }
}
