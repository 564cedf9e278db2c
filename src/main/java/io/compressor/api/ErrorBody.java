package io.compressor.api;

/// The error body of API.md: `{"success": false, "id": ..., "code": ..., "message": ...}`.
record ErrorBody(boolean success, String id, String code, String message) {
    ErrorBody(String id, String code, String message) {
        this(false, id, code, message);
    }
}
