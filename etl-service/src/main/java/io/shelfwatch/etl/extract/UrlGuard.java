package io.shelfwatch.etl.extract;

import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Decides, before any connection, whether a URL may be fetched: http(s) only, the host resolved
 * once, every address it resolves to public (or the host explicitly allowed). The fetch then
 * connects to exactly the address checked here, so a second DNS answer cannot redirect it.
 */
@ApplicationScoped
public class UrlGuard {

    /** A URL cleared for fetching: connect to {@code address}, present {@code host}. */
    public record Target(URI uri, String host, int port, boolean https, InetAddress address) {

        public String pathAndQuery() {
            String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
            return uri.getRawQuery() == null ? path : path + "?" + uri.getRawQuery();
        }
    }

    private final HostResolver resolver;
    private final Set<String> allowedPrivateHosts;

    @jakarta.inject.Inject
    public UrlGuard(HostResolver resolver, ExtractConfig config) {
        this(resolver, config.allowedPrivateHosts().orElse(List.of()));
    }

    /** {@code allowedPrivateHosts}: exact names, or `*.example.test` for every name under one. */
    public UrlGuard(HostResolver resolver, List<String> allowedPrivateHosts) {
        this.resolver = resolver;
        this.allowedPrivateHosts = allowedPrivateHosts.stream()
                .map(h -> h.strip().toLowerCase(Locale.ROOT)).filter(h -> !h.isEmpty()).collect(Collectors.toSet());
    }

    private boolean allowedPrivate(String host) {
        if (allowedPrivateHosts.contains(host)) {
            return true;
        }
        for (String allowed : allowedPrivateHosts) {
            if (allowed.startsWith("*.") && host.endsWith(allowed.substring(1))) {
                return true;
            }
        }
        return false;
    }

    public static URI parse(String url) {
        try {
            return new URI(url.strip()).normalize();
        } catch (URISyntaxException | NullPointerException e) {
            throw new FetchException(FetchException.Kind.REFUSED, "not a valid URL");
        }
    }

    public Uni<Target> check(URI uri) {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!scheme.equals("http") && !scheme.equals("https")) {
            return refuse("only http and https URLs are fetched");
        }
        if (uri.getRawUserInfo() != null) {
            return refuse("URLs with credentials are not fetched");
        }
        String host = uri.getHost();
        if (host == null || host.isBlank()) {
            return refuse("the URL has no host");
        }
        host = host.toLowerCase(Locale.ROOT);
        boolean https = scheme.equals("https");
        int port = uri.getPort() == -1 ? (https ? 443 : 80) : uri.getPort();
        boolean allowed = allowedPrivate(stripBrackets(host));
        String name = host;
        Optional<InetAddress> literal;
        try {
            literal = AddressPolicy.literal(host);
        } catch (FetchException e) {
            return Uni.createFrom().failure(e);
        }
        Uni<List<InetAddress>> addresses = literal.isPresent()
                ? Uni.createFrom().item(List.of(literal.get()))
                : resolver.resolve(name);
        return addresses.map(list -> {
            if (list.isEmpty()) {
                throw new FetchException(FetchException.Kind.FAILED, "host " + name + " does not resolve");
            }
            if (!allowed) {
                for (InetAddress address : list) {
                    Optional<String> reason = AddressPolicy.forbiddenReason(address);
                    if (reason.isPresent()) {
                        throw new FetchException(FetchException.Kind.REFUSED,
                                "refused " + name + ": it resolves to a " + reason.get());
                    }
                }
            }
            return new Target(uri, stripBrackets(name), port, https, list.get(0));
        });
    }

    private static String stripBrackets(String host) {
        return host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    }

    private static <T> Uni<T> refuse(String reason) {
        return Uni.createFrom().failure(new FetchException(FetchException.Kind.REFUSED, reason));
    }
}
