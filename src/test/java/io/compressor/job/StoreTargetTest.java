package io.compressor.job;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compressor.account.Connector;
import io.compressor.account.ConnectorService;
import io.compressor.account.ConnectorStore;
import io.compressor.account.Credentials;
import io.compressor.account.SecretBox;
import io.compressor.error.ServiceException;
import io.compressor.storage.Acl;
import io.compressor.storage.Provider;
import io.compressor.storage.StorageClass;
import io.compressor.storage.StorageConnector;
import io.compressor.storage.StoreOptions;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// Where a stored result goes and how it is written: the key from the connector's prefix and the request's path,
/// and each option from the request, else the connector's default, else the provider's. Writing to real buckets with
/// these options is `ConnectorsApiIT`'s; this is the table of rules, on a connector that records what it was given.
class StoreTargetTest {
    private static final String ACCOUNT = "account-1";
    private final List<StoreOptions> written = new ArrayList<>();
    private final ConnectorService connectors = new ConnectorService(new Connectors(), new SecretBox(new byte[32]),
            spec -> new StorageConnector() {
                @Override
                public String put(StoreOptions options, byte[] body, String contentType) {
                    written.add(options);
                    return "https://bucket.example/" + options.key();
                }

                @Override
                public void verify(String bucket, String region) {}
            }, Clock.systemUTC());

    @ParameterizedTest(name = "prefix \"{0}\", path \"{1}\" -> {2}")
    @CsvSource(delimiter = '|', nullValues = "-", value = {
            "-        | -              | photo.webp",
            "-        | a/b/           | a/b/photo.webp",
            "-        | a/b/name.webp  | a/b/name.webp",
            "site     | -              | site/photo.webp",
            "site/    | -              | site/photo.webp",
            "site     | a/             | site/a/photo.webp",
            "site/    | a/final.webp   | site/a/final.webp",
    })
    void theKeyIsThePrefixThenThePathOrTheOutputName(String prefix, String path, String key) {
        StoreTarget target = target(Provider.AWS, new Connector.Defaults("bucket", "eu-west-1", prefix, null),
                request(null, null, path, null, null, Map.of()));
        assertThat(target.key("photo.webp")).isEqualTo(key);
    }

    @Test
    void eachOptionComesFromTheRequestThenTheConnectorThenTheProvider() {
        StoreOptions defaults = write(Provider.AWS, new Connector.Defaults("kept", "eu-west-1", null, null),
                request(null, null, null, null, null, Map.of()));
        assertThat(defaults.bucket()).isEqualTo("kept");
        assertThat(defaults.region()).isEqualTo("eu-west-1");
        assertThat(defaults.acl()).isEqualTo(Acl.PUBLIC_READ);
        assertThat(defaults.storageClass()).isEqualTo(StorageClass.STANDARD);

        StoreOptions connectorAcl = write(Provider.AWS, new Connector.Defaults("kept", "eu-west-1", null, Acl.PRIVATE),
                request(null, null, null, null, null, Map.of()));
        assertThat(connectorAcl.acl()).isEqualTo(Acl.PRIVATE);

        StoreOptions asked = write(Provider.AWS, new Connector.Defaults("kept", "eu-west-1", null, Acl.PRIVATE),
                request("other", "us-east-2", null, Acl.BUCKET_OWNER_READ, StorageClass.GLACIER, Map.of("k", "v")));
        assertThat(asked.bucket()).isEqualTo("other");
        assertThat(asked.region()).isEqualTo("us-east-2");
        assertThat(asked.acl()).isEqualTo(Acl.BUCKET_OWNER_READ);
        assertThat(asked.storageClass()).isEqualTo(StorageClass.GLACIER);
        assertThat(asked.tags()).isEqualTo(Map.of("k", "v"));
    }

