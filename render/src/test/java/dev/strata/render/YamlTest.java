package dev.strata.render;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class YamlTest {

    @Test
    void writesManifestsTheWayPeopleDo() {
        var svc = Obj.of("v1", "Service", "web").namespace("dev-web").labels(java.util.Map.of("b", "2", "a", "1"))
                .put("spec", Obj.map("selector", Obj.map("app", "web"), "ports", List.of(Obj.map("port", 80, "targetPort", "http")))).build();
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
        String out = Yaml.dump(Obj.map("script", "line one\nline two\n", "flag", "true", "wave", "3", "empty", ""));
        assertThat(out).isEqualTo("""
                script: |
                  line one
                  line two
                flag: 'true'
                wave: '3'
                empty: ''
                """);
    }
}
