package io.shelfwatch.competition.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * A store URL in the one form it is stored and published in (DESIGN.md "Product identity"):
 * http(s) only, lower-case scheme and host, no default port, no fragment, no tracking query
 * parameters, no trailing slash; so the same store typed twice is the same URL.
 */
public final class StoreUrls {

    public static final int MAX_LENGTH = 2048;
    private static final Set<String> TRACKING = Set.of("gclid", "fbclid", "msclkid", "mc_cid", "mc_eid", "ref",
            "ref_src", "igshid", "_ga");

    private StoreUrls() {
    }

    /** The normalized URL, or empty when the text is not an absolute http(s) URL with a host. */
    public static Optional<String> normalize(String text) {
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        try {
            URI uri = new URI(text.strip());
            String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
            String host = uri.getHost();
            if (!(scheme.equals("http") || scheme.equals("https")) || host == null || host.isBlank()
                    || uri.getRawUserInfo() != null) {
                return Optional.empty();
            }
            int port = uri.getPort();
            boolean defaultPort = port == -1 || (scheme.equals("http") && port == 80)
                    || (scheme.equals("https") && port == 443);
            String path = uri.getRawPath() == null ? "" : uri.getRawPath();
            while (path.endsWith("/")) {
                path = path.substring(0, path.length() - 1);
            }
            String query = uri.getRawQuery() == null ? null : Arrays.stream(uri.getRawQuery().split("&"))
                    .filter(p -> !p.isEmpty() && !isTracking(p.split("=", 2)[0]))
                    .collect(Collectors.joining("&"));
            String normalized = scheme + "://" + host.toLowerCase(Locale.ROOT) + (defaultPort ? "" : ":" + port)
                    + path + (query == null || query.isEmpty() ? "" : "?" + query);
            return normalized.length() > MAX_LENGTH ? Optional.empty() : Optional.of(normalized);
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
    }

    private static boolean isTracking(String name) {
        String lower = name.toLowerCase(Locale.ROOT);
        return lower.startsWith("utm_") || TRACKING.contains(lower);
    }
}
