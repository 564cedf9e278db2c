package io.compressor.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.compressor.error.ServiceException;
import io.compressor.pipeline.Compression;
import io.compressor.pipeline.Gravity;
import io.compressor.pipeline.MetadataKind;
import io.compressor.pipeline.OutputFormat;
import io.compressor.pipeline.ProcessOptions;
import io.compressor.pipeline.ResizeMode;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class OptionsParserTest {
    private static final ObjectMapper JSON = new ObjectMapper();

    private static ProcessOptions parse(String json) throws Exception {
        return OptionsParser.image(JSON.readTree(json));
    }

    @Test
    void readsEveryOption() throws Exception {
        ProcessOptions o = parse("""
                {"compression": "ultra", "quality": 70, "format": "webp", "metadata": ["icc", "copyright"],
                 "resize": {"width": 640, "height": 480, "mode": "fit", "gravity": "top-left", "upscale": false,
                            "background": "#00000000"}}""");
        assertThat(o.compression()).isEqualTo(Compression.ULTRA);
        assertThat(o.quality()).hasValue(70);
        assertThat(o.format()).isEqualTo(OutputFormat.WEBP);
        assertThat(o.metadata()).containsExactlyInAnyOrder(MetadataKind.ICC, MetadataKind.COPYRIGHT);
        var r = o.resize().orElseThrow();
        assertThat(r.width()).isEqualTo(640);
        assertThat(r.height()).isEqualTo(480);
        assertThat(r.mode()).isEqualTo(ResizeMode.FIT);
        assertThat(r.gravity()).isEqualTo(Gravity.TOP_LEFT);
        assertThat(r.upscale()).isFalse();
        assertThat(r.background().alpha()).isZero();
        assertThat(r.background()).isEqualTo(new io.compressor.pipeline.Color(0, 0, 0, 0));
    }

    @Test
    void defaultsFollowApiMd() throws Exception {
        assertThat(parse("{}")).isEqualTo(ProcessOptions.DEFAULTS);
        assertThat(parse("{\"resize\": {\"width\": 100, \"height\": 50, \"mode\": \"fit\"}}").resize().orElseThrow().upscale()).isTrue();
        assertThat(parse("{\"resize\": {\"width\": 100}}").resize().orElseThrow().upscale()).isFalse();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
            "{\"resize\": {\"width\": 10, \"height\": 10, \"mode\": \"cover\"}} | image.resize.mode: expected one of auto, fit, fill, exact, crop but received \"cover\"",
            "{\"resize\": {\"width\": 640, \"mode\": \"fit\"}}                   | image.resize: mode \"fit\" needs both width and height",
            "{\"resize\": {\"width\": 0}}                                        | image.resize.width: expected a whole number from 1 to 16384 but received 0",
            "{\"resize\": {\"width\": 20000}}                                    | image.resize.width: expected a whole number from 1 to 16384 but received 20000",
            "{\"resize\": {\"width\": \"640\"}}                                  | image.resize.width: expected a whole number from 1 to 16384 but received \"640\"",
            "{\"resize\": {}}                                                    | image.resize: give a width, a height or both",
            "{\"resize\": {\"width\": 10, \"gravity\": \"middle\"}}              | image.resize.gravity: expected one of center, top, bottom, left, right, top-left, top-right, bottom-left, bottom-right, smart but received \"middle\"",
            "{\"resize\": {\"width\": 10, \"background\": \"white\"}}            | image.resize.background: expected a CSS hex colour like #ffffff or #00000000 but received \"white\"",
            "{\"resize\": {\"width\": 10, \"upscale\": \"yes\"}}                 | image.resize.upscale: expected true or false but received \"yes\"",
            "{\"resize\": {\"width\": 10, \"crop\": true}}                       | image.resize.crop: unknown option; expected one of width, height, mode, gravity, upscale, background",
            "{\"compression\": \"max\"}                                          | image.compression: expected one of medium, high, ultra, lossless but received \"max\"",
            "{\"quality\": 0}                                                    | image.quality: expected a whole number from 1 to 100 but received 0",
            "{\"format\": \"jpg\"}                                               | image.format: expected one of auto, jpeg, png, webp, avif, gif, smallest but received \"jpg\"",
            "{\"metadata\": \"all\"}                                             | image.metadata: expected a list such as [\"icc\", \"copyright\"] but received \"all\"",
            "{\"metadata\": [\"icc\", \"gps\"]}                                  | image.metadata[1]: expected one of icc, exif, xmp, iptc, copyright, geo, date, all but received \"gps\"",
            "{\"lossy\": true}                                                   | image.lossy: unknown option; expected one of compression, quality, format, resize, metadata",
            "[1]                                                                 | image: expected an object but received [1]",
    })
    void badOptionsNameThePathTheAllowedValuesAndWhatWasReceived(String json, String message) {
        assertThatThrownBy(() -> parse(json)).isInstanceOfSatisfying(ServiceException.class, e -> {
            assertThat(e.code()).isEqualTo("invalid_option");
            assertThat(e.status()).isEqualTo(400);
        }).hasMessage(message);
    }
}
