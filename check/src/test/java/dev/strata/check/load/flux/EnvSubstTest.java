package dev.strata.check.load.flux;

import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Flux's envsubst semantics (fluxcd/pkg envsubst README and eval_test.go), as the loader applies them. */
class EnvSubstTest {

    private static final Map<String, String> VARS = Map.of("env", "prod", "default_var", "foo", "empty", "", "name", "podinfo");

    private static String subst(String text) {
        EnvSubst.Result r = EnvSubst.apply(text, VARS);
        assertThat(r.error()).isEmpty();
        return r.text();
    }

    @Test
    void onlyBracedVariablesAreReplacedAndDollarDollarCollapsesToOneDollar() {
        assertThat(subst("${env}$env")).isEqualTo("prod$env");
        assertThat(subst("$${env} costs $$5")).isEqualTo("${env} costs $5");
        assertThat(subst("$${var=${default_var}}")).isEqualTo("${var=foo}");
    }

    @Test
    void allFourDefaultFormsApplyWhenTheVariableIsUnsetOrEmptyAndNest() {
        assertThat(subst("${missing:=a}/${missing-b}/${empty:-c}/${empty=d}/${env:=x}")).isEqualTo("a/b/c/d/prod");
        assertThat(subst("${missing:=${name^^}}")).isEqualTo("PODINFO");
    }

    @Test
    void caseAndLengthOperators() {
        assertThat(subst("${name^}|${name^^}|${env,,}|${#name}")).isEqualTo("Podinfo|PODINFO|prod|7");
    }

    @Test
    void aVariableWithNoValueAndNoDefaultIsLeftAsWrittenAndListed() {
        EnvSubst.Result r = EnvSubst.apply("host: ${sub}.${env}.${zone:=eu}", VARS);
        assertThat(r.text()).isEqualTo("host: ${sub}.prod.eu");
        assertThat(r.unset()).containsExactly("sub");
    }

    @Test
    void anUnclosedBraceIsTheErrorFluxGives() {
        assertThat(EnvSubst.apply("value: ${env", VARS).error()).contains("missing closing brace");
        assertThat(EnvSubst.apply("value: ${1abc}", VARS).error()).contains("bad substitution");
    }
}
