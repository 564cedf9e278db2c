package io.compressor.fetch;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.Socket;

/// Opens the TCP connection to an address the policy has already accepted; tests record and refuse here.
@FunctionalInterface
public interface Dialer {
    Socket dial(InetSocketAddress address, int connectTimeoutMillis) throws IOException;

    Dialer SYSTEM = (address, timeout) -> {
        Socket socket = new Socket();
        try {
            socket.connect(address, timeout);
            return socket;
        } catch (IOException e) {
            socket.close();
            throw e;
        }
    };
}
