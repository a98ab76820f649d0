package dev.strata.cluster.verify.checks;

import dev.strata.cluster.verify.CurlOutcome;
import dev.strata.cluster.verify.Outcome;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class AuthorizationDeniedTest {

    private static final String URL = "http://sample-api.dev-sample-api.svc.cluster.local:8080/status";
    private final AuthorizationDenied check = new AuthorizationDenied();

    @Test
    void inAmbientModeAnL4ResetIsTheDenial() {
        CurlOutcome reset = CurlOutcome.parse("curl: (56) Recv failure: Connection reset by peer\nSTRATA_CODE=000\nSTRATA_EXIT=56\n");
        assertThat(check.interpret(reset, URL, true).outcome()).isEqualTo(Outcome.PASS);
        assertThat(check.interpret(reset, URL, false).outcome()).as("with sidecars the proxy answers 403; a reset is something else").isEqualTo(Outcome.FAIL);
    }

    @Test
    void anAllowedRequestIsAFailureInEitherMode() {
        CurlOutcome ok = CurlOutcome.parse("{}\nSTRATA_CODE=200\nSTRATA_EXIT=0\n");
        assertThat(check.interpret(ok, URL, true).outcome()).isEqualTo(Outcome.FAIL);
        assertThat(check.interpret(ok, URL, false).evidence()).contains("HTTP 200; expected HTTP 403");
    }
}
