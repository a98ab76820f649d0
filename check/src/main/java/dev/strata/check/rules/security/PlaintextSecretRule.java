package dev.strata.check.rules.security;

import dev.strata.check.Category;
import dev.strata.check.RuleInfo;
import dev.strata.check.Severity;
import dev.strata.check.graph.Resource;
import dev.strata.check.rule.RuleContext;
import dev.strata.check.rules.BaseRule;
import dev.strata.check.yaml.YMap;
import java.util.ArrayList;
import java.util.List;

/** A Secret committed to Git with its data readable by anyone with the repository. */
public final class PlaintextSecretRule extends BaseRule {

    public PlaintextSecretRule() {
        super(RuleInfo.of("plaintext-secret", Category.SECURITY, Severity.ERROR,
                "A Secret with data or stringData is committed in plain text (base64 is not encryption).",
                "Commit a SealedSecret, an ExternalSecret or a SOPS-encrypted file instead of the Secret."));
    }

    @Override
    public void check(Resource object, RuleContext ctx) {
        if (!object.is("", "Secret")) {
            return;
        }
        List<String> keys = new ArrayList<>();
        for (String field : List.of("data", "stringData")) {
            object.root().map(field).ifPresent(m -> keys.addAll(m.values().keySet()));
        }
        if (!keys.isEmpty()) {
            YMap root = object.root();
            int line = root.has("data") ? root.keyLine("data") : root.keyLine("stringData");
            ctx.report(line, "secret holds " + keys.size() + (keys.size() == 1 ? " key" : " keys")
                    + " in plain text (" + String.join(", ", keys) + ")");
        }
    }
}
