package io.compressor.account;

import io.compressor.error.ErrorCode;
import io.compressor.error.ServiceException;
import io.compressor.storage.ConnectorSpec;
import io.compressor.storage.Provider;
import io.compressor.storage.StorageConnector;
import io.compressor.storage.StorageConnectors;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/// Connectors of an account: checked on creation, their credentials sealed under the master key and
/// opened only to write a result. An id of another account is `connector_not_found`.
public final class ConnectorService {
    private final ConnectorStore store;
    private final StorageConnectors storages;
    private final Clock clock;
    private SecretBox box;

    public ConnectorService(ConnectorStore store, SecretBox box, StorageConnectors storages, Clock clock) {
        this.store = store;
        this.box = box;
        this.storages = storages;
        this.clock = clock;
    }

    /// A connector to be created; `pathStyle` and `checksumWhenRequired` null mean the provider's default.
    public record NewConnector(String name, Provider provider, String endpoint, Boolean pathStyle,
            Boolean checksumWhenRequired, Connector.Defaults defaults, Credentials credentials) {}

    public Connector create(String accountId, NewConnector n) {
        String name = n.name() == null ? "" : n.name().strip();
        if (name.isEmpty() || name.length() > 200) {
            throw invalid("name: expected 1 to 200 characters");
        }
        String endpoint = endpoint(n.provider(), n.endpoint());
        Credentials credentials = n.credentials();
        if (credentials == null || credentials.accessKeyId().isBlank() || credentials.secretAccessKey().isBlank()
                || (credentials.accessKeyId() + credentials.secretAccessKey()).matches("(?s).*[\\s].*")) {
            throw invalid("credentials: expected an access_key_id and a secret_access_key, without spaces (for azure:"
                    + " the storage account name, and its account key or a SAS token)");
        }
        String id = UUID.randomUUID().toString();
        Connector connector = new Connector(id, accountId, name, n.provider(), endpoint,
                n.pathStyle() != null ? n.pathStyle() : n.provider() == Provider.S3_COMPATIBLE,
                n.checksumWhenRequired() != null ? n.checksumWhenRequired() : n.provider() != Provider.AWS,
                n.defaults() == null ? Connector.Defaults.NONE : n.defaults(), credentials.hint(), clock.instant());
        store.insert(connector, seal(id, credentials));
        return connector;
    }

    public List<Connector> list(String accountId) {
        return store.listByAccount(accountId);
    }

    public Connector get(String accountId, String id) {
        return store.find(id).filter(c -> c.accountId().equals(accountId)).orElseThrow(() -> new ServiceException(
                ErrorCode.CONNECTOR_NOT_FOUND, "No storage connector with id \"" + id + "\" in this account;"
                        + " GET /1.0/connectors lists them."));
    }

    public void delete(String accountId, String id) {
        store.delete(get(accountId, id).id());
        storages.forget(id);
    }

    /// The clear credentials, only for the moment a connector writes.
    public Credentials credentials(Connector connector) {
        String[] parts = new String(box.open(store.sealedCredentials(connector.id()), connector.id()),
                StandardCharsets.UTF_8).split("\n", 2);
        return new Credentials(parts[0], parts[1]);
    }

    /// The provider client for a connector, with its credentials opened for it.
    public StorageConnector open(Connector c) {
        Credentials credentials = credentials(c);
        return storages.open(new ConnectorSpec(c.id(), c.provider(), c.endpoint(), c.pathStyle(), c.checksumWhenRequired(),
                credentials.accessKeyId(), credentials.secretAccessKey()));
    }

    /// Writes and removes a probe object in the bucket (the connector's default when not given); throws
    /// the storage error that names what failed.
    public String test(String accountId, String id, String bucket, String region) {
        Connector c = get(accountId, id);
        String b = bucket != null && !bucket.isBlank() ? bucket : c.defaults().bucket();
        if (b == null) {
            throw invalid("bucket: required to test a connector without a default bucket");
        }
        open(c).verify(b, region != null && !region.isBlank() ? region : c.defaults().region());
        return b;
    }

    /// Re-seals every connector's credentials under `next`, which then replaces the current key.
    public synchronized int rotate(SecretBox next) {
        List<Connector> all = store.all();
        for (Connector c : all) {
            Credentials clear = credentials(c);
            store.replaceSealedCredentials(c.id(), next.seal(plain(clear), c.id()));
        }
        box = next;
        return all.size();
    }

    /// Whether `candidate` is the key the credentials are sealed under: empty when no connector has any to try.
    public Optional<Boolean> sealedUnder(SecretBox candidate) {
        return store.all().stream().findFirst().map(c -> candidate.opens(store.sealedCredentials(c.id()), c.id()));
    }

    private byte[] seal(String id, Credentials credentials) {
        return box.seal(plain(credentials), id);
    }

    private static byte[] plain(Credentials credentials) {
        return (credentials.accessKeyId() + "\n" + credentials.secretAccessKey()).getBytes(StandardCharsets.UTF_8);
    }

    /// The endpoint as the connector keeps it, or the `invalid_option` error that says what the provider needs.
    static String endpoint(Provider provider, String endpoint) {
        String e = endpoint == null ? null : endpoint.strip().replaceAll("/+$", "");
        if (provider == Provider.S3_COMPATIBLE) {
            URI uri = e == null ? null : parsed(e);
            if (uri == null || uri.getHost() == null || !(e.startsWith("http://") || e.startsWith("https://"))) {
                throw invalid("endpoint: an s3-compatible connector needs the server's http:// or https:// address");
            }
            return e;
        }
        if (provider == Provider.AZURE) {
            if (e != null && !e.isEmpty() && !(e.startsWith("http://") || e.startsWith("https://"))) {
                throw invalid("endpoint: for azure, leave it out (https://ACCOUNT.blob.core.windows.net) or give the"
                        + " emulator's http:// address");
            }
            return e == null || e.isEmpty() ? null : e;
        }
        if (provider == Provider.CLOUDFLARE) {
            if (e == null || !e.matches("[A-Za-z0-9]{8,64}")) {
                throw invalid("endpoint: a cloudflare connector needs the R2 account id");
            }
            return e;
        }
        if (e != null && !e.isEmpty()) {
            throw invalid("endpoint: only s3-compatible and cloudflare connectors take an endpoint");
        }
        return null;
    }

    /// The address as a URI, or null when it is not one (a space, a stray character).
    private static URI parsed(String address) {
        try {
            return new URI(address);
        } catch (URISyntaxException e) {
            return null;
        }
    }

    private static ServiceException invalid(String message) {
        return new ServiceException(ErrorCode.INVALID_OPTION, message);
    }
}
