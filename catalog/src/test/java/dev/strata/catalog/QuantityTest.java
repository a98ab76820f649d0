package dev.strata.catalog;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

import static org.assertj.core.api.Assertions.assertThat;

class QuantityTest {

    @ParameterizedTest
    @CsvSource({"250m,250", "2,2000", "0.5,500", "1.5,1500", "100m,100"})
    void cpuIsHeldInMillicores(String text, long millicores) {
        assertThat(Quantity.parse(text).millicores()).isEqualTo(millicores);
    }

    @ParameterizedTest
    @CsvSource({"512Mi,536870912", "4Gi,4294967296", "1G,1000000000", "128974848,128974848", "1Ki,1024", "129M,129000000"})
    void memoryIsHeldInBytes(String text, long bytes) {
        assertThat(Quantity.parse(text).bytes()).isEqualTo(bytes);
    }

    @ParameterizedTest
    @ValueSource(strings = {"4Gb", "1.5 Gi", "two", "", "-1", "1e3", "Mi", "512mi"})
    void mistakesAreNotQuantities(String text) {
        assertThat(Quantity.tryParse(text)).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"1500m,1500m", "2,2", "0.25,250m"})
    void cpuPrintsAsKubernetesWritesIt(String text, String printed) {
        assertThat(Quantity.parse(text).toCpuString()).isEqualTo(printed);
    }

    @ParameterizedTest
    @CsvSource({"4Gi,4Gi", "1536Mi,1536Mi", "100Mi,100Mi", "1G,953.7Mi"})
    void memoryPrintsWithTheLargestExactBinaryUnit(String text, String printed) {
        assertThat(Quantity.parse(text).toMemoryString()).isEqualTo(printed);
    }
}
