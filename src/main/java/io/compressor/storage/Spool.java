package io.compressor.storage;

import java.io.InputStream;

/// Where the inputs of queued jobs wait for a worker: a local folder for one node, or an S3 bucket that
/// every node reads. A job is accepted (202) only once its input is written here whole.
public interface Spool {
    /// Writes the input under `key`, streaming, and returns the key.
    String write(String key, InputStream in, long size);

    long size(String key);

    InputStream open(String key);

    void delete(String key);
}
