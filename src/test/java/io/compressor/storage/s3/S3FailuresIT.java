package io.compressor.storage.s3;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.compressor.error.ServiceException;
import io.compressor.storage.Acl;
import io.compressor.storage.ConnectorSpec;
import io.compressor.storage.Provider;
import io.compressor.storage.StorageClass;
import io.compressor.storage.StoreOptions;
import io.compressor.testing.TestS3;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/// S3 failures that need the gateway's own users and a network cut: the missing permission is named,
/// and a write cut off half way leaves nothing at the key.
class S3FailuresIT {
    private static final String ENDPOINT = TestS3.endpoint();
    private static final S3Client ADMIN = TestS3.admin(ENDPOINT);

    private static StoreOptions options(String bucket, String key, Acl acl) {
        return new StoreOptions(bucket, "us-east-1", key, acl, StorageClass.STANDARD, Map.of(), Map.of(), Map.of());
    }

    private static S3Connector as(String user, String secret, String endpoint) {
        return new S3Connector(new ConnectorSpec(UUID.randomUUID().toString(), Provider.S3_COMPATIBLE, endpoint, true, true,
                user, secret));
    }

    @Test
    void aKeyWithoutWriteRightsIsToldWhichPermissionItNeeds() {
        String bucket = S3ConnectorIT.createBucket();
        S3Connector limited = as("limited", "limitedsecret", ENDPOINT);
        assertThatThrownBy(() -> limited.put(options(bucket, "a.jpg", Acl.NONE), new byte[] {1}, "image/jpeg"))
                .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo("storage_denied"))
                .hasMessageContaining("grant it s3:PutObject").hasMessageNotContaining("PutObjectAcl");
        assertThatThrownBy(() -> limited.put(options(bucket, "a.jpg", Acl.PUBLIC_READ), new byte[] {1}, "image/jpeg"))
                .hasMessageContaining("s3:PutObjectAcl since an ACL was sent (or send \"acl\": \"none\")");
        assertThatThrownBy(() -> limited.verify(bucket, "us-east-1")).hasMessageContaining("s3:PutObject");
    }

    @Test
    void aWriteCutOffHalfWayLeavesNothingAtTheKey() throws Exception {
        String bucket = S3ConnectorIT.createBucket();
        URI target = URI.create(ENDPOINT);
        try (CuttingProxy proxy = new CuttingProxy(target.getHost(), target.getPort(), 4 * 1024 * 1024)) {
            S3Connector throughProxy = as("test", "testsecret", "http://127.0.0.1:" + proxy.port());
            byte[] small = new byte[6 * 1024 * 1024];
            assertThatThrownBy(() -> throughProxy.put(options(bucket, "single.bin", Acl.PRIVATE), small, "image/jpeg"))
                    .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo("storage_failed"));
            byte[] big = new byte[17 * 1024 * 1024];
            assertThatThrownBy(() -> throughProxy.put(options(bucket, "multi.bin", Acl.PRIVATE), big, "image/jpeg"))
                    .isInstanceOfSatisfying(ServiceException.class, e -> assertThat(e.code()).isEqualTo("storage_failed"));
        }
        assertThat(ADMIN.listObjectsV2(b -> b.bucket(bucket)).contents()).as("objects at any key").isEmpty();
        assertThat(ADMIN.listMultipartUploads(b -> b.bucket(bucket)).uploads()).as("unfinished multipart uploads").isEmpty();
    }

    /// A TCP proxy to the gateway that closes every connection once the client has sent `cutAfter` bytes
    /// on it, so retries fail too; small requests (an abort) pass whole.
    static final class CuttingProxy implements AutoCloseable {
        private final ServerSocket server;

        CuttingProxy(String host, int port, long cutAfter) throws IOException {
            server = new ServerSocket(0, 50, InetAddress.getLoopbackAddress());
            Thread.ofVirtual().start(() -> {
                while (!server.isClosed()) {
                    try {
                        Socket client = server.accept();
                        Socket upstream = new Socket(host, port);
                        Thread.ofVirtual().start(() -> pump(client, upstream, cutAfter));
                        Thread.ofVirtual().start(() -> pump(upstream, client, Long.MAX_VALUE));
                    } catch (IOException e) {
                        return;
                    }
                }
            });
        }

        int port() {
            return server.getLocalPort();
        }

        private static void pump(Socket from, Socket to, long limit) {
            try (InputStream in = from.getInputStream(); OutputStream out = to.getOutputStream()) {
                byte[] buffer = new byte[64 * 1024];
                long total = 0;
                int n;
                while ((n = in.read(buffer)) != -1) {
                    int allowed = (int) Math.min(n, limit - total);
                    out.write(buffer, 0, allowed);
                    total += allowed;
                    if (total >= limit) {
                        break;
                    }
                }
            } catch (IOException ignored) {
                // one side went away
            } finally {
                closeQuietly(from);
                closeQuietly(to);
            }
        }

        private static void closeQuietly(Socket socket) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // already closed
            }
        }

        @Override
        public void close() throws IOException {
            server.close();
        }
    }
}
