package io.shelfwatch.competition.service;

import java.util.Locale;
import java.util.regex.Pattern;

/** ASINs are trimmed and upper-cased before they are validated (DESIGN.md "Product identity"). */
public final class Asins {

    private static final Pattern ASIN = Pattern.compile("[A-Z0-9]{10}");

    private Asins() {
    }

    public static String normalize(String text) {
        return text == null ? null : text.strip().toUpperCase(Locale.ROOT);
    }

    public static boolean isValid(String normalized) {
        return normalized != null && ASIN.matcher(normalized).matches();
    }
}
