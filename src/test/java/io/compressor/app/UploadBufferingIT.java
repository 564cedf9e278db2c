package io.compressor.app;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.compressor.account.Account;
import io.compressor.testing.Http;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/// An upload waits in memory or in a temporary file under `DATA_DIR/tmp` while it is received
/// (`COMPRESSOR_UPLOAD_MEMORY_BYTES`), and comes out the same either way. The request is sent in two halves so
/// that the folder can be looked at while the server holds the first.
class UploadBufferingIT {
    @TempDir
    Path dir;

    @Test
    void withoutRoomInMemoryTheUploadGoesToATemporaryFileThatIsGoneAfterwards() throws Exception {
        try (Application app = start("0")) {
            var server = app.httpServer().start();
            try {
                Upload upload = new Upload(server.publicUrl(), key(app), photo());
                upload.sendFirstHalf();
                assertThat(waitFor(true, Duration.ofSeconds(5))).as("the first half is in a temporary file").isTrue();
                JsonNode body = upload.finish();
                assertThat(body.at("/output/width").asInt()).isEqualTo(640);
                // Jetty deletes it when the request completes, a moment after the answer has gone out
                assertThat(waitFor(false, Duration.ofSeconds(5))).as("the temporary file is deleted with the request").isTrue();
            } finally {
                server.close();
            }
        }
    }

    @Test
    void withRoomInMemoryNoFileIsWrittenAndTheResultIsTheSame() throws Exception {
        byte[] photo = photo();
        JsonNode onDisk;
        try (Application app = start("0")) {
            var server = app.httpServer().start();
            try {
                Upload upload = new Upload(server.publicUrl(), key(app), photo);
                upload.sendFirstHalf();
                onDisk = upload.finish();
            } finally {
                server.close();
            }
        }
        try (Application app = start("67108864")) {
            var server = app.httpServer().start();
            try {
                Upload upload = new Upload(server.publicUrl(), key(app), photo);
                upload.sendFirstHalf();
                assertThat(waitFor(true, Duration.ofSeconds(1))).as("no temporary file while the upload is received").isFalse();
                JsonNode inMemory = upload.finish();
                assertThat(inMemory.at("/input/sha1").asText()).isEqualTo(onDisk.at("/input/sha1").asText());
                assertThat(inMemory.at("/output/sha1").asText()).isEqualTo(onDisk.at("/output/sha1").asText());
            } finally {
                server.close();
            }
        }
    }

    /// The folder of the server started last, where its uploads' temporary files go.
    private Path uploads;

    private Application start(String uploadMemory) {
        Path data = dir.resolve("data-" + uploadMemory);
        uploads = data.resolve("tmp");
        return Application.open(ConfigLoader.load(Map.of("COMPRESSOR_PORT", "0", "COMPRESSOR_DATA_DIR", data.toString(),
                "COMPRESSOR_UPLOAD_MEMORY_BYTES", uploadMemory)));
    }

    private static String key(Application app) {
        Account account = app.accounts().create("Uploader", null);
        return app.keys().issue(account.id(), "test").secret();
    }

    /// Whether the folder holds a file (`present`) or none (`!present`) within `within`.
    private boolean waitFor(boolean present, Duration within) throws Exception {
        long end = System.nanoTime() + within.toNanos();
        while (System.nanoTime() < end) {
            if (files().isEmpty() != present) {
                return true;
            }
            Thread.sleep(20);
        }
        return false;
    }

    private java.util.List<Path> files() throws Exception {
        try (Stream<Path> list = Files.list(uploads)) {
            return list.filter(Files::isRegularFile).toList();
        }
    }

    /// A noisy 1600×1200 JPEG: over a megabyte, so that half of it is well past what stays in memory on the disk route.
    private static byte[] photo() throws Exception {
        BufferedImage image = new BufferedImage(1600, 1200, BufferedImage.TYPE_INT_RGB);
        Random random = new Random(7);
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                image.setRGB(x, y, random.nextInt(0x1000000));
            }
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        ImageIO.write(image, "jpeg", out);
        assertThat(out.size()).isGreaterThan(1_000_000);
        return out.toByteArray();
    }

    private static String dechunk(String chunked) {
        StringBuilder body = new StringBuilder();
        int at = 0;
        while (true) {
            int lineEnd = chunked.indexOf("\r\n", at);
            int size = Integer.parseInt(chunked.substring(at, lineEnd).strip(), 16);
            if (size == 0) {
                return body.toString();
            }
            body.append(chunked, lineEnd + 2, lineEnd + 2 + size);
            at = lineEnd + 2 + size + 2;
        }
    }

    /// One multipart upload on a raw socket, written in two halves.
    private static final class Upload {
        private final Socket socket;
        private final byte[] request;

        Upload(URI base, String key, byte[] image) throws Exception {
            String boundary = "b0undary";
            ByteArrayOutputStream body = new ByteArrayOutputStream();
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"data\"\r\n\r\n"
                    + "{\"image\":{\"resize\":{\"width\":640,\"height\":480,\"mode\":\"fit\"}}}\r\n--" + boundary
                    + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"photo.jpg\"\r\n"
                    + "Content-Type: image/jpeg\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(image);
            body.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
            String head = "POST /1.0/upload HTTP/1.1\r\nHost: " + base.getHost() + "\r\nAuthorization: " + Http.basic(key)
                    + "\r\nContent-Type: multipart/form-data; boundary=" + boundary + "\r\nContent-Length: " + body.size()
                    + "\r\nConnection: close\r\n\r\n";
            ByteArrayOutputStream all = new ByteArrayOutputStream();
            all.writeBytes(head.getBytes(StandardCharsets.UTF_8));
            all.writeBytes(body.toByteArray());
            this.request = all.toByteArray();
            this.socket = new Socket(base.getHost(), base.getPort());
        }

        void sendFirstHalf() throws Exception {
            OutputStream out = socket.getOutputStream();
            out.write(request, 0, request.length / 2);
            out.flush();
        }

        JsonNode finish() throws Exception {
            try (socket) {
                OutputStream out = socket.getOutputStream();
                out.write(request, request.length / 2, request.length - request.length / 2);
                out.flush();
                InputStream in = socket.getInputStream();
                String response = new String(in.readAllBytes(), StandardCharsets.UTF_8);
                assertThat(response).startsWith("HTTP/1.1 200");
                String head = response.substring(0, response.indexOf("\r\n\r\n")).toLowerCase(java.util.Locale.ROOT);
                String body = response.substring(response.indexOf("\r\n\r\n") + 4);
                return io.compressor.api.Json.mapper().readTree(head.contains("transfer-encoding: chunked") ? dechunk(body) : body);
            }
        }
    }
}
