package dev.strata.yaml;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.yaml.snakeyaml.LoaderOptions;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class YamlTest {

    private static Map<String, Object> map(Object... kv) {
        Map<String, Object> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], kv[i + 1]);
        }
        return m;
    }

    @Test
    void writesManifestsTheWayPeopleDo() {
        var svc = map("apiVersion", "v1", "kind", "Service",
                "metadata", map("name", "web", "namespace", "dev-web", "labels", map("a", "1", "b", "2")),
                "spec", map("selector", map("app", "web"), "ports", List.of(map("port", 80, "targetPort", "http"))));
        assertThat(Yaml.dump(List.of("why this exists"), svc)).isEqualTo("""
                # why this exists
                apiVersion: v1
                kind: Service
                metadata:
                  name: web
                  namespace: dev-web
                  labels:
                    a: '1'
                    b: '2'
                spec:
                  selector:
                    app: web
                  ports:
                    - port: 80
                      targetPort: http
                """);
    }

    @Test
    void multiLineStringsBecomeLiteralBlocksAndAmbiguousScalarsAreQuoted() {
        String out = Yaml.dump(map("script", "line one\nline two\n", "flag", "true", "wave", "3", "empty", ""));
        assertThat(out).isEqualTo("""
                script: |
                  line one
                  line two
                flag: 'true'
                wave: '3'
                empty: ''
                """);
    }

    /** Kong's chart compares env.database with "off": unquoted, Helm reads the boolean false and the chart fails. */
    @Test
    void kongDatabaseOffStaysTheStringOff() {
        assertThat(Yaml.dump(map("env", map("database", "off")))).isEqualTo("""
                env:
                  database: 'off'
                """);
    }

    @ParameterizedTest
    @ValueSource(strings = {"on", "off", "On", "OFF", "yes", "no", "y", "n", "Y", "N", "true", "False", "null", "~", "Null",
            "0755", "0o17", "0x1F", "0b101", "1e3", "1E-2", ".5", "+1", "-3", "1_000", ".inf", "-.Inf", ".nan",
            "12:30", "1:20:30.5", "2024-01-01", "2001-12-14t21:59:43.10-05:00", "<<", "="})
    void stringsThatYaml11ReadsAsAnotherTypeAreQuotedAndReadBackAsStrings(String value) {
        assertThat(Yaml11.readsAsNonString(value)).isTrue();
        String out = Yaml.dump(map("key", value));
        assertThat(out).startsWith("key: '").doesNotStartWith("key: " + value + "\n");
        // SnakeYAML resolves YAML 1.1 types as go-yaml v2 does for these forms: what it reads must be the same string.
        Object back = new org.yaml.snakeyaml.Yaml(new LoaderOptions()).<Map<String, Object>>load(out).get("key");
        assertThat(back).isEqualTo(value);
    }

    @ParameterizedTest
    @ValueSource(strings = {"offline", "yesterday", "no-op", "v1.2.3", "1.2.3", "10.0.0.0/8", "8080/TCP", "sha256:abc", "a:b",
            "eu-west-1", "172.18.255.200-172.18.255.250", "1Gi", "500m", "latest"})
    void plainStringsStayPlain(String value) {
        assertThat(Yaml11.readsAsNonString(value)).isFalse();
        assertThat(Yaml.dump(map("key", value))).isEqualTo("key: " + value + "\n");
    }

    @Test
    void numbersAndBooleansAreWrittenAsSuch() {
        assertThat(Yaml.dump(map("replicas", 2, "enabled", false, "ratio", 0.5))).isEqualTo("""
                replicas: 2
                enabled: false
                ratio: 0.5
                """);
    }

    @Test
    void keysThatYaml11ReadsAsBooleansAreQuotedToo() {
        assertThat(Yaml.dump(map("on", "push"))).isEqualTo("'on': push\n");
    }
}
