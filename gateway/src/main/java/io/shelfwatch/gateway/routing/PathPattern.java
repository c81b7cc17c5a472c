package io.shelfwatch.gateway.routing;

import java.util.regex.Pattern;

/**
 * A public path as DESIGN.md writes it, compiled to the regex the Vert.x router matches:
 * {@code /a/**} matches {@code /a}, {@code /a/} and everything below; {@code {id}} is one
 * path segment; every other pattern matches with or without a trailing slash, since every
 * documented path answers both ways.
 */
public record PathPattern(String pattern, Pattern regex) {

    private static final String ANY_BELOW = "/**";

    public static PathPattern of(String pattern) {
        if (!pattern.startsWith("/")) {
            throw new IllegalArgumentException("A path pattern starts with '/': " + pattern);
        }
        boolean anyBelow = pattern.endsWith(ANY_BELOW);
        String fixed = anyBelow ? pattern.substring(0, pattern.length() - ANY_BELOW.length()) : pattern;
        StringBuilder regex = new StringBuilder("^");
        for (String segment : fixed.split("/")) {
            if (segment.isEmpty()) {
                continue;
            }
            regex.append('/');
            regex.append(isVariable(segment) ? "[^/]+" : Pattern.quote(segment));
        }
        // Non-capturing groups only: Vert.x would expose capturing groups as path params.
        regex.append(anyBelow ? "(?:/.*)?$" : "/?$");
        return new PathPattern(pattern, Pattern.compile(regex.toString()));
    }

    public boolean matches(String path) {
        return regex.matcher(path).matches();
    }

    private static boolean isVariable(String segment) {
        return segment.startsWith("{") && segment.endsWith("}");
    }

    @Override
    public String toString() {
        return pattern;
    }
}
