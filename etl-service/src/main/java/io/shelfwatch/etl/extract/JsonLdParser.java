package io.shelfwatch.etl.extract;

import java.net.URI;
import java.util.ArrayList;
import java.util.List;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;

/** schema.org `Product` in `<script type="application/ld+json">`: name, brand, image, sku, offers, rating. */
public class JsonLdParser implements PageParser {

    public static final String NAME = "json-ld";

    // Pages hand-write their JSON-LD: comments, trailing commas and control characters are common.
    private static final ObjectMapper LENIENT = JsonMapper.builder()
            .enable(JsonReadFeature.ALLOW_TRAILING_COMMA, JsonReadFeature.ALLOW_UNESCAPED_CONTROL_CHARS,
                    JsonReadFeature.ALLOW_SINGLE_QUOTES)
            .enable(JsonParser.Feature.ALLOW_COMMENTS)
            .build();

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void parse(Document page, URI url, ParsedProduct into) {
        for (JsonNode product : products(page)) {
            readProduct(product, into);
        }
    }

    /** Every Product node on the page, in document order (inside @graph, arrays, mainEntity...). */
    public static List<JsonNode> products(Document page) {
        List<JsonNode> found = new ArrayList<>();
        for (Element script : page.select(Css.q("script[type=application/ld+json]"))) {
            try {
                collect(LENIENT.readTree(script.data()), found, 0);
            } catch (Exception malformed) {
                // One broken block does not hide the others.
            }
        }
        return found;
    }

    private static void collect(JsonNode node, List<JsonNode> found, int depth) {
        if (node == null || depth > 8) {
            return;
        }
        if (node.isArray()) {
            node.forEach(child -> collect(child, found, depth + 1));
            return;
        }
        if (!node.isObject()) {
            return;
        }
        if (isType(node, "Product")) {
            found.add(node);
            return;
        }
        node.fields().forEachRemaining(field -> {
            if (field.getValue().isContainerNode()) {
                collect(field.getValue(), found, depth + 1);
            }
        });
    }

    static boolean isType(JsonNode node, String type) {
        JsonNode t = node.get("@type");
        if (t == null) {
            return false;
        }
        if (t.isArray()) {
            for (JsonNode each : t) {
                if (matches(each.asText(), type)) {
                    return true;
                }
            }
            return false;
        }
        return matches(t.asText(), type);
    }

    private static boolean matches(String declared, String type) {
        return declared.equals(type) || declared.endsWith("/" + type) || declared.endsWith(":" + type);
    }

    /** One Product node's fields, for a store page that lists its products with their offers. */
    public void readProduct(JsonNode product, ParsedProduct into) {
        into.offer(ParsedProduct.TITLE, text(product.get("name")), NAME);
        into.offer(ParsedProduct.BRAND, nameOf(product.get("brand")), NAME);
        into.offer(ParsedProduct.CATEGORY, nameOf(product.get("category")), NAME);
        into.offer(ParsedProduct.IMAGE_URL, imageOf(product.get("image")), NAME);
        into.offer(ParsedProduct.SKU, text(product.get("sku")), NAME);
        JsonNode offer = firstOffer(product.get("offers"));
        if (offer != null) {
            JsonNode price = offer.hasNonNull("price") ? offer.get("price")
                    : offer.hasNonNull("lowPrice") ? offer.get("lowPrice")
                    : offer.path("priceSpecification").get("price");
            into.offer(ParsedProduct.PRICE, price == null ? null : Values.amount(price.asText()), NAME);
            String currency = text(offer.get("priceCurrency"));
            if (currency == null) {
                currency = text(offer.path("priceSpecification").get("priceCurrency"));
            }
            into.offer(ParsedProduct.CURRENCY, currency, NAME);
            into.offer(ParsedProduct.AVAILABILITY, Values.availability(text(offer.get("availability"))), NAME);
        }
        JsonNode rating = product.get("aggregateRating");
        if (rating != null && rating.isObject()) {
            into.offer(ParsedProduct.RATING, Values.decimal(text(rating.get("ratingValue"))), NAME);
            JsonNode count = rating.hasNonNull("reviewCount") ? rating.get("reviewCount") : rating.get("ratingCount");
            into.offer(ParsedProduct.REVIEWS_COUNT, Values.count(text(count)), NAME);
        }
    }

    private static JsonNode firstOffer(JsonNode offers) {
        if (offers == null) {
            return null;
        }
        if (offers.isArray()) {
            for (JsonNode offer : offers) {
                if (offer.hasNonNull("price") || offer.hasNonNull("lowPrice") || offer.has("priceSpecification")) {
                    return offer;
                }
            }
            return offers.isEmpty() ? null : offers.get(0);
        }
        if (offers.isObject() && isType(offers, "AggregateOffer") && !offers.hasNonNull("lowPrice")
                && offers.has("offers")) {
            return firstOffer(offers.get("offers"));
        }
        return offers.isObject() ? offers : null;
    }

    private static String nameOf(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            return node.isEmpty() ? null : nameOf(node.get(0));
        }
        return node.isObject() ? text(node.get("name")) : text(node);
    }

    private static String imageOf(JsonNode node) {
        if (node == null) {
            return null;
        }
        if (node.isArray()) {
            return node.isEmpty() ? null : imageOf(node.get(0));
        }
        String url = node.isObject() ? text(node.has("url") ? node.get("url") : node.get("contentUrl")) : text(node);
        return url != null && url.matches("https?://\\S+") ? url : null;
    }

    private static String text(JsonNode node) {
        if (node == null || node.isNull() || node.isContainerNode()) {
            return null;
        }
        String text = node.asText().strip();
        return text.isEmpty() ? null : text;
    }
}
