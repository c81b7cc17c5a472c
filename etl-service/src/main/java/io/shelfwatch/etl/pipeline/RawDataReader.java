package io.shelfwatch.etl.pipeline;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.shelfwatch.etl.messaging.RecordParser.InvalidRecordException;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Reads a source's `raw_data` into the product's next state. A key the source sent replaces the
 * stored value (an explicit null clears it); a key it left out keeps the stored value, so a
 * price-only observation does not blank the title. A value that cannot be understood makes the
 * event unprocessable: no retry would change it.
 */
@ApplicationScoped
public class RawDataReader {

    /** The first number in a text such as "$1,299.99", "#1,234 in Books" or "4.5 out of 5 stars". */
    private static final Pattern NUMBER = Pattern.compile("\\d[\\d,]*(\\.\\d+)?|\\.\\d+");
    private static final Pattern HTTP_URL = Pattern.compile("https?://\\S+");
    private static final Pattern CURRENCY = Pattern.compile("[A-Z]{3}");

    /**
     * What is wrong with each value of a `raw_data` the pipeline would refuse, by key; empty when it
     * would read all of them. The ingest API answers these at once instead of accepting an event the
     * pipeline would drop.
     */
    public Map<String, String> problems(Map<String, Object> raw) {
        Map<String, String> problems = new LinkedHashMap<>();
        try {
            next(null, raw, Instant.EPOCH);
            return problems;
        } catch (InvalidRecordException first) {
            // Read each key alone to name every bad value, not only the first.
        }
        for (Map.Entry<String, Object> entry : raw.entrySet()) {
            try {
                next(null, Collections.singletonMap(entry.getKey(), entry.getValue()), Instant.EPOCH);
            } catch (InvalidRecordException e) {
                problems.put(entry.getKey(), e.getMessage());
            }
        }
        return problems;
    }

    public Snapshot next(Snapshot stored, Map<String, Object> raw, Instant observedAt) {
        Snapshot s = stored != null ? stored
                : new Snapshot(null, null, null, null, null, null, null, null, null, null, null, null, null);
        return new Snapshot(
                value(raw, "title", s.title(), v -> text(v, 2000)),
                value(raw, "brand", s.brand(), v -> text(v, 500)),
                value(raw, "category", s.category(), v -> text(v, 500)),
                value(raw, "image_url", s.imageUrl(), RawDataReader::url),
                value(raw, "price", s.price(), v -> money("price", v)),
                value(raw, "currency", s.currency(), RawDataReader::currency),
                value(raw, "availability", s.availability(), v -> text(v, 200)),
                value(raw, "bsr", s.bsr(), RawDataReader::bsr),
                value(raw, "rating", s.rating(), RawDataReader::rating),
                value(raw, "reviews_count", s.reviewsCount(), RawDataReader::reviews),
                value(raw, "buybox_price", s.buyboxPrice(), v -> money("buybox_price", v)),
                value(raw, "sku", s.sku(), v -> text(v, 200)),
                observedAt);
    }

    private static <T> T value(Map<String, Object> raw, String key, T stored, Function<Object, T> read) {
        if (!raw.containsKey(key)) {
            return stored;
        }
        Object value = raw.get(key);
        return value == null ? null : read.apply(value);
    }

    private static String text(Object value, int max) {
        if (value instanceof Map || value instanceof Iterable) {
            throw new InvalidRecordException("raw_data holds an object where text was expected");
        }
        String text = value.toString().strip();
        if (text.isEmpty()) {
            return null;
        }
        return text.length() > max ? text.substring(0, max) : text;
    }

    /** Image links that are not absolute http(s) URLs are dropped rather than failing the whole observation. */
    private static String url(Object value) {
        String text = text(value, 2048);
        return text != null && HTTP_URL.matcher(text).matches() ? text : null;
    }

    private static String currency(Object value) {
        String text = text(value, 10);
        if (text == null) {
            return null;
        }
        String code = text.toUpperCase(Locale.ROOT);
        if (!CURRENCY.matcher(code).matches()) {
            throw new InvalidRecordException("raw_data.currency is not an ISO 4217 code: " + abbreviate(text));
        }
        return code;
    }

    private static BigDecimal money(String key, Object value) {
        BigDecimal amount = number(key, value);
        if (amount != null && amount.signum() < 0) {
            throw new InvalidRecordException("raw_data." + key + " is negative");
        }
        if (amount != null && !SnapshotLimits.isPrice(amount)) {
            throw new InvalidRecordException("raw_data." + key + " is larger than " + SnapshotLimits.MAX_PRICE.toPlainString());
        }
        return amount;
    }

    private static Integer bsr(Object value) {
        BigDecimal rank = number("bsr", value);
        if (rank == null) {
            return null;
        }
        if (rank.signum() <= 0 || rank.stripTrailingZeros().scale() > 0 || rank.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new InvalidRecordException("raw_data.bsr is not a rank (a whole number from 1)");
        }
        return rank.intValueExact();
    }

    private static BigDecimal rating(Object value) {
        BigDecimal rating = number("rating", value);
        if (rating != null && !SnapshotLimits.isRating(rating)) {
            throw new InvalidRecordException("raw_data.rating is outside 0 to 5");
        }
        return rating;
    }

    private static Integer reviews(Object value) {
        BigDecimal count = number("reviews_count", value);
        if (count == null) {
            return null;
        }
        if (count.signum() < 0 || count.stripTrailingZeros().scale() > 0 || count.compareTo(BigDecimal.valueOf(Integer.MAX_VALUE)) > 0) {
            throw new InvalidRecordException("raw_data.reviews_count is not a count");
        }
        return count.intValueExact();
    }

    private static BigDecimal number(String key, Object value) {
        if (value instanceof Number n) {
            BigDecimal d = new BigDecimal(n.toString());
            return d;
        }
        if (value instanceof String s) {
            if (s.isBlank()) {
                return null;
            }
            if (s.strip().startsWith("-")) {
                throw new InvalidRecordException("raw_data." + key + " is negative");
            }
            Matcher m = NUMBER.matcher(s);
            if (m.find()) {
                return new BigDecimal(m.group().replace(",", ""));
            }
        }
        throw new InvalidRecordException("raw_data." + key + " is not a number: " + abbreviate(String.valueOf(value)));
    }

    private static String abbreviate(String text) {
        return text.length() > 40 ? text.substring(0, 40) + "…" : text;
    }
}
