package io.compressor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.util.Arrays;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.MemoryCacheImageOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/// The quality a JPEG was saved at, read back from its tables: JPEGs written by the JDK's encoder, which scales the
/// standard tables as libjpeg does, come back at the quality they were written at.
class JpegQualityTest {
    @ParameterizedTest(name = "quality {0}")
    @ValueSource(ints = {10, 25, 40, 50, 60, 70, 75, 80, 85, 90, 95})
    void readsBackTheQualityAJpegWasWrittenAt(int quality) {
        assertThat(JpegQuality.estimate(jdkJpeg(quality))).hasValue(quality);
    }

    @Test
    void noTableNoEstimate() {
        byte[] jpeg = jdkJpeg(80);
        assertThat(JpegQuality.estimate(Arrays.copyOf(jpeg, indexOf(jpeg, (byte) 0xdb)))).as("cut before its table").isEmpty();
        assertThat(JpegQuality.estimate(new byte[] {(byte) 0xff, (byte) 0xd8, (byte) 0xff, (byte) 0xda, 0, 2})).isEmpty();
        assertThat(JpegQuality.estimate(MetadataBlocksTest.png())).isEmpty();
    }

    private static int indexOf(byte[] jpeg, byte marker) {
        for (int i = 2; i + 1 < jpeg.length; i++) {
            if (jpeg[i] == (byte) 0xff && jpeg[i + 1] == marker) {
                return i;
            }
        }
        throw new AssertionError("no marker " + marker);
    }

    /// A 64×48 picture written by the JDK's JPEG encoder at `quality`.
    static byte[] jdkJpeg(int quality) {
        BufferedImage image = new BufferedImage(64, 48, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 48; y++) {
            for (int x = 0; x < 64; x++) {
                image.setRGB(x, y, (x * 4) << 16 | (y * 5) << 8 | ((x ^ y) * 3 & 255));
            }
        }
        ImageWriter writer = ImageIO.getImageWritersByFormatName("jpeg").next();
        ImageWriteParam param = writer.getDefaultWriteParam();
        param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
        param.setCompressionQuality(quality / 100f);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (MemoryCacheImageOutputStream stream = new MemoryCacheImageOutputStream(out)) {
            writer.setOutput(stream);
            writer.write(null, new IIOImage(image, null, null), param);
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        writer.dispose();
        return out.toByteArray();
    }
}
