package io.compressor.job;

import com.fasterxml.jackson.annotation.JsonInclude;

/// What the response says of an input or an output file: API.md's `input` and `output` objects, plus
/// `quality` *(ext)* on an output whose quality was searched.
@JsonInclude(JsonInclude.Include.NON_NULL)
public record FileFacts(String name, String type, String format, String mime, long size, String sha1, int width,
        int height, QualityFacts quality) {
    public FileFacts(String name, String type, String format, String mime, long size, String sha1, int width, int height) {
        this(name, type, format, mime, size, sha1, width, height, null);
    }
}
