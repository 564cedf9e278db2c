package io.compressor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/// Which texts are SVG: what may come before the `<svg` element, and what may not.
class SniffTest {
    private static Optional<ImageFormat> sniff(String text) {
        return Sniff.format(text.getBytes(StandardCharsets.UTF_8));
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            bare                    | <svg xmlns='http://www.w3.org/2000/svg'/>
            byte order mark         | \uFEFF<svg/>
            declaration             | <?xml version='1.0'?>\\n<svg/>
            comment                 | <!-- made by hand --><svg/>
            empty comment           | <!----><svg/>
            doctype                 | <!DOCTYPE svg PUBLIC '-//W3C//DTD SVG 1.1//EN' 'x.dtd'><svg/>
            internal subset         | <!DOCTYPE svg [ <!ENTITY ns_svg 'http://www.w3.org/2000/svg'> ]><svg/>
            subset with a bracket   | <!DOCTYPE svg [ <!ENTITY a 'x]y'> ]  ><svg/>
            all of them             | \uFEFF <?xml version='1.0'?> <!-- c --> <!DOCTYPE svg [ <!ENTITY a 'b'> ]> <!-- d --> <svg/>
            """)
    void svgMayFollowADeclarationCommentsAndADoctype(String name, String text) {
        assertThat(sniff(text.replace("\\n", "\n"))).contains(ImageFormat.SVG);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', quoteCharacter = '"', textBlock = """
            html                    | <html><svg/></html>
            unclosed comment        | <!-- <svg/>
            unclosed declaration    | <?xml version='1.0' <svg/>
            unclosed subset         | <!DOCTYPE svg [ <svg/>
            text first              | hello <svg/>
            nothing                 | "   "
            """)
    void anythingElseFirstIsNotSvg(String name, String text) {
        assertThat(sniff(text)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aLongRunOfNewlinesAfterACommentIsScannedNotRecursedInto() {
        assertThat(sniff("<!---->" + "\n".repeat(3000) + "<svg/>")).contains(ImageFormat.SVG);
        assertThat(sniff("<!---->" + "\n".repeat(3000) + "<!---->".repeat(500))).isEmpty();
    }
}
