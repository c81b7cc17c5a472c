package io.shelfwatch.product.service;

import java.net.URI;
import java.net.URISyntaxException;
import java.util.Arrays;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

import io.shelfwatch.product.config.ProductConfig;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A tracked URL's product identity (DESIGN.md, Product identity): an Amazon product page is
 * its ASIN in its marketplace, any other page its normalized URL.
 */
@ApplicationScoped
public class ProductKeys {

    /** What a URL resolves to: the product_key, the ASIN when there is one, and the URL to fetch. */
    public record Identity(String productKey, String asin, String url) {
    }

    /** Amazon's marketplace ids by site domain (Selling Partner API, "Marketplace IDs"). */
    private static final Map<String, String> MARKETPLACES = Map.ofEntries(
            Map.entry("amazon.com", "ATVPDKIKX0DER"), Map.entry("amazon.ca", "A2EUQ1WTGCTBG2"),
            Map.entry("amazon.com.mx", "A1AM78C64UM0Y8"), Map.entry("amazon.com.br", "A2Q3Y263D00KWC"),
            Map.entry("amazon.co.uk", "A1F83G8C2ARO7P"), Map.entry("amazon.de", "A1PA6795UKMFR9"),
            Map.entry("amazon.fr", "A13V1IB3VIYZZH"), Map.entry("amazon.it", "APJ6JRA9NGTCU"),
            Map.entry("amazon.es", "A1RKKUPIHCS9HS"), Map.entry("amazon.nl", "A1805IZSGTT6HS"),
            Map.entry("amazon.se", "A2NODRKZP88ZB9"), Map.entry("amazon.pl", "A1C3SOZRARQ6R3"),
            Map.entry("amazon.com.be", "AMEN7PMS3EDWL"), Map.entry("amazon.com.tr", "A33AVAJ2PDY3EV"),
            Map.entry("amazon.ae", "A2VIGQ35RCS4UG"), Map.entry("amazon.sa", "A17E79C6D8DWNP"),
            Map.entry("amazon.eg", "ARBP9OOSHTCHU"), Map.entry("amazon.in", "A21TJRUUN4KGV"),
            Map.entry("amazon.co.jp", "A1VC38T7YXB528"), Map.entry("amazon.com.au", "A39IBJ37TRP1C6"),
            Map.entry("amazon.sg", "A19VAU5U5O7RUS"));

    private static final Pattern AMAZON_HOST = Pattern.compile("^(?:www\\.|smile\\.|m\\.)?(amazon\\.[a-z.]+)$");
    private static final Pattern AMAZON_ASIN = Pattern.compile(
            "/(?:dp|gp/product|gp/aw/d|product|exec/obidos/asin|o/asin)/([A-Za-z0-9]{10})(?:[/?;]|$)");
    /** Query parameters that only say where a click came from. */
    private static final Pattern TRACKING_PARAM = Pattern.compile(
            "^(utm_.*|gclid|gbraid|wbraid|dclid|fbclid|msclkid|yclid|igshid|twclid|mc_cid|mc_eid|_ga|_gl|ref|ref_|spm|srsltid)$");

    private final String defaultMarketplace;

    public ProductKeys(ProductConfig config) {
        this.defaultMarketplace = config.defaultMarketplace();
    }

    /** The identity of a URL, or empty when it is not an absolute http(s) URL with a host. */
    public Optional<Identity> fromUrl(String raw) {
        URI uri;
        try {
            uri = new URI(raw.trim());
        } catch (URISyntaxException e) {
            return Optional.empty();
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? null : uri.getHost().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || host == null || uri.getRawUserInfo() != null) {
            return Optional.empty();
        }
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        Matcher amazon = AMAZON_HOST.matcher(host);
        if (amazon.matches() && MARKETPLACES.containsKey(amazon.group(1))) {
            Matcher asinMatch = AMAZON_ASIN.matcher(path);
            if (asinMatch.find()) {
                String asin = asinMatch.group(1).toUpperCase(Locale.ROOT);
                String marketplace = MARKETPLACES.get(amazon.group(1));
                String key = marketplace.equals(defaultMarketplace) ? "asin:" + asin
                        : "asin:" + marketplace + ":" + asin;
                return Optional.of(new Identity(key, asin, "https://www." + amazon.group(1) + "/dp/" + asin));
            }
        }
        boolean defaultPort = uri.getPort() == -1 || (scheme.equals("http") && uri.getPort() == 80)
                || (scheme.equals("https") && uri.getPort() == 443);
        String query = uri.getRawQuery() == null ? "" : Arrays.stream(uri.getRawQuery().split("&"))
                .filter(param -> !param.isEmpty())
                .filter(param -> !TRACKING_PARAM.matcher(param.split("=", 2)[0].toLowerCase(Locale.ROOT)).matches())
                .collect(Collectors.joining("&"));
        String url = scheme + "://" + host + (defaultPort ? "" : ":" + uri.getPort()) + path
                + (query.isEmpty() ? "" : "?" + query);
        if (url.length() > 2048) {
            return Optional.empty();
        }
        return Optional.of(new Identity("url:" + url, null, url));
    }
}
