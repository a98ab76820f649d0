package dev.strata.cluster.verify;

import javax.net.ssl.SNIHostName;
import javax.net.ssl.SSLContext;
import javax.net.ssl.SSLException;
import javax.net.ssl.SSLParameters;
import javax.net.ssl.SSLSocket;
import javax.net.ssl.TrustManagerFactory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * {@link HostHttps} with the JDK: a socket to the address, layered TLS for the host name (SNI and
 * endpoint identification "HTTPS": the certificate must name the host), trusting only the given
 * certificates, then one HTTP/1.1 GET.
 */
public final class JsseHostHttps implements HostHttps {

    @Override
    public Outcome get(String address, int port, String host, String path, List<X509Certificate> trust, Duration timeout) {
        SSLContext tls;
        try {
            KeyStore anchors = KeyStore.getInstance(KeyStore.getDefaultType());
            anchors.load(null, null);
            for (int i = 0; i < trust.size(); i++) {
                anchors.setCertificateEntry("anchor-" + i, trust.get(i));
            }
            TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
            tmf.init(anchors);
            tls = SSLContext.getInstance("TLS");
            tls.init(null, tmf.getTrustManagers(), null);
        } catch (GeneralSecurityException | IOException e) {
            return new Outcome(Optional.empty(), Optional.of("cannot use the CA: " + e.getMessage()), Optional.empty());
        }
        int millis = (int) timeout.toMillis();
        try (Socket raw = new Socket()) {
            raw.connect(new InetSocketAddress(address, port), millis);
            raw.setSoTimeout(millis);
            try (SSLSocket s = (SSLSocket) tls.getSocketFactory().createSocket(raw, host, port, true)) {
                SSLParameters p = s.getSSLParameters();
                p.setEndpointIdentificationAlgorithm("HTTPS");
                p.setServerNames(List.of(new SNIHostName(host)));
                s.setSSLParameters(p);
                s.startHandshake();
                X509Certificate peer = (X509Certificate) s.getSession().getPeerCertificates()[0];
                String subject = peer.getSubjectX500Principal().getName() + ", issued by " + peer.getIssuerX500Principal().getName();
                OutputStream out = s.getOutputStream();
                out.write(("GET " + path + " HTTP/1.1\r\nHost: " + host + "\r\nConnection: close\r\nUser-Agent: strata-verify\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.flush();
                String status = new BufferedReader(new InputStreamReader(s.getInputStream(), StandardCharsets.US_ASCII)).readLine();
                if (status == null || !status.startsWith("HTTP/")) {
                    return new Outcome(Optional.empty(), Optional.of("no HTTP response after the TLS handshake"), Optional.of(subject));
                }
                String[] parts = status.split(" ");
                return new Outcome(Optional.of(Integer.parseInt(parts[1])), Optional.empty(), Optional.of(subject));
            }
        } catch (SSLException e) {
            return new Outcome(Optional.empty(), Optional.of("TLS: " + e.getMessage()), Optional.empty());
        } catch (IOException | RuntimeException e) {
            String m = e.getMessage();
            return new Outcome(Optional.empty(), Optional.of(e.getClass().getSimpleName() + (m == null ? "" : ": " + m)), Optional.empty());
        }
    }
}
