package io.compressor.fetch;

import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;

/// The total time a download may take, enforced on every read: each read waits at most what is left,
/// so a source that trickles a byte at a time still ends at the deadline.
final class Deadline {
    private final long endNanos;

    Deadline(long millis) {
        this.endNanos = System.nanoTime() + millis * 1_000_000;
    }

    long remainingMillis() {
        return Math.max(0, (endNanos - System.nanoTime()) / 1_000_000);
    }

    InputStream guard(Socket socket, InputStream in) {
        return new FilterInputStream(in) {
            @Override
            public int read() throws IOException {
                arm();
                return super.read();
            }

            @Override
            public int read(byte[] b, int off, int len) throws IOException {
                arm();
                return super.read(b, off, len);
            }

            private void arm() throws IOException {
                long left = remainingMillis();
                if (left <= 0) {
                    throw new SocketTimeoutException("deadline passed");
                }
                socket.setSoTimeout((int) Math.min(Integer.MAX_VALUE, Math.max(1, left)));
            }
        };
    }
}
