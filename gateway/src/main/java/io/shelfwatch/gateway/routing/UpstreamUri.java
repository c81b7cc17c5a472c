package io.shelfwatch.gateway.routing;

import io.shelfwatch.gateway.web.PathSyntaxGuard;

/**
 * The request target as it goes upstream: every ASCII character that RFC 3986 does not allow in a
 * path or query (and a {@code %} not followed by two hex digits) is percent-encoded, so that a
 * browser's {@code ?q={"a":1}} arrives as {@code ?q=%7B%22a%22:1%7D}, which decodes to the same
 * value and passes the services' own URI check. Everything allowed, existing escapes included,
 * goes through as it came; so do non-ASCII characters, which java.net.URI accepts.
 */
final class UpstreamUri {

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private UpstreamUri() {
    }

    /** {@code part} (a path or a query string) with the characters a URI may not hold escaped. */
    static String escape(String part) {
        int first = firstToEscape(part);
        if (first < 0) {
            return part;
        }
        StringBuilder escaped = new StringBuilder(part.length() + 16).append(part, 0, first);
        for (int i = first; i < part.length(); i++) {
            char c = part.charAt(i);
            if (mustEscape(part, i)) {
                escaped.append('%').append(HEX[(c >> 4) & 0xF]).append(HEX[c & 0xF]);
            } else {
                escaped.append(c);
            }
        }
        return escaped.toString();
    }

    private static int firstToEscape(String part) {
        for (int i = 0; i < part.length(); i++) {
            if (mustEscape(part, i)) {
                return i;
            }
        }
        return -1;
    }

    private static boolean mustEscape(String part, int i) {
        char c = part.charAt(i);
        if (c >= 0x80) {
            return false;
        }
        if (c == '%') {
            return PathSyntaxGuard.startsNoEscape(part, i);
        }
        return !allowed(c);
    }

    /** RFC 3986's unreserved and sub-delims characters, and ":@/?" (pchar and query). */
    private static boolean allowed(char c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=:@/?".indexOf(c) >= 0;
    }
}
