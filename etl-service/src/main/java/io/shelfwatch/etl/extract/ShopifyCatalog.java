package io.shelfwatch.etl.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A Shopify store's public catalog, `/products.json?limit=250&page=N`, read page by page until a
 * short page. One item per product, priced by its first available variant (the first variant
 * when none is available).
 */
@ApplicationScoped
public class ShopifyCatalog {

    public static final String NAME = "shopify";

    private final PageFetcher fetcher;
    private final ObjectMapper json;
    private final ExtractConfig config;

    public ShopifyCatalog(PageFetcher fetcher, ObjectMapper json, ExtractConfig config) {
        this.fetcher = fetcher;
        this.json = json;
        this.config = config;
    }

    public Uni<StoreListing> list(String storeUrl) {
        String origin = origin(UrlGuard.parse(storeUrl));
        return page(origin, 1, new ArrayList<>());
    }

    private Uni<StoreListing> page(String origin, int number, List<StoreListing.Item> items) {
        if (number > config.storeMaxPages()) {
            return Uni.createFrom().item(new StoreListing(items,
                    "stopped after " + config.storeMaxPages() + " pages of products.json"));
        }
        int pageSize = config.shopifyPageSize();
        String url = origin + "/products.json?limit=" + pageSize + "&page=" + number;
        return fetcher.fetch(url, "application/json").flatMap(page -> {
            List<StoreListing.Item> found;
            try {
                found = items(origin, page.body());
            } catch (JsonProcessingException | IllegalArgumentException e) {
                return Uni.createFrom().item(new StoreListing(items, "page " + number + " of products.json is not valid JSON"));
            }
            items.addAll(found);
            return found.size() < pageSize ? Uni.createFrom().item(new StoreListing(items, null))
                    : page(origin, number + 1, items);
        });
    }

    List<StoreListing.Item> items(String origin, String body) throws JsonProcessingException {
        JsonNode products = json.readTree(body).get("products");
        if (products == null || !products.isArray()) {
            throw new IllegalArgumentException("no products array");
        }
        List<StoreListing.Item> items = new ArrayList<>();
        for (JsonNode product : products) {
            String handle = product.path("handle").asText("");
            if (handle.isBlank()) {
                continue;
            }
            ParsedProduct parsed = new ParsedProduct();
            parsed.offer(ParsedProduct.TITLE, product.path("title").asText(null), NAME);
            parsed.offer(ParsedProduct.BRAND, product.path("vendor").asText(null), NAME);
            parsed.offer(ParsedProduct.CATEGORY, product.path("product_type").asText(null), NAME);
            JsonNode image = product.path("images").path(0).path("src");
            if (image.isTextual() && image.asText().matches("https?://\\S+")) {
                parsed.offer(ParsedProduct.IMAGE_URL, image.asText(), NAME);
            }
            JsonNode variant = firstAvailableVariant(product.path("variants"));
            if (variant != null) {
                parsed.offer(ParsedProduct.PRICE, Values.amount(variant.path("price").asText(null)), NAME);
                parsed.offer(ParsedProduct.AVAILABILITY, variant.path("available").asBoolean(false)
                        ? "in_stock" : "out_of_stock", NAME);
                parsed.offer(ParsedProduct.SKU, variant.path("sku").asText(null), NAME);
            }
            items.add(new StoreListing.Item(handle, origin + "/products/" + handle, parsed));
        }
        return items;
    }

    private static JsonNode firstAvailableVariant(JsonNode variants) {
        if (!variants.isArray() || variants.isEmpty()) {
            return null;
        }
        for (JsonNode variant : variants) {
            if (variant.path("available").asBoolean(false)) {
                return variant;
            }
        }
        return variants.get(0);
    }

    static String origin(URI uri) {
        return uri.getScheme().toLowerCase(java.util.Locale.ROOT) + "://" + uri.getRawAuthority().toLowerCase(java.util.Locale.ROOT);
    }
}
