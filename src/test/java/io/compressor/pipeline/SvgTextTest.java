package io.compressor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class SvgTextTest {
    @ParameterizedTest
    @ValueSource(strings = {"<svg><filter id='f'/></svg>", "<svg:svg><svg:filter/></svg:svg>", "<rect filter='url(#f)'/>",
            "<rect style='filter: blur(9px)'/>", "<rect style='FILTER:blur(9px)'/>"})
    void anyFilterEffectCounts(String svg) {
        assertThat(SvgText.usesFilters(svg.getBytes(StandardCharsets.UTF_8))).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"<svg><rect width='10' height='10'/></svg>", "", "filte", "<svg>fil ter</svg>"})
    void noFilterNoCount(String svg) {
        assertThat(SvgText.usesFilters(svg.getBytes(StandardCharsets.UTF_8))).isFalse();
    }
}
