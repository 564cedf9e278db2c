package io.compressor.job;

import io.compressor.account.Connector;
import io.compressor.account.ConnectorService;
import io.compressor.error.ErrorCode;
import io.compressor.error.ServiceException;
import io.compressor.storage.Acl;
import io.compressor.storage.StorageClass;
import io.compressor.storage.StorageConnector;
import io.compressor.storage.StoreOptions;

/// A `store` request bound to its connector, resolved before any processing so that a wrong
/// connector id or a missing bucket fails fast. `write` puts the result at its final key.
final class StoreTarget {
    private final Connector connector;
    private final StorageConnector storage;
    private final StoreRequest request;
    private final String bucket;
    private final String region;

    private StoreTarget(Connector connector, StorageConnector storage, StoreRequest request, String bucket, String region) {
        this.connector = connector;
        this.storage = storage;
        this.request = request;
        this.bucket = bucket;
        this.region = region;
    }

    static StoreTarget resolve(String accountId, StoreRequest request, ConnectorService connectors) {
        Connector c = connectors.get(accountId, request.connectorId());
        if (c.provider().azure()) {
            refuseForAzure(request);
        }
        String bucket = firstOf(request.bucket(), c.defaults().bucket());
        if (bucket == null) {
            throw new ServiceException(ErrorCode.INVALID_OPTION, "store.bucket: required (the connector has no default bucket)");
        }
        String region = c.provider().azure() ? null : firstOf(request.region(), c.defaults().region());
        if (region == null && c.provider().needsRegion()) {
            throw new ServiceException(ErrorCode.INVALID_OPTION, "store.region: required for " + c.provider().wireName()
                    + " (the connector has no default region)");
        }
        return new StoreTarget(c, connectors.open(c), request, bucket, region);
    }

    /// Writes the result and returns its address at the provider.
    String write(String outputName, byte[] bytes, String mime) {
        StoreOptions options = new StoreOptions(bucket, region, key(outputName),
                connector.provider().azure() ? Acl.NONE : request.acl() != null ? request.acl()
                        : connector.defaults().acl() != null ? connector.defaults().acl() : Acl.PUBLIC_READ,
                request.storageClass() != null ? request.storageClass() : StorageClass.STANDARD,
                request.metadata(), request.headers(), request.tags());
        return storage.put(options, bytes, mime);
    }

    /// The connector's path prefix, then the request's path; a folder (trailing `/`) or no path takes the output name.
    String key(String outputName) {
        String prefix = connector.defaults().pathPrefix() == null ? "" : connector.defaults().pathPrefix();
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        String path = request.path() == null ? "" : request.path();
        return prefix + (path.isEmpty() || path.endsWith("/") ? path + outputName : path);
    }

    /// Azure has no object ACLs, storage classes, tags or Expires header: each sent anyway is a 400.
    private static void refuseForAzure(StoreRequest r) {
        String field = r.acl() != null ? "acl" : r.storageClass() != null ? "class" : !r.tags().isEmpty() ? "tags"
                : r.headers().containsKey("Expires") ? "headers.Expires" : null;
        if (field != null) {
            throw new ServiceException(ErrorCode.INVALID_OPTION, "store." + field + ": Azure Blob Storage has no such"
                    + " option; leave it out for an azure connector");
        }
    }

    private static String firstOf(String a, String b) {
        return a != null && !a.isBlank() ? a : b != null && !b.isBlank() ? b : null;
    }
}
