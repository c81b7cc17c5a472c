package io.shelfwatch.etl.extract;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Locale;
import java.util.Optional;

/**
 * Which addresses a user-supplied URL may reach, and how a host written as a number is read.
 * A host is read the way C's inet_aton reads it (what browsers and curl do), so `2130706433`,
 * `0177.0.0.1`, `0x7f.1` and `127.1` are all 127.0.0.1 and refused like it.
 */
public final class AddressPolicy {

    private AddressPolicy() {
    }

    /** Why the address may not be fetched, or empty when it is a public unicast address. */
    public static Optional<String> forbiddenReason(InetAddress address) {
        if (address instanceof Inet4Address v4) {
            return forbiddenV4(v4.getAddress());
        }
        if (address instanceof Inet6Address v6) {
            return forbiddenV6(v6.getAddress());
        }
        return Optional.of("not an IP address");
    }

    private static Optional<String> forbiddenV4(byte[] b) {
        int a0 = b[0] & 0xff;
        int a1 = b[1] & 0xff;
        int a2 = b[2] & 0xff;
        if (a0 == 169 && a1 == 254 && a2 == 169 && (b[3] & 0xff) == 254) {
            return Optional.of("cloud metadata address");
        }
        if (a0 == 0) {
            return Optional.of("unspecified address");
        }
        if (a0 == 127) {
            return Optional.of("loopback address");
        }
        if (a0 == 10 || (a0 == 172 && (a1 & 0xf0) == 16) || (a0 == 192 && a1 == 168)) {
            return Optional.of("private address");
        }
        if (a0 == 100 && (a1 & 0xc0) == 64) {
            return Optional.of("carrier-grade NAT address");
        }
        if (a0 == 169 && a1 == 254) {
            return Optional.of("link-local address");
        }
        if (a0 == 192 && a1 == 0 && (a2 == 0 || a2 == 2)) {
            return Optional.of("reserved address");
        }
        if (a0 == 198 && ((a1 & 0xfe) == 18 || (a1 == 51 && a2 == 100))) {
            return Optional.of("reserved address");
        }
        if (a0 == 203 && a1 == 0 && a2 == 113) {
            return Optional.of("reserved address");
        }
        if (a0 >= 224 && a0 <= 239) {
            return Optional.of("multicast address");
        }
        if (a0 >= 240) {
            return Optional.of("reserved address");
        }
        return Optional.empty();
    }

    private static Optional<String> forbiddenV6(byte[] b) {
        boolean zeroPrefix96 = true;
        for (int i = 0; i < 10; i++) {
            zeroPrefix96 &= b[i] == 0;
        }
        // ::ffff:a.b.c.d (mapped), ::a.b.c.d (compatible), ::1, :: — judged by the IPv4 address inside.
        if (zeroPrefix96 && ((b[10] == (byte) 0xff && b[11] == (byte) 0xff) || (b[10] == 0 && b[11] == 0))) {
            if (b[10] == 0 && b[12] == 0 && b[13] == 0 && b[14] == 0 && (b[15] == 0 || b[15] == 1)) {
                return Optional.of(b[15] == 1 ? "loopback address" : "unspecified address");
            }
            return forbiddenV4(new byte[] { b[12], b[13], b[14], b[15] });
        }
        int first = b[0] & 0xff;
        int second = b[1] & 0xff;
        if (first == 0x00 && second == 0x64 && b[2] == (byte) 0xff && b[3] == (byte) 0x9b) {
            // NAT64 64:ff9b::/96 reaches the IPv4 address in its last four bytes.
            return forbiddenV4(new byte[] { b[12], b[13], b[14], b[15] });
        }
        if (first == 0x20 && second == 0x02) {
            // 6to4 2002::/16 carries an IPv4 address in bytes 2..5.
            Optional<String> inner = forbiddenV4(new byte[] { b[2], b[3], b[4], b[5] });
            if (inner.isPresent()) {
                return inner;
            }
        }
        if (first == 0x20 && second == 0x01 && b[2] == 0 && b[3] == 0) {
            return Optional.of("Teredo tunnel address");
        }
        if (first == 0x20 && second == 0x01 && b[2] == 0x0d && b[3] == (byte) 0xb8) {
            return Optional.of("reserved address");
        }
        if ((first & 0xfe) == 0xfc) {
            // fc00::/7, which also holds AWS's fd00:ec2::254 metadata address
            return Optional.of("private address");
        }
        if (first == 0xfe && (second & 0xc0) == 0x80) {
            return Optional.of("link-local address");
        }
        if (first == 0xfe && (second & 0xc0) == 0xc0) {
            return Optional.of("site-local address");
        }
        if (first == 0xff) {
            return Optional.of("multicast address");
        }
        if (first == 0x01 && second == 0x00 && b[2] == 0 && b[3] == 0 && b[4] == 0 && b[5] == 0 && b[6] == 0
                && b[7] == 0) {
            return Optional.of("discard address");
        }
        return Optional.empty();
    }

