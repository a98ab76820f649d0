package dev.strata.cluster.verify;

import java.security.cert.X509Certificate;
import java.time.Duration;
import java.util.List;
import java.util.Optional;

/**
 * An HTTPS request from this machine, the way a user's browser makes it: TCP to an address and port
 * (the kind node's mapped 443), TLS for a host name (SNI), the server's certificate verified against
 * given trust anchors (the cluster's own CA) and its name against the host. The seam between verify
 * and the JDK's TLS stack; {@link JsseHostHttps} is the real one.
 */
public interface HostHttps {

    /**
     * @param status the HTTP status, when a response came
     * @param failure what went wrong otherwise (connection refused, certificate not trusted, wrong name)
     * @param subject the server certificate's subject and issuer, when the handshake got that far
     */
    record Outcome(Optional<Integer> status, Optional<String> failure, Optional<String> subject) {
    }

    Outcome get(String address, int port, String host, String path, List<X509Certificate> trust, Duration timeout);
}
