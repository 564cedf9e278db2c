package io.compressor.vips;

import io.compressor.error.ErrorCode;
import io.compressor.error.ServiceException;

/// A libvips failure, already classified: `corrupt_image`, `unsupported_format` or `internal`.
/// `detail` is libvips' own text, for the log; the public message never includes internals.
public final class VipsException extends ServiceException {
    private final String detail;

    VipsException(ErrorCode code, String message, String detail) {
        super(code, message);
        this.detail = detail;
    }

    public String detail() {
        return detail;
    }
}
