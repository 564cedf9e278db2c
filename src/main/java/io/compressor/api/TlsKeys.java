package io.compressor.api;

import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyStore;
import java.security.PrivateKey;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.spec.PKCS8EncodedKeySpec;
import java.util.Base64;
import java.util.List;

/// Turns a PEM certificate chain and a PKCS#8 PEM private key into an in-memory `KeyStore`,
/// so operators can hand over the files their certificate authority gave them.
final class TlsKeys {
    static final char[] PASSWORD = "in-memory".toCharArray();
    private static final List<String> ALGORITHMS = List.of("RSA", "EC", "Ed25519", "EdDSA");

    private TlsKeys() {}

    static KeyStore load(ApiConfig.Tls tls) {
        try {
            List<? extends Certificate> chain = certificates(tls.certificate());
            PrivateKey key = privateKey(tls.privateKey());
            KeyStore store = KeyStore.getInstance("PKCS12");
            store.load(null, null);
            store.setKeyEntry("compressor", key, PASSWORD, chain.toArray(Certificate[]::new));
            return store;
        } catch (IOException | GeneralSecurityException e) {
            throw new IllegalArgumentException("Cannot use the TLS certificate and key: " + e.getMessage(), e);
        }
    }

    private static List<? extends Certificate> certificates(Path file) throws IOException, GeneralSecurityException {
        try (InputStream in = Files.newInputStream(file)) {
            List<? extends Certificate> chain = List.copyOf(CertificateFactory.getInstance("X.509").generateCertificates(in));
            if (chain.isEmpty()) {
                throw new IllegalArgumentException("COMPRESSOR_TLS_CERT " + file + " holds no PEM certificate");
            }
            return chain;
        }
    }

    private static PrivateKey privateKey(Path file) throws IOException, GeneralSecurityException {
        String pem = Files.readString(file);
        if (!pem.contains("-----BEGIN PRIVATE KEY-----")) {
            throw new IllegalArgumentException("COMPRESSOR_TLS_KEY " + file + " is not a PKCS#8 PEM key"
                    + " (\"BEGIN PRIVATE KEY\"); convert it with: openssl pkcs8 -topk8 -nocrypt -in OLD -out NEW");
        }
        String body = pem.substring(pem.indexOf("-----BEGIN PRIVATE KEY-----") + 27, pem.indexOf("-----END PRIVATE KEY-----"));
        PKCS8EncodedKeySpec spec = new PKCS8EncodedKeySpec(Base64.getMimeDecoder().decode(body));
        for (String algorithm : ALGORITHMS) {
            try {
                return KeyFactory.getInstance(algorithm).generatePrivate(spec);
            } catch (GeneralSecurityException wrongAlgorithm) {
                // try the next one
            }
        }
        throw new IllegalArgumentException("COMPRESSOR_TLS_KEY " + file + " is not an RSA, EC or Ed25519 key");
    }
}
