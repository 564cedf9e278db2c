package io.compressor.fetch;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/// Which addresses a source may have. Refused by default: every range that reaches the server's own
/// network rather than the public internet, and IPv6 forms that embed such an IPv4 address. An
/// operator's allowed ranges come first.
final class AddressPolicy {
    private static final Map<String, List<Cidr>> REFUSED = new LinkedHashMap<>();

    static {
        REFUSED.put("unspecified", List.of(Cidr.of("0.0.0.0/8"), Cidr.of("::/128")));
        REFUSED.put("loopback", List.of(Cidr.of("127.0.0.0/8"), Cidr.of("::1/128")));
        REFUSED.put("private", List.of(Cidr.of("10.0.0.0/8"), Cidr.of("172.16.0.0/12"), Cidr.of("192.168.0.0/16")));
        REFUSED.put("link-local (cloud metadata)", List.of(Cidr.of("169.254.0.0/16"), Cidr.of("fe80::/10")));
        REFUSED.put("carrier-grade NAT", List.of(Cidr.of("100.64.0.0/10")));
        REFUSED.put("unique local IPv6", List.of(Cidr.of("fc00::/7")));
        REFUSED.put("multicast", List.of(Cidr.of("224.0.0.0/4"), Cidr.of("ff00::/8")));
        REFUSED.put("broadcast and reserved", List.of(Cidr.of("240.0.0.0/4")));
        REFUSED.put("IETF protocol assignments", List.of(Cidr.of("192.0.0.0/24")));
        REFUSED.put("benchmarking", List.of(Cidr.of("198.18.0.0/15")));
        REFUSED.put("site-local IPv6", List.of(Cidr.of("fec0::/10")));
    }

    private final List<Cidr> allowed;

    AddressPolicy(List<Cidr> allowed) {
        this.allowed = List.copyOf(allowed);
    }

    /// The rule that refuses `address`, or empty when it may be fetched from.
    Optional<String> refusal(InetAddress address) {
        if (allowed.stream().anyMatch(c -> c.contains(address))) {
            return Optional.empty();
        }
        for (Map.Entry<String, List<Cidr>> rule : REFUSED.entrySet()) {
            if (rule.getValue().stream().anyMatch(c -> c.contains(address))) {
                return Optional.of(rule.getKey());
            }
        }
        return embeddedV4(address).flatMap(v4 -> refusal(v4).map(rule -> rule + " inside an IPv6 address"));
    }

    /// The IPv4 address inside an IPv4-mapped (::ffff:a.b.c.d), IPv4-translated (::ffff:0:a.b.c.d),
    /// IPv4-compatible (::a.b.c.d), NAT64 (64:ff9b::/96) or 6to4 (2002:abcd:efgh::/16) address.
    private static Optional<InetAddress> embeddedV4(InetAddress address) {
        if (!(address instanceof Inet6Address)) {
            return Optional.empty();
        }
        byte[] b = address.getAddress();
        boolean zeros80 = allZero(b, 0, 10);
        boolean mapped = zeros80 && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff;
        boolean translated = allZero(b, 0, 8) && (b[8] & 0xff) == 0xff && (b[9] & 0xff) == 0xff && allZero(b, 10, 12);
        boolean compatible = zeros80 && allZero(b, 10, 12);
        boolean nat64 = (b[0] & 0xff) == 0x00 && (b[1] & 0xff) == 0x64 && (b[2] & 0xff) == 0xff && (b[3] & 0xff) == 0x9b
                && allZero(b, 4, 12);
        if (mapped || translated || compatible || nat64) {
            return v4(b[12], b[13], b[14], b[15]);
        }
        if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
            return v4(b[2], b[3], b[4], b[5]);
        }
        return Optional.empty();
    }

    private static boolean allZero(byte[] b, int from, int to) {
        for (int i = from; i < to; i++) {
            if (b[i] != 0) {
                return false;
            }
        }
        return true;
    }

    private static Optional<InetAddress> v4(byte a, byte b, byte c, byte d) {
        try {
            return Optional.of((Inet4Address) InetAddress.getByAddress(new byte[] {a, b, c, d}));
        } catch (UnknownHostException e) {
            return Optional.empty();
        }
    }
}
