package io.compressor.fetch;

import java.io.InputStream;

/// A downloaded source: the file name taken from the URL's last path segment, and the body as a stream of
/// `size` bytes over a temporary file that is already unlinked, so nothing is left on disk whatever happens
/// to the request or the process. Whoever takes it reads it once and closes it; a source is never held on the heap.
public record Fetched(String name, long size, InputStream body) {}
