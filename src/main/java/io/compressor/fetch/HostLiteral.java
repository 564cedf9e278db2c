package io.compressor.fetch;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Optional;
import java.util.regex.Pattern;

/// Reads a URL host that is an IP address in any spelling a resolver or browser would accept, so no
/// spelling slips past the policy: dotted decimal, a single number (`2130706433`), octal
/// (`0177.0.0.1`), hex (`0x7f.1`), short forms (`127.1`), and IPv6 in brackets or bare.
final class HostLiteral {
    private static final Pattern IPV4_LIKE = Pattern.compile("(0[xX][0-9a-fA-F]*|[0-9]+)(\\.(0[xX][0-9a-fA-F]*|[0-9]+)){0,3}\\.?");

    private HostLiteral() {}

    /// The address, or empty when the host is a name to be resolved.
    static Optional<InetAddress> parse(String host) {
        String h = host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
        if (h.contains(":")) {
            return Optional.of(v6(h));
        }
        if (!IPV4_LIKE.matcher(h).matches()) {
            return Optional.empty();
        }
        return Optional.of(v4(h.endsWith(".") ? h.substring(0, h.length() - 1) : h));
    }

    /// inet_aton rules: a.b.c.d; a.b.c (c is 16 bits); a.b (b is 24 bits); a (32 bits); each part
    /// decimal, octal with a leading 0, or hex with 0x.
    private static InetAddress v4(String text) {
        String[] parts = text.split("\\.");
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = number(parts[i], text);
        }
        long last = values[values.length - 1];
        int lead = values.length - 1;
        if (last >= 1L << (8 * (4 - lead))) {
            throw refused(text);
        }
        long address = last;
        for (int i = 0; i < lead; i++) {
            if (values[i] > 255) {
                throw refused(text);
            }
            address |= values[i] << (8 * (3 - i));
        }
        byte[] bytes = {(byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address};
        try {
            return InetAddress.getByAddress(text, bytes);
        } catch (UnknownHostException e) {
            throw refused(text);
        }
    }

    private static long number(String part, String whole) {
        try {
            if (part.startsWith("0x") || part.startsWith("0X")) {
                return part.length() == 2 ? 0 : Long.parseLong(part.substring(2), 16);
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return Long.parseLong(part.substring(1), 8);
            }
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw refused(whole);
        }
    }

    private static InetAddress v6(String text) {
        if (!text.matches("[0-9a-fA-F:.]+(%[0-9a-zA-Z]+)?")) {
            throw refused(text);
        }
        try {
            return InetAddress.getByName(text);
        } catch (UnknownHostException e) {
            throw refused(text);
        }
    }

    private static IllegalArgumentException refused(String text) {
        return new IllegalArgumentException("\"" + text + "\" is not a valid IP address");
    }
}
