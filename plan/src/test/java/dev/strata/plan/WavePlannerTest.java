package dev.strata.plan;

import dev.strata.catalog.Release;
import dev.strata.plan.capacity.Scenario;
import dev.strata.spec.Profiles;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class WavePlannerTest {

    static List<String> profiles() {
        return Profiles.names();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void everyCrdProviderAndDependencySyncsInAnEarlierWave(String profile) {
        Plan plan = Planner.bundled().plan(Specs.profile(profile), Scenario.REPLICAS);
        Map<String, Integer> wave = new HashMap<>();
        plan.waves().forEach(w -> w.items().forEach(i -> wave.put(i.name(), w.number())));
        for (ResolvedComponent rc : plan.components()) {
            Release previous = null;
            for (Release r : rc.releases()) {
                if (previous != null) {
                    assertThat(wave.get(r.name())).as("%s after %s", r.name(), previous.name()).isGreaterThan(wave.get(previous.name()));
                }
                for (String dep : rc.entry().dependsOn()) {
                    plan.components().stream().filter(x -> x.id().equals(dep)).flatMap(x -> x.releases().stream()).forEach(d ->
                            assertThat(wave.get(r.name())).as("%s after %s", r.name(), d.name()).isGreaterThan(wave.get(d.name())));
                }
                assertThat(wave.get(r.name())).as("%s after namespaces", r.name()).isGreaterThan(wave.get("namespaces"));
                previous = r;
            }
        }
        int lastPlatformWave = plan.waves().stream().filter(w -> w.items().stream().anyMatch(i -> i.kind() != WaveItem.Kind.APP))
                .mapToInt(Wave::number).max().orElseThrow();
        plan.waves().forEach(w -> w.items().stream().filter(i -> i.kind() == WaveItem.Kind.APP)
                .forEach(i -> assertThat(w.number()).as("app %s after the platform", i.name()).isGreaterThan(lastPlatformWave)));
        plan.waves().forEach(w -> w.items().forEach(i -> assertThat(i.reason()).as("reason of %s", i.name()).isNotBlank()));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("profiles")
    void configurationWaitsForTheComponentsWhoseCrdsItUses(String profile) {
        Plan plan = Planner.bundled().plan(Specs.profile(profile), Scenario.REPLICAS);
        Map<String, Integer> wave = new HashMap<>();
        plan.waves().forEach(w -> w.items().forEach(i -> wave.put(i.name(), w.number())));
        for (ConfigBundle b : ConfigBundle.ALL) {
            if (!wave.containsKey(b.name())) {
                continue;
            }
            for (String req : b.requires()) {
                plan.components().stream().filter(c -> c.id().equals(req)).flatMap(c -> c.releases().stream())
                        .forEach(r -> assertThat(wave.get(b.name())).as("%s after %s", b.name(), r.name()).isGreaterThan(wave.get(r.name())));
            }
        }
    }
}
