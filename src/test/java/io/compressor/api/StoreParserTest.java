package io.compressor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.compressor.error.ServiceException;
import io.compressor.job.StoreRequest;
import io.compressor.storage.Acl;
import io.compressor.storage.StorageClass;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// API.md's `store` object: what is read, and every refusal naming its field.
class StoreParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static Optional<StoreRequest> parse(String json) throws Exception {
        return StoreParser.store(JSON.readTree(json));
    }

    @Test
    void readsEveryField() throws Exception {
        StoreRequest s = parse("""
                {"id": "c1", "bucket": "my.images-1", "region": "eu-central-1", "path": "a/b/photo.jpg",
                 "acl": "PUBLIC-READ", "class": "STANDARD-IA", "metadata": {"owner": "web-team"},
                 "headers": {"cache-control": "max-age=60", "Expires": "Wed, 21 Oct 2026 07:28:00 GMT"},
                 "tags": {"project": "blog"}}""").orElseThrow();
        assertThat(s.connectorId()).isEqualTo("c1");
        assertThat(s.bucket()).isEqualTo("my.images-1");
        assertThat(s.region()).isEqualTo("eu-central-1");
        assertThat(s.path()).isEqualTo("a/b/photo.jpg");
        assertThat(s.acl()).isEqualTo(Acl.PUBLIC_READ);
        assertThat(s.storageClass()).isEqualTo(StorageClass.STANDARD_IA);
        assertThat(s.metadata()).isEqualTo(Map.of("owner", "web-team"));
        // header names are written as API.md spells them, whatever case the client sent
        assertThat(s.headers()).containsOnlyKeys("Cache-Control", "Expires").containsEntry("Cache-Control", "max-age=60");
        assertThat(s.tags()).isEqualTo(Map.of("project", "blog"));
    }

    @Test
    void noStoreIsHostingAndAContainerIsABucket() throws Exception {
        assertThat(StoreParser.store(null)).isEmpty();
        assertThat(parse("null")).isEmpty();
        StoreRequest azure = parse("{\"id\": \"c1\", \"container\": \"photos\"}").orElseThrow();
        assertThat(azure.bucket()).isEqualTo("photos");
        assertThat(azure.acl()).isNull();
        assertThat(azure.storageClass()).isNull();
        assertThat(azure.path()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "[]                                                    | store: expected an object but received []",
            "{}                                                    | store.id: required; the id of one of this account's storage connectors",
            "{\"id\": \" \"}                                       | store.id: required; the id of one of this account's storage connectors",
            "{\"id\": 7}                                           | store.id: expected a string but received 7",
            "{\"id\": \"c\", \"bucket\": \"My_Bucket\"}            | store.bucket: expected a bucket name of 3-63 lowercase letters, digits, dots and hyphens but received \"My_Bucket\"",
            "{\"id\": \"c\", \"bucket\": \"ab\"}                   | store.bucket: expected a bucket name of 3-63 lowercase letters, digits, dots and hyphens but received \"ab\"",
            "{\"id\": \"c\", \"region\": \"EU West\"}              | store.region: expected a region such as eu-central-1 but received \"EU West\"",
            "{\"id\": \"c\", \"path\": \"/a.jpg\"}                 | store.path: no leading slash; write \"a.jpg\"",
            "{\"id\": \"c\", \"path\": \"a/../b.jpg\"}             | store.path: \"..\" segments and control characters are not allowed",
            "{\"id\": \"c\", \"path\": \"a\\tb.jpg\"}              | store.path: \"..\" segments and control characters are not allowed",
            "{\"id\": \"c\", \"acl\": \"world\"}                   | store.acl: expected one of private, public-read, public-read-write, authenticated-read, bucket-owner-read, bucket-owner-full-control, none but received \"world\"",
            "{\"id\": \"c\", \"metadata\": {\"a b\": \"x\"}}       | store.metadata.a b: keys are letters, digits, '-' and '_', values printable ASCII",
            "{\"id\": \"c\", \"metadata\": {\"k\": 1}}             | store.metadata.k: expected a string but received 1",
            "{\"id\": \"c\", \"metadata\": []}                     | store.metadata: expected an object of names to strings but received []",
            "{\"id\": \"c\", \"headers\": {\"X-Foo\": \"1\"}}      | store.headers.X-Foo: not allowed; allowed are Expires, Cache-Control, Content-Type, Content-Encoding, Content-Language, Content-Disposition",
            "{\"id\": \"c\", \"headers\": {\"Expires\": \"soon\"}} | store.headers.Expires: expected an HTTP date such as \"Wed, 21 Oct 2026 07:28:00 GMT\" but received \"soon\"",
            "{\"id\": \"c\", \"headers\": {\"Cache-Control\": \"a\\nb\"}} | store.headers.Cache-Control: a value is one line",
            "{\"id\": \"c\", \"tags\": {\"\": \"x\"}}              | store.tags.: keys are 1-128 characters, values at most 256",
            "{\"id\": \"c\", \"bukket\": \"x\"}                    | store.bukket: unknown option; expected one of id, bucket, container, region, path, acl, class, metadata, headers, tags",
    })
    void badFieldsNameThePathAndWhatIsAllowed(String json, String message) {
        assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.code()).isEqualTo("invalid_option");
            assertThat(e.status()).isEqualTo(400);
        }).hasMessage(message);
    }

    @Test
    void atMostTenTagsAndPathsOfAtMost1000Bytes() {
        StringBuilder tags = new StringBuilder("{\"id\": \"c\", \"tags\": {");
        for (int i = 0; i < 11; i++) {
            tags.append(i == 0 ? "" : ",").append("\"t").append(i).append("\": \"v\"");
        }
        assertThatThrownBy(() -> parse(tags + "}}")).hasMessage("store.tags: at most 10 tags");
        assertThatThrownBy(() -> parse("{\"id\": \"c\", \"path\": \"" + "é".repeat(501) + "\"}"))
                .hasMessage("store.path: at most 1000 bytes");
    }
}
