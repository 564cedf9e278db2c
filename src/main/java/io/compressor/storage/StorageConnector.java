package io.compressor.storage;

/// A place results can be written to. Two operations only, until a second caller needs more.
public interface StorageConnector {
    /// Writes `body` whole or not at all, and returns the object's address at the provider.
    String put(StoreOptions options, byte[] body, String contentType);

    /// Writes and deletes a small probe object in `bucket`; throws a storage error naming what failed.
    void verify(String bucket, String region);

    /// Releases the provider clients this connector opened (connection pools); it is not used after.
    default void close() {}
}
