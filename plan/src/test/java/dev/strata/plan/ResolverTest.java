package dev.strata.plan;

import dev.strata.catalog.Catalog;
import dev.strata.catalog.Component;
import dev.strata.catalog.Layer;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

class ResolverTest {

    static final String NODES = """
            - {name: cp, role: control-plane, capacity: {cpu: "4", memory: 8Gi}}
            - {name: w, role: worker, tier: platform, capacity: {cpu: "8", memory: 16Gi}}
            """;

    @Test
    void dependenciesComeFirstAndTheCniLeads() {
        var spec = Specs.of("kind", NODES, """
                istio-gateway: {}
                istio: {}
                gateway-api: {}
                cilium: {}
                """);
        List<String> order = new Resolver(Catalog.bundled()).resolve(spec).stream().map(ResolvedComponent::id).toList();
        assertThat(order.get(0)).isEqualTo("cilium");
        assertThat(order.indexOf("istio")).isLessThan(order.indexOf("istio-gateway"));
        assertThat(order.indexOf("gateway-api")).isLessThan(order.indexOf("istio-gateway"));
    }

    @Test
    void aMissingDependencyNamesBothSidesAndTheFix() {
        var spec = Specs.of("kind", NODES, "istio-gateway: {}\n");
        PlanException e = catchThrowableOfType(PlanException.class, () -> new Resolver(Catalog.bundled()).resolve(spec));
        assertThat(e.problems()).contains(
                "spec.components.istio-gateway: needs istio, which is not enabled; enable it (components.istio: {}) or disable istio-gateway");
    }

    @Test
    void alternativesCannotBothBeEnabled() {
        var spec = Specs.of("kind", NODES, "istio: {}\nlinkerd: {}\ncert-manager: {}\n");
        PlanException e = catchThrowableOfType(PlanException.class, () -> new Resolver(Catalog.bundled()).resolve(spec));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("istio").contains("linkerd").contains("disable one of them"));
    }

    @Test
    void aComponentThatCannotRunOnTheProviderIsRefusedWithTheReason() {
        var spec = Specs.of("kind", NODES, "longhorn: {}\n");
        PlanException e = catchThrowableOfType(PlanException.class, () -> new Resolver(Catalog.bundled()).resolve(spec));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p)
                .startsWith("spec.components.longhorn: longhorn cannot run on provider kind: ")
                .endsWith("; disable it (components.longhorn.enabled: false) or use another cluster provider"));
    }

    @Test
    void ciliumAnnouncingLoadBalancersConflictsWithMetallbUntilItsLbIpamIsOff() {
        var both = Specs.of("talos", NODES, "cilium: {}\nmetallb: {}\n");
        PlanException e = catchThrowableOfType(PlanException.class, () -> new Resolver(Catalog.bundled()).resolve(both));
        assertThat(e.problems()).anySatisfy(p -> assertThat(p).contains("cilium and metallb both provide load-balancer"));

        var lbOff = Specs.of("talos", NODES, "cilium: {values: {enableLBIPAM: false, l2announcements: {enabled: false}}}\nmetallb: {}\n");
        assertThat(new Resolver(Catalog.bundled()).resolve(lbOff)).extracting(ResolvedComponent::id).contains("cilium", "metallb");
    }

    @Test
    void aDependencyCycleIsNamed() {
        Component a = component("a", List.of("b"));
        Component b = component("b", List.of("c"));
        Component c = component("c", List.of("a"));
        Catalog catalog = Catalog.of(List.of(a, b, c));
        var spec = new dev.strata.spec.PlatformSpec("t", "", Specs.of("kind", NODES, "").cluster(),
                new dev.strata.spec.GitSpec("", "main", ""),
                Map.of("a", choice("a"), "b", choice("b"), "c", choice("c")), List.of("dev"), List.of());
        PlanException e = catchThrowableOfType(PlanException.class, () -> new Resolver(catalog).resolve(spec));
        assertThat(e.problems()).containsExactly("dependency cycle: a → b → c → a; remove one of these dependencies from the catalog entries");
    }

    private static dev.strata.spec.ComponentChoice choice(String id) {
        return new dev.strata.spec.ComponentChoice(id, true, Optional.empty(), Map.of());
    }

    private static Component component(String id, List<String> deps) {
        return new Component(id, id, "", Layer.NETWORK, "ns", List.of(), deps, List.of(), List.of(), Map.of(), List.of(),
                Optional.empty(), Map.of(), List.of(), List.of(), List.of());
    }
}
