package io.shelfwatch.etl.extract;

import java.math.BigDecimal;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

import io.shelfwatch.etl.pipeline.SnapshotLimits;

/**
 * A parsed page as a raw event's `raw_data`: only values the pipeline can read (a currency symbol
 * becomes its ISO code, a rating on another scale or a price beyond {@link SnapshotLimits} is dropped), plus `field_sources`, the parser
 * each field came from.
 */
final class RawData {

    private RawData() {
    }

    static Map<String, Object> of(ParsedProduct parsed, String pageUrl) {
        Map<String, Object> raw = new LinkedHashMap<>();
        parsed.values().forEach((field, value) -> {
            Object clean = clean(field, value);
            if (clean != null) {
                raw.put(field, clean);
            }
        });
        if (pageUrl != null) {
            raw.put("url", pageUrl);
        }
        Map<String, String> sources = new LinkedHashMap<>(parsed.sources());
        sources.keySet().removeIf(field -> parsed.has(field) && !raw.containsKey(field));
        raw.put("field_sources", sources);
        return raw;
    }

    private static Object clean(String field, Object value) {
        return switch (field) {
            case ParsedProduct.CURRENCY -> {
                String code = value.toString().strip().toUpperCase(Locale.ROOT);
                yield code.matches("[A-Z]{3}") ? code : Values.currencyOfSymbol(value.toString());
            }
            case ParsedProduct.RATING -> value instanceof BigDecimal r && SnapshotLimits.isRating(r) ? r : null;
            case ParsedProduct.BSR -> value instanceof Integer rank && rank > 0 ? rank : null;
            case ParsedProduct.REVIEWS_COUNT -> value instanceof Integer count && count >= 0 ? count : null;
            // A price beyond what the consumers store is a misread page, not a price: dropped like any unreadable value.
            case ParsedProduct.PRICE -> value instanceof BigDecimal p && SnapshotLimits.isPrice(p) ? p : null;
            default -> value;
        };
    }
}
