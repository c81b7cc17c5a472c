package io.shelfwatch.etl.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import com.fasterxml.jackson.databind.JsonNode;

import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A store on any platform but Shopify, read from its pages: the store page's JSON-LD products
 * (with their offers when it lists them) and its links to product pages on the same site, each
 * then fetched and read with JSON-LD / OpenGraph.
 */
@ApplicationScoped
public class PageStoreCatalog {

    private static final Pattern PRODUCT_PATH = Pattern.compile(
            "(?i)/(products?|p|item|items|dp|shop/products?)/[^/?#]+/?$");

    private final PageFetcher fetcher;
    private final ExtractConfig config;

    public PageStoreCatalog(PageFetcher fetcher, ExtractConfig config) {
        this.fetcher = fetcher;
        this.config = config;
    }

    public Uni<StoreListing> list(String storeUrl) {
        return fetcher.fetch(storeUrl, "text/html,application/xhtml+xml").flatMap(page -> {
            Document doc = Jsoup.parse(page.body(), page.url().toString());
            Map<String, StoreListing.Item> listed = new LinkedHashMap<>();
            Set<String> links = new LinkedHashSet<>();
            for (JsonNode product : JsonLdParser.products(doc)) {
                String url = absolute(page.url(), product.path("url").asText(product.path("@id").asText("")));
                if (url == null || !sameSite(page.url(), url)) {
                    continue;
                }
                if (product.has("offers")) {
                    ParsedProduct parsed = new ParsedProduct();
                    new JsonLdParser().readProduct(product, parsed);
                    listed.put(handle(url), new StoreListing.Item(handle(url), url, parsed));
                } else {
                    links.add(url);
                }
            }
            for (Element a : doc.select("a[href]")) {
                String url = absolute(page.url(), a.attr("href"));
                if (url != null && sameSite(page.url(), url) && PRODUCT_PATH.matcher(UrlGuard.parse(url).getPath()).find()) {
                    links.add(url);
                }
            }
            links.removeIf(url -> listed.containsKey(handle(url)));
            List<String> toFetch = links.stream().limit(Math.max(0, config.storeMaxProductPages() - listed.size())).toList();
            List<String> failures = new ArrayList<>();
            return Multi.createFrom().iterable(toFetch)
                    .onItem().transformToUniAndConcatenate(url -> fetcher.fetch(url, "text/html,application/xhtml+xml")
                            .map(productPage -> {
                                ParsedProduct parsed = ProductPageParser.parse(productPage.body(), productPage.url());
                                return parsed.isEmpty() || !parsed.has(ParsedProduct.TITLE) ? null
                                        : new StoreListing.Item(handle(url), url, parsed);
                            })
                            .onFailure().recoverWithItem(e -> {
                                failures.add(url + ": " + e.getMessage());
                                return null;
                            }))
                    .filter(item -> item != null)
                    .collect().asList()
                    .map(fetched -> {
                        List<StoreListing.Item> items = new ArrayList<>(listed.values());
                        items.addAll(fetched);
                        String error = failures.isEmpty() ? null
                                : failures.size() + " product page(s) could not be read: " + String.join("; ", failures);
                        if (error == null && links.size() > toFetch.size()) {
                            error = "stopped after " + config.storeMaxProductPages() + " product pages";
                        }
                        return new StoreListing(items, error);
                    });
        });
    }

    /** The page URL without fragment or query, host in lower case: one product, however it was linked. */
    static String handle(String url) {
        URI uri = UrlGuard.parse(url);
        String path = uri.getRawPath() == null || uri.getRawPath().isEmpty() ? "/" : uri.getRawPath();
        return uri.getScheme().toLowerCase(Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(Locale.ROOT) + path;
    }

    private static String absolute(URI base, String href) {
        if (href == null || href.isBlank()) {
            return null;
        }
        try {
            URI resolved = base.resolve(href.strip());
            String scheme = resolved.getScheme();
            return scheme != null && (scheme.equals("http") || scheme.equals("https")) && resolved.getHost() != null
                    ? resolved.toString() : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    private static boolean sameSite(URI store, String url) {
        String host = UrlGuard.parse(url).getHost();
        return host != null && host.equalsIgnoreCase(store.getHost());
    }
}
