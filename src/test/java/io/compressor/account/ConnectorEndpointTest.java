package io.compressor.account;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compressor.error.ServiceException;
import io.compressor.storage.Provider;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// What an s3-compatible connector takes as its endpoint: an http(s) address with a host, nothing else.
class ConnectorEndpointTest {
    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://a b", "http://[::1", "https://%zz", "ftp://s3.example.com", "s3.example.com",
            "http://", "http:///bucket", " ", "http://exa mple.com:9000/"})
    void anAddressThatIsNotAnHttpUrlWithAHostIsAnInvalidOption(String endpoint) {
        assertThatThrownBy(() -> ConnectorService.endpoint(Provider.S3_COMPATIBLE, endpoint))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.code()).isEqualTo("invalid_option");
                    assertThat(e.getMessage()).startsWith("endpoint: ").contains("http://");
                });
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {"http://127.0.0.1:9000", "https://s3.example.com/", "https://s3.example.com:8443"})
    void anHttpUrlWithAHostIsKeptWithoutItsTrailingSlash(String endpoint) {
        assertThat(ConnectorService.endpoint(Provider.S3_COMPATIBLE, endpoint)).isEqualTo(endpoint.replaceAll("/$", ""));
    }
}
