package io.compressor.testing;

/// The variables `scripts/test` sets for the integration tests: each names a real server or library it started or
/// fetched. A test run without them fails and says how to run it.
public final class TestEnvironment {
    private TestEnvironment() {}

    /// The value of `variable`, which `scripts/test` sets to `what` (e.g. "a real S3 server (Ceph RGW)").
    public static String required(String variable, String what) {
        String value = System.getenv(variable);
        if (value == null || value.isBlank()) {
            throw new IllegalStateException(variable + " is not set: run the suite with ./scripts/test, which provides "
                    + what + " for it");
        }
        return value;
    }
}
