package io.compressor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compressor.db.Database;
import io.compressor.testing.Http;
import java.io.InputStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.security.cert.CertificateFactory;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import javax.net.ssl.SSLContext;
import javax.net.ssl.TrustManagerFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// HTTPS from PEM files made by a real `openssl`, and a clear refusal of a key in the old PKCS#1 form.
class TlsIT {
    @TempDir
    Path dir;

    @Test
    void servesHttpsWithThePemCertificateAndKey() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("key.pem");
        openssl("req", "-x509", "-newkey", "rsa:2048", "-nodes", "-days", "1", "-subj", "/CN=localhost",
                "-addext", "subjectAltName=IP:127.0.0.1,DNS:localhost", "-keyout", key.toString(), "-out", cert.toString());
        try (Database database = TestServices.sqlite(dir)) {
            HttpServer server = new HttpServer(TestServices.loopback(Optional.of(new ApiConfig.Tls(cert, key)),
                    Duration.ofSeconds(1)), TestServices.over(database, dir, database::ping)).start();
            try {
                assertThat(server.publicUrl().getScheme()).isEqualTo("https");
                HttpClient client = HttpClient.newBuilder().sslContext(trusting(cert)).build();
                HttpResponse<String> response = new Http(server.publicUrl(), client).get("/health");
                assertThat(response.statusCode()).isEqualTo(200);
                assertThat(response.headers().firstValue("X-Request-Id")).isPresent();
                assertThat(response.sslSession()).hasValueSatisfying(s -> assertThat(s.getProtocol()).startsWith("TLS"));
            } finally {
                server.close();
            }
        }
    }

    @Test
    void aPkcs1KeyIsRefusedWithTheCommandThatConvertsIt() throws Exception {
        Path cert = dir.resolve("cert.pem");
        Path key = dir.resolve("rsa.pem");
        openssl("genrsa", "-traditional", "-out", key.toString(), "2048");
        openssl("req", "-x509", "-key", key.toString(), "-days", "1", "-subj", "/CN=localhost", "-out", cert.toString());
        assertThat(Files.readString(key)).contains("BEGIN RSA PRIVATE KEY");
        assertThatThrownBy(() -> TlsKeys.load(new ApiConfig.Tls(cert, key)))
                .hasMessageContaining("not a PKCS#8 PEM key")
                .hasMessageContaining("openssl pkcs8 -topk8 -nocrypt");
    }

    private static SSLContext trusting(Path cert) throws Exception {
        KeyStore trust = KeyStore.getInstance("PKCS12");
        trust.load(null, null);
        try (InputStream in = Files.newInputStream(cert)) {
            trust.setCertificateEntry("test", CertificateFactory.getInstance("X.509").generateCertificate(in));
        }
        TrustManagerFactory tmf = TrustManagerFactory.getInstance(TrustManagerFactory.getDefaultAlgorithm());
        tmf.init(trust);
        SSLContext context = SSLContext.getInstance("TLS");
        context.init(null, tmf.getTrustManagers(), null);
        return context;
    }

    private void openssl(String... args) throws Exception {
        Process p = new ProcessBuilder(new java.util.ArrayList<>(List.of("openssl")) {{ addAll(List.of(args)); }})
                .redirectErrorStream(true).redirectOutput(dir.resolve("openssl.log").toFile()).start();
        assertThat(p.waitFor()).as(Files.readString(dir.resolve("openssl.log"))).isZero();
    }
}
