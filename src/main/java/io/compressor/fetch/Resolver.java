package io.compressor.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.List;

/// Turns a host name into addresses, once per connection; tests point names at chosen addresses.
@FunctionalInterface
public interface Resolver {
    List<InetAddress> resolve(String host) throws UnknownHostException;

    Resolver SYSTEM = host -> List.of(InetAddress.getAllByName(host));
}
