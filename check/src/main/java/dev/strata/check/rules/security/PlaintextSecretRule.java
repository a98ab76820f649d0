package dev.strata.check.rules.security;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.check.rules.gitops.PlaceholderLeftRule;
import dev.strata.yaml.tree.YMap;
import dev.strata.yaml.tree.YScalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A Secret committed to Git with its data readable by anyone with the repository. Not one that SOPS
 * encrypted, nor one whose every value is empty or a placeholder — one a tool fills in before it is
 * applied ({@code ${VAR}} for Flux's post-build substitution, {@code {{ ... }}} for a template) or one
 * a person is to replace ({@code CHANGEME}, {@code <set-me>}): those hold no secret (placeholder-left
 * says whether the placeholder will be filled).
 */
public final class PlaintextSecretRule extends BaseRule {

    /** A whole value that is one substitution variable or one template expression. */
    static final Pattern TEMPLATE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_]*(?:[:=-][^}]*)?}|\\{\\{.*}}");

    /**
     * A value that holds no secret: empty, a substitution variable or template expression, a value
     * meant to be replaced ({@code CHANGEME}, {@code YOUR_TOKEN}, placeholder-left reports it), or a
     * whole {@code <set-me>}-style angle-bracket placeholder.
     */
    static boolean placeholder(String v) {
        return v.isEmpty() || TEMPLATE.matcher(v).matches() || PlaceholderLeftRule.meantToBeReplaced(v) || v.matches("<[^<>]{1,64}>");
    }

    public PlaintextSecretRule() {
        super(RuleInfo.of("plaintext-secret", Category.SECURITY, Severity.ERROR,
                "A Secret with data or stringData is committed in plain text (base64 is not encryption).",
                "Commit a SealedSecret, an ExternalSecret or a SOPS-encrypted file instead of the Secret.").appliesTo("Secret"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        if (object.sopsEncrypted()) {
            return;
        }
        List<String> keys = new ArrayList<>();
        boolean onlyPlaceholders = true;
        for (String field : List.of("data", "stringData")) {
            Optional<YMap> m = object.root().map(field);
            if (m.isPresent()) {
                keys.addAll(m.get().values().keySet());
                for (var v : m.get().values().values()) {
                    onlyPlaceholders &= v instanceof YScalar s && placeholder(s.text().strip());
                }
            }
        }
        if (!keys.isEmpty() && !onlyPlaceholders) {
            YMap root = object.root();
            int line = root.has("data") ? root.keyLine("data") : root.keyLine("stringData");
            ctx.report(line, "secret holds " + keys.size() + (keys.size() == 1 ? " key" : " keys")
                    + " in plain text (" + String.join(", ", keys) + ")");
        }
    }
}