    @Test
    void azureWritesNoAclAndNoRegion() {
        StoreOptions azure = write(Provider.AZURE, new Connector.Defaults("container", "westeurope", null, null),
                request(null, null, null, null, null, Map.of()));
        assertThat(azure.acl()).isEqualTo(Acl.NONE);
        assertThat(azure.region()).isNull();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "acl     | store.acl: Azure Blob Storage has no such option; leave it out for an azure connector",
            "class   | store.class: Azure Blob Storage has no such option; leave it out for an azure connector",
            "tags    | store.tags: Azure Blob Storage has no such option; leave it out for an azure connector",
            "expires | store.headers.Expires: Azure Blob Storage has no such option; leave it out for an azure connector",
    })
    void azureRefusesWhatItHasNot(String field, String message) {
        StoreRequest request = new StoreRequest("c", "container", null, null, field.equals("acl") ? Acl.PRIVATE : null,
                field.equals("class") ? StorageClass.STANDARD : null, Map.of(),
                field.equals("expires") ? Map.of("Expires", "Wed, 21 Oct 2026 07:28:00 GMT") : Map.of(),
                field.equals("tags") ? Map.of("k", "v") : Map.of());
        assertThatThrownBy(() -> target(Provider.AZURE, Connector.Defaults.NONE, request))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo("invalid_option"))
                .hasMessage(message);
    }

    @Test
    void aBucketAndARegionTheProviderNeedsAreRequiredWhenNoDefaultGivesThem() {
        assertThatThrownBy(() -> target(Provider.AWS, Connector.Defaults.NONE, request(null, "eu-west-1", null, null, null, Map.of())))
                .hasMessage("store.bucket: required (the connector has no default bucket)");
        assertThatThrownBy(() -> target(Provider.AWS, Connector.Defaults.NONE, request("b-1", null, null, null, null, Map.of())))
                .hasMessage("store.region: required for aws (the connector has no default region)");
        assertThat(target(Provider.CLOUDFLARE, Connector.Defaults.NONE, request("b-1", null, null, null, null, Map.of())))
                .isNotNull();
    }

    @Test
    void aConnectorOfAnotherAccountIsNotFound() {
        Connector theirs = connectors.create("account-2", newConnector(Provider.AWS, Connector.Defaults.NONE));
        assertThatThrownBy(() -> StoreTarget.resolve(ACCOUNT, new StoreRequest(theirs.id(), "b-1", "eu-west-1", null,
                null, null, Map.of(), Map.of(), Map.of()), connectors))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo("connector_not_found"));
    }

    private StoreOptions write(Provider provider, Connector.Defaults defaults, StoreRequest request) {
        target(provider, defaults, request).write("photo.webp", new byte[] {1}, "image/webp");
        return written.getLast();
    }

    private StoreTarget target(Provider provider, Connector.Defaults defaults, StoreRequest request) {
        Connector connector = connectors.create(ACCOUNT, newConnector(provider, defaults));
        return StoreTarget.resolve(ACCOUNT, new StoreRequest(connector.id(), request.bucket(), request.region(),
                request.path(), request.acl(), request.storageClass(), request.metadata(), request.headers(),
                request.tags()), connectors);
    }

    private static ConnectorService.NewConnector newConnector(Provider provider, Connector.Defaults defaults) {
        return new ConnectorService.NewConnector("test", provider,
                provider == Provider.CLOUDFLARE ? "0123456789abcdef" : null, null, null, defaults,
                new Credentials("AKIDEXAMPLE", "secret"));
    }

    private static StoreRequest request(String bucket, String region, String path, Acl acl, StorageClass storageClass,
            Map<String, String> tags) {
        return new StoreRequest("set-by-target", bucket, region, path, acl, storageClass, Map.of(), Map.of(), tags);
    }

    /// Connectors in memory: the stores on SQLite and PostgreSQL are tested by the db package's integration tests.
    private static final class Connectors implements ConnectorStore {
        private final Map<String, Connector> connectors = new HashMap<>();
        private final Map<String, byte[]> sealed = new HashMap<>();

        @Override
        public void insert(Connector connector, byte[] sealedCredentials) {
            connectors.put(connector.id(), connector);
            sealed.put(connector.id(), sealedCredentials);
        }

        @Override
        public Optional<Connector> find(String id) {
            return Optional.ofNullable(connectors.get(id));
        }

        @Override
        public List<Connector> listByAccount(String accountId) {
            return connectors.values().stream().filter(c -> c.accountId().equals(accountId)).toList();
        }

        @Override
        public List<Connector> all() {
            return List.copyOf(connectors.values());
        }

        @Override
        public byte[] sealedCredentials(String id) {
            return sealed.get(id);
        }

        @Override
        public void replaceSealedCredentials(String id, byte[] value) {
            sealed.put(id, value);
        }

        @Override
        public boolean delete(String id) {
            return connectors.remove(id) != null;
        }
    }
}
