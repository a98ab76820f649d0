package dev.strata.cluster.verify;

import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import javax.net.ssl.KeyManagerFactory;
import javax.net.ssl.SSLContext;
import java.io.InputStream;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway check's HTTPS from the host, against a local HTTPS server whose certificate a CA made
 * by the JDK's keytool signed for {@code *.lab.localhost} — the shape of cert-manager's CA issuer
 * and the platform's wildcard certificate. Trusting only that CA, the name must match and the chain
 * must lead to it.
 */
class JsseHostHttpsIT {

    @TempDir
    static Path dir;
    static HttpsServer server;
    static X509Certificate ca;
    static X509Certificate otherCa;

    private static void keytool(String... args) throws Exception {
        List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "keytool").toString()));
        cmd.addAll(List.of(args));
        cmd.addAll(List.of("-storepass", "changeit", "-storetype", "PKCS12"));
        Process p = new ProcessBuilder(cmd).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes());
        assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
        assertThat(p.exitValue()).as(String.join(" ", cmd) + "\n" + out).isZero();
    }

    private static X509Certificate pem(String file) throws Exception {
        try (InputStream in = Files.newInputStream(dir.resolve(file))) {
            return (X509Certificate) CertificateFactory.getInstance("X.509").generateCertificate(in);
        }
    }

    @BeforeAll
    static void serve() throws Exception {
        String ec = "-keyalg EC -groupname secp256r1 -validity 2";
        keytool(("-genkeypair -alias ca -dname CN=strata-ca -ext bc:c " + ec + " -keystore ca.p12").split(" "));
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-file", "ca.pem");
        keytool(("-genkeypair -alias ca -dname CN=someone-else " + ec + " -keystore other.p12 -ext bc:c").split(" "));
        keytool("-exportcert", "-rfc", "-alias", "ca", "-keystore", "other.p12", "-file", "other.pem");
        keytool(("-genkeypair -alias leaf -dname CN=*.lab.localhost " + ec + " -keystore leaf.p12").split(" "));
        keytool("-certreq", "-alias", "leaf", "-keystore", "leaf.p12", "-file", "leaf.csr");
        keytool("-gencert", "-rfc", "-alias", "ca", "-keystore", "ca.p12", "-infile", "leaf.csr", "-outfile", "leaf.pem",
                "-ext", "SAN=dns:*.lab.localhost", "-validity", "2");
        keytool("-importcert", "-noprompt", "-alias", "ca", "-file", "ca.pem", "-keystore", "leaf.p12");
        keytool("-importcert", "-alias", "leaf", "-file", "leaf.pem", "-keystore", "leaf.p12");
        ca = pem("ca.pem");
        otherCa = pem("other.pem");

        KeyStore ks = KeyStore.getInstance("PKCS12");
        try (InputStream in = Files.newInputStream(dir.resolve("leaf.p12"))) {
            ks.load(in, "changeit".toCharArray());
        }
        KeyManagerFactory kmf = KeyManagerFactory.getInstance(KeyManagerFactory.getDefaultAlgorithm());
        kmf.init(ks, "changeit".toCharArray());
        SSLContext tls = SSLContext.getInstance("TLS");
        tls.init(kmf.getKeyManagers(), null, null);
        server = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        server.setHttpsConfigurator(new HttpsConfigurator(tls));
        server.createContext("/health", x -> {
            byte[] body = "{\"status\":\"UP\"}".getBytes();
            x.sendResponseHeaders(200, body.length);
            x.getResponseBody().write(body);
            x.close();
        });
        server.start();
    }

    @AfterAll
    static void stop() {
        server.stop(0);
    }

    private static HostHttps.Outcome get(String host, X509Certificate trust) {
        return new JsseHostHttps().get("127.0.0.1", server.getAddress().getPort(), host, "/health", List.of(trust), Duration.ofSeconds(5));
    }

    @Test
    void theAppsHostNameWithTheClusterCaGets200AndTheCertificatesNames() {
        HostHttps.Outcome o = get("sample-api-dev.lab.localhost", ca);
        assertThat(o.failure()).isEmpty();
        assertThat(o.status()).contains(200);
        assertThat(o.subject()).hasValueSatisfying(s -> assertThat(s).contains("CN=*.lab.localhost").contains("issued by CN=strata-ca"));
    }

    @Test
    void aCertificateFromAnotherCaIsRefused() {
        HostHttps.Outcome o = get("sample-api-dev.lab.localhost", otherCa);
        assertThat(o.status()).isEmpty();
        assertThat(o.failure()).hasValueSatisfying(f -> assertThat(f).startsWith("TLS: "));
    }

    @Test
    void aHostTheCertificateDoesNotNameIsRefused() {
        HostHttps.Outcome o = get("sample-api-dev.other.localhost", ca);
        assertThat(o.status()).isEmpty();
        assertThat(o.failure()).hasValueSatisfying(f -> assertThat(f).containsIgnoringCase("sample-api-dev.other.localhost"));
    }

    @Test
    void nothingListeningIsSaidPlainly() throws Exception {
        int port;
        try (var s = new java.net.ServerSocket(0)) {
            port = s.getLocalPort();
        }
        HostHttps.Outcome o = new JsseHostHttps().get("127.0.0.1", port, "sample-api-dev.lab.localhost", "/health", List.of(ca), Duration.ofSeconds(2));
        assertThat(o.failure()).hasValueSatisfying(f -> assertThat(f).startsWith("ConnectException"));
    }
}
