package io.shelfwatch.gateway.routing;

import java.net.URI;

/** Where an upstream listens, parsed once from its configured base URL. */
public record UpstreamAddress(String host, int port, boolean ssl) {

    public static UpstreamAddress parse(String baseUrl) {
        URI uri = URI.create(baseUrl);
        boolean ssl = "https".equalsIgnoreCase(uri.getScheme());
        if (!ssl && !"http".equalsIgnoreCase(uri.getScheme()) || uri.getHost() == null) {
            throw new IllegalArgumentException("An upstream URL is http(s)://host[:port]: " + baseUrl);
        }
        if (uri.getPath() != null && !uri.getPath().isEmpty() && !uri.getPath().equals("/")) {
            // The gateway forwards paths unchanged; a base path would silently be dropped.
            throw new IllegalArgumentException("An upstream URL has no path: " + baseUrl);
        }
        int port = uri.getPort() != -1 ? uri.getPort() : ssl ? 443 : 80;
        return new UpstreamAddress(uri.getHost(), port, ssl);
    }
}