    /**
     * The address a host names without DNS: a bracketed IPv6 literal, or an IPv4 address in any
     * inet_aton spelling. Empty for a name to resolve. A host that looks numeric but is not a valid
     * address is refused rather than handed to a resolver that might read it differently.
     */
    public static Optional<InetAddress> literal(String host) {
        String h = host.toLowerCase(Locale.ROOT);
        if (h.startsWith("[") && h.endsWith("]")) {
            h = h.substring(1, h.length() - 1);
        }
        if (h.contains(":")) {
            int zone = h.indexOf('%');
            String bare = zone >= 0 ? h.substring(0, zone) : h;
            if (!bare.matches("[0-9a-f:.]+")) {
                throw new FetchException(FetchException.Kind.REFUSED, "not a valid IPv6 address: " + host);
            }
            try {
                return Optional.of(InetAddress.getByName(bare));
            } catch (UnknownHostException | IllegalArgumentException e) {
                throw new FetchException(FetchException.Kind.REFUSED, "not a valid IPv6 address: " + host);
            }
        }
        if (h.endsWith(".")) {
            h = h.substring(0, h.length() - 1);
        }
        String[] parts = h.split("\\.", -1);
        String last = parts[parts.length - 1];
        // A name whose last label is a number is read as an address (as inet_aton and browsers do).
        if (!last.matches("0x[0-9a-f]*|[0-9]+")) {
            return Optional.empty();
        }
        if (parts.length > 4) {
            throw new FetchException(FetchException.Kind.REFUSED, "not a valid IPv4 address: " + host);
        }
        long[] values = new long[parts.length];
        for (int i = 0; i < parts.length; i++) {
            values[i] = number(parts[i], host);
        }
        long address = 0;
        for (int i = 0; i < parts.length - 1; i++) {
            if (values[i] > 255) {
                throw new FetchException(FetchException.Kind.REFUSED, "not a valid IPv4 address: " + host);
            }
            address |= values[i] << (8 * (3 - i));
        }
        long tail = values[parts.length - 1];
        long tailMax = (1L << (8 * (5 - parts.length))) - 1;
        if (tail > tailMax) {
            throw new FetchException(FetchException.Kind.REFUSED, "not a valid IPv4 address: " + host);
        }
        address |= tail;
        byte[] bytes = { (byte) (address >>> 24), (byte) (address >>> 16), (byte) (address >>> 8), (byte) address };
        try {
            return Optional.of(InetAddress.getByAddress(bytes));
        } catch (UnknownHostException e) {
            throw new FetchException(FetchException.Kind.REFUSED, "not a valid IPv4 address: " + host);
        }
    }

    private static long number(String part, String host) {
        try {
            if (part.startsWith("0x")) {
                return part.length() == 2 ? 0 : Long.parseLong(part.substring(2), 16);
            }
            if (part.length() > 1 && part.startsWith("0")) {
                return Long.parseLong(part.substring(1), 8);
            }
            if (part.isEmpty() || part.length() > 10) {
                throw new NumberFormatException();
            }
            return Long.parseLong(part);
        } catch (NumberFormatException e) {
            throw new FetchException(FetchException.Kind.REFUSED, "not a valid IPv4 address: " + host);
        }
    }
}
