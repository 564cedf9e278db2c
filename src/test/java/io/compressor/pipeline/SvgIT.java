package io.compressor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compressor.error.ServiceException;
import java.awt.Color;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// SVG is XML from the internet: it is read when written the way editors write it, and it draws nothing but its own
/// bytes: no file of this machine, no external entity, no entity bomb.
class SvgIT {
    private static final Pipeline PIPELINE = new Pipeline(Fixtures.ENGINE, new Limits(64 << 20, 100_000_000));
    private static final ProcessOptions PNG = new ProcessOptions(Compression.LOSSLESS, OptionalInt.empty(),
            OutputFormat.PNG, Optional.empty(), Set.of());
    private static final String OPEN = "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xlink='http://www.w3.org/1999/xlink'"
            + " width='200' height='100'>";

    private static byte[] bytes(String svg) {
        return svg.getBytes(StandardCharsets.UTF_8);
    }

    private static byte[] redPng() throws IOException {
        BufferedImage red = new BufferedImage(200, 100, BufferedImage.TYPE_INT_RGB);
        var g = red.createGraphics();
        g.setColor(Color.RED);
        g.fillRect(0, 0, 200, 100);
        g.dispose();
        ByteArrayOutputStream png = new ByteArrayOutputStream();
        ImageIO.write(red, "png", png);
        return png.toByteArray();
    }

    private static void assertRefusedAsCorrupt(String svg) {
        assertThatThrownBy(() -> PIPELINE.process(bytes(svg), PNG))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo("corrupt_image"));
    }

    @Test
    void anIllustratorSvgWithEntitiesInItsDoctypeIsRead() {
        String svg = """
                <?xml version="1.0" encoding="utf-8"?>
                <!-- Generator: Adobe Illustrator 16.0.0, SVG Export Plug-In . SVG Version: 6.00 Build 0)  -->
                <!DOCTYPE svg PUBLIC "-//W3C//DTD SVG 1.1//EN" "http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd" [
                	<!ENTITY ns_extend "http://ns.adobe.com/Extensibility/1.0/">
                	<!ENTITY ns_svg "http://www.w3.org/2000/svg">
                	<!ENTITY ns_xlink "http://www.w3.org/1999/xlink">
                ]>
                <svg version="1.1" xmlns:x="&ns_extend;" xmlns="&ns_svg;" xmlns:xlink="&ns_xlink;" width="200px"
                     height="100px" viewBox="0 0 200 100"><rect width="200" height="100" fill="#ff0000"/></svg>
                """;
        Result result = PIPELINE.process(bytes(svg), PNG);
        assertThat(result.input().format()).isEqualTo(ImageFormat.SVG);
        assertThat(new int[] {result.width(), result.height()}).containsExactly(200, 100);
        assertThat(Looks.meanColour(result.bytes())).containsExactly(255, 0, 0);
    }

    @Test
    void anImageLinkedFromAFileOfThisMachineIsNotDrawn(@TempDir Path dir) throws IOException {
        byte[] red = redPng();
        Path file = Files.write(dir.resolve("red.png"), red);
        String inline = "data:image/png;base64," + Base64.getEncoder().encodeToString(red);
        String image = "<image width='200' height='100' xlink:href='%s'/></svg>";
        // the same image carried inside the SVG is drawn: what the assertion below tells apart
        assertThat(Looks.meanColour(PIPELINE.process(bytes(OPEN + image.formatted(inline)), PNG).bytes()))
                .containsExactly(255, 0, 0);
        for (String link : new String[] {file.toUri().toString(), file.toString(), "red.png"}) {
            Result result = PIPELINE.process(bytes(OPEN + image.formatted(link)), PNG);
            assertThat(Looks.meanColour(result.bytes())).as(link).containsExactly(255, 255, 255);
        }
    }

    @Test
    void anExternalEntityIsRefusedNotRead() {
        assertRefusedAsCorrupt("""
                <?xml version="1.0"?>
                <!DOCTYPE svg [<!ENTITY x SYSTEM "file:///etc/passwd">]>
                <svg xmlns="http://www.w3.org/2000/svg" width="200" height="100"><text x="0" y="50">&x;</text></svg>
                """);
    }

    @Test
    void anEntityBombIsRefused() {
        StringBuilder svg = new StringBuilder("<?xml version=\"1.0\"?>\n<!DOCTYPE svg [\n<!ENTITY a \"aaaaaaaaaa\">\n");
        for (char c = 'b'; c <= 'j'; c++) {
            svg.append("<!ENTITY ").append(c).append(" \"").append(("&" + (char) (c - 1) + ";").repeat(10)).append("\">\n");
        }
        svg.append("]>\n").append(OPEN).append("<text x='0' y='50'>&j;</text></svg>");
        assertRefusedAsCorrupt(svg.toString());
    }
}
