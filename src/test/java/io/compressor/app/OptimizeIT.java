package io.compressor.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// `compressor optimize` on real files: results beside a copy of the tree, inputs untouched unless
/// `--in-place`, and a failing file named with its reason and a non-zero exit.
class OptimizeIT {
    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private Run run(String... args) {
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        int exit = Main.run(Map.of(), new PrintWriter(out, true), new PrintWriter(err, true), args);
        return new Run(exit, out.toString(), err.toString());
    }

    /// A 400×300 gradient PNG written by the JDK.
    private Path photo(String relative) throws Exception {
        Path file = dir.resolve(relative);
        Files.createDirectories(file.getParent());
        java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(400, 300, java.awt.image.BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < 300; y++) {
            for (int x = 0; x < 400; x++) {
                image.setRGB(x, y, (x * 255 / 400) << 16 | (y * 255 / 300) << 8 | 90);
            }
        }
        javax.imageio.ImageIO.write(image, "png", file.toFile());
        return file;
    }

    @Test
    void optimizesAFolderIntoTheOutFolderAndLeavesInputsAlone() throws Exception {
        Path a = photo("in/a.png");
        Path b = photo("in/sub/b.png");
        byte[] before = Files.readAllBytes(a);
        Files.writeString(dir.resolve("in/notes.txt"), "not an image");
        Run run = run("optimize", dir.resolve("in").toString(), "--out", dir.resolve("out").toString(),
                "--format", "webp", "--resize", "200x");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(dir.resolve("out/a.webp")).exists();
        assertThat(dir.resolve("out/sub/b.webp")).exists();
        assertThat(dir.resolve("out/notes.txt")).doesNotExist();
        assertThat(Files.readAllBytes(a)).isEqualTo(before);
        assertThat(b).exists();
        assertThat(run.out()).contains("a.png").contains("png 400x300 -> webp 200x150").contains("2 file(s):");
    }

    @Test
    void resultsAreNamedForTheFormatTheyHold() throws Exception {
        photo("in/Shot.PNG");
        photo("in/scan.jfif"); // a PNG under a JPEG name: found in the folder, and comes out as what it is
        Path named = photo("v1.2");
        Run run = run("optimize", dir.resolve("in").toString(), named.toString(), "--out", dir.resolve("out").toString());
        assertThat(run.exit()).as(run.err()).isZero();
        try (var files = Files.list(dir.resolve("out"))) {
            assertThat(files.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder("Shot.PNG", "scan.png",
                    "v1.2.png");
        }
    }

    @Test
    void inPlaceReplacesTheInputWhenTheFormatStays() throws Exception {
        Path a = photo("a.png");
        long size = Files.size(a);
        Run run = run("optimize", a.toString(), "--in-place", "--resize", "100x");
        assertThat(run.exit()).as(run.err()).isZero();
        assertThat(Files.size(a)).isNotEqualTo(size);
        assertThat(run.out()).contains("png 400x300 -> png 100x75");
    }

    @Test
    void aFailingFileIsNamedWithItsReasonAndTheExitIsNonZero() throws Exception {
        Path good = photo("good.png");
        Path bad = Files.writeString(dir.resolve("bad.jpg"), "this is not a jpeg");
        Run run = run("optimize", good.toString(), bad.toString(), "--out", dir.resolve("out").toString());
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("FAILED " + bad + ": The file is not an image in a supported format");
        assertThat(run.out()).contains("1 file(s)").contains("1 failed");
        assertThat(dir.resolve("out/good.png")).exists();
    }

    @Test
    void badOptionsAreRefusedNamingTheOption() {
        Run run = run("optimize", "x.png", "--mode", "cover", "--resize", "10x10");
        assertThat(run.exit()).isEqualTo(1);
        assertThat(run.err()).contains("--mode: expected one of auto, fit, fill, exact, crop but received \"cover\"");
    }
}
