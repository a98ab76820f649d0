package dev.strata.check.rules.schema;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.yaml.tree.YMap;
import dev.strata.yaml.tree.YNode;
import dev.strata.yaml.tree.YScalar;
import java.util.Base64;
import java.util.Map;

/**
 * A Secret's {@code data} holds base64 (RFC 4648, standard alphabet, padded), which the API server
 * decodes on create: anything else is refused and the whole sync fails. Plain text belongs in
 * {@code stringData}. SOPS-encrypted values and substitution variables are not judged.
 */
public final class SecretDataBase64Rule extends BaseRule {

    public SecretDataBase64Rule() {
        super(RuleInfo.of("secret-data-invalid-base64", Category.SCHEMA, Severity.ERROR,
                "A Secret's data value is not valid base64, so the API server refuses the Secret.",
                "Base64-encode the value (base64 -w0), or move the plain text to stringData.").appliesTo("Secret"));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        if (object.sopsEncrypted()) {
            return;
        }
        YMap data = object.root().map("data").orElse(YMap.empty());
        for (Map.Entry<String, ? extends YNode> e : data.values().entrySet()) {
            if (!(e.getValue() instanceof YScalar s) || s.isNull()) {
                continue;
            }
            String v = s.text().strip();
            if (v.isEmpty() || v.startsWith("${") || v.startsWith("{{")) {
                continue;
            }
            // Go's base64.StdEncoding, as the API server decodes []byte: padded, and only \r and \n are ignored
            String encoded = v.replace("\n", "").replace("\r", "");
            try {
                Base64.getDecoder().decode(encoded);
            } catch (IllegalArgumentException bad) {
                ctx.report(s.line(), "data." + e.getKey() + " is not base64 (" + bad.getMessage() + ")");
                continue;
            }
            if (encoded.length() % 4 != 0) {
                ctx.report(s.line(), "data." + e.getKey() + " is not base64 (its length, " + encoded.length()
                        + ", is not a multiple of 4: the padding '=' is missing)");
            }
        }
    }
}
