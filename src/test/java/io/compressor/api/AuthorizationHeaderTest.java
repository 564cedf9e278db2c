package io.compressor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compressor.error.ServiceException;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class AuthorizationHeaderTest {
    private static String b64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
            "Bearer cmp_abc          | cmp_abc",
            "bearer cmp_abc          | cmp_abc",
            "Basic Y21wX2FiYzo=      | cmp_abc",   // cmp_abc:
            "Basic Y21wX2FiYw==      | cmp_abc",   // cmp_abc (no colon)
            "BASIC Y21wX2FiYzp4      | cmp_abc",   // cmp_abc:x, the password is ignored
    })
    void readsTheKeyFromBasicOrBearer(String header, String key) {
        assertThat(AuthorizationHeader.apiKey(header)).contains(key);
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {"   "})
    void noHeaderMeansNoKey(String header) {
        assertThat(AuthorizationHeader.apiKey(header)).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"Basic", "Bearer", "Bearer   ", "Basic !!!not-base64", "Token cmp_abc", "cmp_abc",
            "Digest username=x"})
    void garbledHeadersAreUnauthorizedWithAHint(String header) {
        assertThatThrownBy(() -> AuthorizationHeader.apiKey(header))
                .isInstanceOfSatisfying(ServiceException.class, e -> {
                    assertThat(e.status()).isEqualTo(401);
                    assertThat(e.code()).isEqualTo("unauthorized");
                })
                .hasMessageContaining("Malformed Authorization header").hasMessageContaining("curl -u KEY:");
    }

    @org.junit.jupiter.api.Test
    void basicWithAnEmptyUserNameIsGarbled() {
        assertThatThrownBy(() -> AuthorizationHeader.apiKey("Basic " + b64(":cmp_abc")))
                .isInstanceOf(ServiceException.class);
    }
}
