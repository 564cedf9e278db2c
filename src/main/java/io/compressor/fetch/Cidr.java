package io.compressor.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Arrays;

/// An address range such as `10.0.0.0/8` or `fc00::/7`, IPv4 or IPv6.
public record Cidr(byte[] network, int prefix) {
    public Cidr {
        network = network.clone();
        if (prefix < 0 || prefix > network.length * 8) {
            throw new IllegalArgumentException("prefix /" + prefix + " does not fit the address");
        }
    }

    /// Parses `address/prefix`; a bare address is a single host. Only literals, never a name lookup.
    public static Cidr parse(String text) {
        String[] parts = text.strip().split("/", 2);
        byte[] address = HostLiteral.parse(parts[0]).map(InetAddress::getAddress)
                .orElseThrow(() -> new IllegalArgumentException("\"" + text + "\" is not an IP address range"));
        int prefix;
        try {
            prefix = parts.length == 2 ? Integer.parseInt(parts[1]) : address.length * 8;
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("\"" + text + "\" has no valid prefix length");
        }
        return new Cidr(address, prefix);
    }

    static Cidr of(String text) {
        return parse(text);
    }

    public boolean contains(InetAddress address) {
        byte[] bytes = address.getAddress();
        if (bytes.length != network.length) {
            return false;
        }
        int full = prefix / 8;
        for (int i = 0; i < full; i++) {
            if (bytes[i] != network[i]) {
                return false;
            }
        }
        int rest = prefix % 8;
        if (rest == 0) {
            return true;
        }
        int mask = (0xff << (8 - rest)) & 0xff;
        return (bytes[full] & mask) == (network[full] & mask);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Cidr c && c.prefix == prefix && Arrays.equals(c.network, network);
    }

    @Override
    public int hashCode() {
        return 31 * Arrays.hashCode(network) + prefix;
    }

    @Override
    public String toString() {
        try {
            return InetAddress.getByAddress(network).getHostAddress() + "/" + prefix;
        } catch (UnknownHostException e) {
            return Arrays.toString(network) + "/" + prefix;
        }
    }
}
