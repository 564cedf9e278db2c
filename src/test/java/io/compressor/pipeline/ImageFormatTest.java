package io.compressor.pipeline;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ImageFormatTest {
    @Test
    void aFileNameIsNamedByItsExtensionInAnyCase() {
        assertThat(ImageFormat.named("photo.JPEG")).contains(ImageFormat.JPEG);
        assertThat(ImageFormat.named("scan.tif")).contains(ImageFormat.TIFF);
        assertThat(ImageFormat.named("a.heif")).contains(ImageFormat.HEIC);
        assertThat(ImageFormat.named("notes.txt")).isEmpty();
        assertThat(ImageFormat.named("png")).isEmpty();
        assertThat(ImageFormat.named("photo.")).isEmpty();
    }

    @Test
    void aFileNameTakesTheExtensionOfTheFormatItHolds() {
        assertThat(ImageFormat.JPEG.fileName("photo.JPEG")).isEqualTo("photo.JPEG");
        assertThat(ImageFormat.JPEG.fileName("photo.jpe")).isEqualTo("photo.jpe");
        assertThat(ImageFormat.WEBP.fileName("photo.png")).isEqualTo("photo.webp");
        assertThat(ImageFormat.PNG.fileName("x.jpg")).isEqualTo("x.png");
        assertThat(ImageFormat.JPEG.fileName("photo")).isEqualTo("photo.jpg");
        assertThat(ImageFormat.AVIF.fileName("v1.2")).isEqualTo("v1.2.avif");
        assertThat(ImageFormat.PNG.fileName("archive.tar.gz")).isEqualTo("archive.tar.gz.png");
    }
}
