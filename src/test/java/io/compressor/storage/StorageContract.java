package io.compressor.storage;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compressor.error.ServiceException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/// What every storage connector promises, run against each provider's real server by a subclass.
/// A case that does not apply to a provider is overridden there with the reason printed.
public abstract class StorageContract {
    /// A connector with working credentials.
    protected abstract StorageConnector connector();

    /// A connector whose secret is wrong.
    protected abstract StorageConnector wrongCredentials();

    /// What the error for wrong credentials says.
    protected String wrongCredentialsMessage() {
        return "secret does not match";
    }

    /// A new empty bucket (or container) that the working connector may write to.
    protected abstract String freshBucket();

    protected abstract String region();

    /// The address the provider gives an object, as the connector must report it.
    protected abstract String objectUrl(String bucket, String key);

    /// Whether an anonymous GET of the returned URL can read a public object (false where the
    /// provider has no object ACLs).
    protected boolean publicObjects() {
        return true;
    }

    /// Reads an object back with the provider's own client: bytes and the headers it reports.
    protected abstract Stored read(String bucket, String key);

    /// An object as the provider reports it.
    public record Stored(byte[] body, String contentType, String storageClass, Map<String, String> metadata,
            Map<String, String> headers, Map<String, String> tags) {}

    protected StoreOptions options(String bucket, String key, Acl acl) {
        return new StoreOptions(bucket, region(), key, acl, StorageClass.STANDARD, Map.of(), Map.of(), Map.of());
    }

    protected static int anonymousGet(String url) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                HttpResponse.BodyHandlers.discarding()).statusCode();
    }

    @Test
    void writesAnObjectThatReadsBackWithItsContentType() {
        String bucket = freshBucket();
        byte[] body = ("image " + UUID.randomUUID()).getBytes(StandardCharsets.UTF_8);
        String url = connector().put(options(bucket, "processed/image.jpg", Acl.PRIVATE), body, "image/jpeg");
        assertThat(url).isEqualTo(objectUrl(bucket, "processed/image.jpg"));
        Stored stored = read(bucket, "processed/image.jpg");
        assertThat(stored.body()).isEqualTo(body);
        assertThat(stored.contentType()).isEqualTo("image/jpeg");
    }

    @Test
    protected void aclsAreEnforced() throws Exception {
        String bucket = freshBucket();
        String publicUrl = connector().put(options(bucket, "public.jpg", Acl.PUBLIC_READ), new byte[] {1}, "image/jpeg");
        String privateUrl = connector().put(options(bucket, "private.jpg", Acl.PRIVATE), new byte[] {2}, "image/jpeg");
        assertThat(anonymousGet(publicUrl)).isEqualTo(200);
        assertThat(anonymousGet(privateUrl)).isEqualTo(403);
    }

    @Test
    protected void metadataAndContentHeadersAreStored() {
        String bucket = freshBucket();
        StoreOptions o = new StoreOptions(bucket, region(), "all/fields.webp", Acl.PRIVATE, StorageClass.STANDARD,
                Map.of("origin", "compressor"), Map.of("Cache-Control", "max-age=2592000", "Content-Disposition",
                        "inline; filename=\"fields.webp\"", "Content-Language", "en", "Content-Encoding", "identity"),
                Map.of());
        connector().put(o, new byte[] {1, 2, 3}, "image/webp");
        Stored stored = read(bucket, "all/fields.webp");
        assertThat(stored.metadata()).containsEntry("origin", "compressor");
        assertThat(stored.headers()).containsEntry("cache-control", "max-age=2592000")
                .containsEntry("content-disposition", "inline; filename=\"fields.webp\"")
                .containsEntry("content-language", "en").containsEntry("content-encoding", "identity");
        assertThat(stored.contentType()).isEqualTo("image/webp");
    }

    @Test
    protected void storageClassTagsAndExpiresAreStored() {
        String bucket = freshBucket();
        StoreOptions o = new StoreOptions(bucket, region(), "tiered.webp", Acl.PRIVATE, StorageClass.STANDARD_IA, Map.of(),
                Map.of("Expires", "Wed, 21 Oct 2026 07:28:00 GMT"), Map.of("team", "web", "kind", "hero image"));
        connector().put(o, new byte[] {1, 2, 3}, "image/webp");
        Stored stored = read(bucket, "tiered.webp");
        assertThat(stored.storageClass()).isEqualTo("STANDARD_IA");
        assertThat(stored.headers()).containsKey("expires");
        assertThat(stored.tags()).containsEntry("team", "web").containsEntry("kind", "hero image");
    }

    @Test
    void anExplicitContentTypeWins() {
        String bucket = freshBucket();
        connector().put(new StoreOptions(bucket, region(), "x.bin", Acl.PRIVATE, StorageClass.STANDARD, Map.of(),
                Map.of("Content-Type", "application/octet-stream"), Map.of()), new byte[] {9}, "image/png");
        assertThat(read(bucket, "x.bin").contentType()).isEqualTo("application/octet-stream");
    }

    @Test
    void aSecondWriteReplacesTheFirst() {
        String bucket = freshBucket();
        connector().put(options(bucket, "same.jpg", Acl.PRIVATE), new byte[] {1}, "image/jpeg");
        connector().put(options(bucket, "same.jpg", Acl.PRIVATE), new byte[] {2, 2}, "image/jpeg");
        assertThat(read(bucket, "same.jpg").body()).containsExactly(2, 2);
    }

    @Test
    void unicodeAndSpacesInKeysAreEncodedInTheUrl() throws Exception {
        String bucket = freshBucket();
        String key = "folder/ünïcødé name ✓.jpg";
        String url = connector().put(options(bucket, key, publicObjects() ? Acl.PUBLIC_READ : Acl.NONE), new byte[] {7},
                "image/jpeg");
        assertThat(url).endsWith("/folder/%C3%BCn%C3%AFc%C3%B8d%C3%A9%20name%20%E2%9C%93.jpg");
        assertThat(read(bucket, key).body()).containsExactly(7);
        if (publicObjects()) {
            assertThat(anonymousGet(url)).isEqualTo(200);
        }
    }

    @Test
    void aLargeBodyGoesWholeInParts() {
        String bucket = freshBucket();
        byte[] big = new byte[17 * 1024 * 1024];
        new java.util.Random(1).nextBytes(big);
        connector().put(options(bucket, "big.bin", Acl.PRIVATE), big, "application/octet-stream");
        assertThat(read(bucket, "big.bin").body()).isEqualTo(big);
    }

    @Test
    void wrongCredentialsAreNamedAsSuch() {
        String bucket = freshBucket();
        assertThatThrownBy(() -> wrongCredentials().put(options(bucket, "x.jpg", Acl.PRIVATE), new byte[] {1}, "image/jpeg"))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo("storage_denied");
                    assertThat(e.status()).isEqualTo(502);
                })
                .hasMessageContaining(wrongCredentialsMessage());
    }

    @Test
    void aMissingBucketIsStorageNotFound() {
        assertThatThrownBy(() -> connector().put(options("no-such-bucket-" + UUID.randomUUID().toString().substring(0, 8),
                "x.jpg", Acl.PRIVATE),
                new byte[] {1}, "image/jpeg"))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo("storage_not_found"));
    }

    @Test
    void verifyWritesAndRemovesAProbe() {
        String bucket = freshBucket();
        connector().verify(bucket, region());
        assertThatThrownBy(() -> wrongCredentials().verify(bucket, region()))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo("storage_denied"));
    }
}
