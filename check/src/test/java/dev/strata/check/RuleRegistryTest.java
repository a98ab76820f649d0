package dev.strata.check;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.strata.check.rule.Rule;
import dev.strata.check.rules.security.RunAsRootRule;
import java.util.List;
import org.junit.jupiter.api.Test;

class RuleRegistryTest {

    private final RuleRegistry registry = RuleRegistry.standard();

    @Test
    void everyRuleHasCompleteMetadata() {
        for (RuleInfo r : registry.infos()) {
            assertThat(r.id()).as("id").matches("[a-z][a-z0-9]*(-[a-z0-9]+)*");
            assertThat(r.description()).as(r.id() + " description").isNotBlank().endsWith(".");
            assertThat(r.remediation()).as(r.id() + " remediation").isNotBlank().endsWith(".")
                    .matches(s -> Character.isUpperCase(s.charAt(0)), "starts with a capital");
            assertThat(r.category()).as(r.id() + " category").isNotNull();
            assertThat(r.severity()).as(r.id() + " severity").isNotNull();
        }
    }

    @Test
    void everyRuleCanBeSelectedByItsIdAndNoIdIsListedTwice() {
        // `strata check --rule ID` and `--list-rules` both go through the registry: each listed id selects its own rule.
        List<String> ids = registry.infos().stream().map(RuleInfo::id).toList();
        assertThat(ids).doesNotHaveDuplicates().hasSameSizeAs(registry.rules());
        for (RuleInfo info : registry.infos()) {
            assertThat(registry.require(info.id()).info()).as(info.id()).isEqualTo(info);
        }
    }

    @Test
    void everyCategoryHasARule() {
        assertThat(registry.infos()).extracting(RuleInfo::category).contains(Category.values());
    }

    @Test
    void duplicateIdsFailAtStartUp() {
        List<Rule> rules = List.of(new RunAsRootRule(), new RunAsRootRule());
        assertThatThrownBy(() -> new RuleRegistry(rules)).isInstanceOf(CheckException.class)
                .hasMessageStartingWith("duplicate rule id \"run-as-root\"");
    }

    @Test
    void unknownRuleIdsSuggestCloseOnes() {
        assertThatThrownBy(() -> registry.require("dangling-servce")).isInstanceOf(CheckException.class)
                .hasMessageContaining("unknown rule \"dangling-servce\"; did you mean")
                .hasMessageContaining("dangling-service");
    }

    @Test
    void metadataRejectsNonKebabIdsAndRemediationWithoutPeriod() {
        assertThatThrownBy(() -> RuleInfo.of("Bad_Id", Category.SCHEMA, Severity.ERROR, "d.", "r."))
                .hasMessage("rule id \"Bad_Id\" is not kebab-case");
        assertThatThrownBy(() -> RuleInfo.of("ok-id", Category.SCHEMA, Severity.ERROR, "d.", "no period"))
                .hasMessage("rule ok-id remediation must be a sentence ending in a period");
    }
}
