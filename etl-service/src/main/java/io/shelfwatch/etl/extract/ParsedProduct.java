package io.shelfwatch.etl.extract;

import java.math.BigDecimal;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What the parsers found on one page. The first parser to offer a field wins; later parsers only
 * fill what is still missing. Every field remembers which parser gave it.
 */
public final class ParsedProduct {

    public static final String TITLE = "title";
    public static final String BRAND = "brand";
    public static final String CATEGORY = "category";
    public static final String IMAGE_URL = "image_url";
    public static final String PRICE = "price";
    public static final String CURRENCY = "currency";
    public static final String AVAILABILITY = "availability";
    public static final String BSR = "bsr";
    public static final String RATING = "rating";
    public static final String REVIEWS_COUNT = "reviews_count";
    public static final String SKU = "sku";
    public static final String ASIN = "asin";

    private final Map<String, Object> values = new LinkedHashMap<>();
    private final Map<String, String> sources = new LinkedHashMap<>();

    public void offer(String field, Object value, String source) {
        if (value == null || (value instanceof String s && s.isBlank()) || values.containsKey(field)) {
            return;
        }
        values.put(field, value instanceof String s ? s.strip() : value);
        sources.put(field, source);
    }

    public boolean has(String field) {
        return values.containsKey(field);
    }

    public Object get(String field) {
        return values.get(field);
    }

    public BigDecimal price() {
        return (BigDecimal) values.get(PRICE);
    }

    public String asin() {
        return (String) values.get(ASIN);
    }

    public String sourceOf(String field) {
        return sources.get(field);
    }

    /** Drops a field (a quarantined value), noting why in its provenance. */
    public void withhold(String field, String why) {
        values.remove(field);
        sources.put(field, why);
    }

    public boolean isEmpty() {
        return values.isEmpty();
    }

    public Map<String, Object> values() {
        return Collections.unmodifiableMap(values);
    }

    public Map<String, String> sources() {
        return Collections.unmodifiableMap(sources);
    }
}
