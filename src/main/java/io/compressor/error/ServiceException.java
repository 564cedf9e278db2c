package io.compressor.error;

/// A failure with a stable code, its HTTP status and a public message that says what went wrong
/// and what to do. Every package throws it; `api` alone turns it into the error body of API.md.
/// The message is shown to clients, so it must never hold a secret or a stack trace.
public class ServiceException extends RuntimeException {
    private final ErrorCode code;

    public ServiceException(ErrorCode code, String message) {
        super(message);
        this.code = code;
    }

    public ServiceException(ErrorCode code, String message, Throwable cause) {
        super(message, cause);
        this.code = code;
    }

    public ErrorCode errorCode() {
        return code;
    }

    public String code() {
        return code.code();
    }

    public int status() {
        return code.status();
    }
}
