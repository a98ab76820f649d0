package dev.strata.check.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LookupDetectorTest {

    @TempDir
    Path chart;

    @Test
    void findsLookupInPackagedSubchartsAndIgnoresTheWordElsewhere() throws IOException {
        Files.createDirectories(chart.resolve("templates"));
        Files.writeString(chart.resolve("templates/cm.yaml"), "# lookup is mentioned in a comment\ndata: {{ .Values.x }}\n");
        assertThat(LookupDetector.find(chart)).isEmpty();

        Files.createDirectories(chart.resolve("charts"));
        byte[] body = "{{ (lookup \"v1\" \"Secret\" \"ns\" \"x\").data }}\n".getBytes(StandardCharsets.UTF_8);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(chart.resolve("charts/sub-1.0.0.tgz")))) {
            out.write(tarEntry("sub/templates/secret.yaml", body));
            out.write(new byte[1024]);
        }
        assertThat(LookupDetector.find(chart)).contains("charts/sub-1.0.0.tgz!sub/templates/secret.yaml");
    }

    private static byte[] tarEntry(String name, byte[] body) throws IOException {
        byte[] header = new byte[512];
        byte[] n = name.getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(n, 0, header, 0, n.length);
        byte[] size = String.format("%011o", body.length).getBytes(StandardCharsets.US_ASCII);
        System.arraycopy(size, 0, header, 124, size.length);
        header[156] = '0';
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(header);
        out.write(body);
        out.write(new byte[(512 - body.length % 512) % 512]);
        return out.toByteArray();
    }
}
