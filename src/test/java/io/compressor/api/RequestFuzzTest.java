package io.compressor.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.compressor.error.ServiceException;
import io.compressor.testing.Fuzz;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

/// The request parsers over mutated request bodies: any text is either options or a 400 whose message names what
/// to fix; nothing else may escape them.
class RequestFuzzTest {
    private static final List<byte[]> SEEDS = List.of(
            "{\"image\":{\"resize\":{\"width\":640,\"height\":480,\"mode\":\"fit\",\"gravity\":\"smart\",\"upscale\":true,"
                    + "\"background\":\"#00000000\"},\"format\":\"webp\",\"compression\":\"ultra\",\"quality\":70,"
                    + "\"metadata\":[\"icc\",\"copyright\"]}}",
            "{\"url\":\"https://www.website.com/image.jpg\",\"headers\":{\"Referer\":\"x\"},\"webhook\":{\"url\":\"https://h.example/x\"},"
                    + "\"store\":{\"id\":\"c\",\"bucket\":\"my-bucket\",\"region\":\"eu-central-1\",\"path\":\"a/b.jpg\","
                    + "\"acl\":\"public-read\",\"class\":\"standard-ia\",\"metadata\":{\"key\":\"value\"},"
                    + "\"headers\":{\"Cache-Control\":\"max-age=1\"},\"tags\":{\"k\":\"v\"}}}",
            "{\"image\":{\"resize\":{\"width\":1}},\"store\":{\"id\":\"x\",\"container\":\"c\",\"path\":\"folder/\"}}",
            "[1,2,{\"a\":null}]", "{}", "").stream().map(s -> s.getBytes(StandardCharsets.UTF_8)).toList();

    @Test
    void anyBodyIsOptionsOrA400ThatSaysWhy() {
        int runs = Fuzz.run("request", SEEDS, Duration.ofSeconds(6), 300_000, input -> {
            String text = new String(input, StandardCharsets.UTF_8);
            try {
                JsonNode root = RequestJson.parse(text, "data");
                OptionsParser.image(root.get("image"));
                StoreParser.store(root.get("store"));
                RequestJson.webhook(root.get("webhook"));
                RequestJson.headers(root.get("headers"));
            } catch (ServiceException e) {
                assertThat(e.status()).as(e.getMessage()).isEqualTo(400);
                assertThat(e.getMessage()).isNotBlank();
            }
        });
        assertThat(runs).isGreaterThan(SEEDS.size());
    }
}
