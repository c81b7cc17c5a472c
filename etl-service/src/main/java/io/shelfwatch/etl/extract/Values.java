package io.shelfwatch.etl.extract;

import java.math.BigDecimal;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Reading prices, counts and availability as pages write them. */
final class Values {

    private static final Pattern AMOUNT = Pattern.compile("\\d[\\d.,\\s\u00a0]*");
    private static final Pattern INTEGER = Pattern.compile("\\d[\\d,.\u00a0]*");
    private static final Pattern ISO_CODE = Pattern.compile("(?<![A-Z])(USD|EUR|GBP|CAD|AUD|JPY|INR|MXN|BRL|CHF|SEK|NOK|DKK|PLN|CNY|SGD|AED|SAR|TRY|NZD)(?![A-Z])");
    private static final Pattern SPACES = Pattern.compile("[\\s\u00a0]");
    private static final Pattern GROUPING = Pattern.compile("[,.\u00a0]");
    private static final Pattern NOT_WORDS = Pattern.compile("[^a-z]+");
    private static final Pattern DECIMAL = Pattern.compile("\\d+(?:[.,]\\d+)?");
    private static final Map<String, String> SYMBOLS = Map.ofEntries(
            Map.entry("US$", "USD"), Map.entry("CA$", "CAD"), Map.entry("C$", "CAD"), Map.entry("A$", "AUD"),
            Map.entry("AU$", "AUD"), Map.entry("MX$", "MXN"), Map.entry("R$", "BRL"), Map.entry("£", "GBP"),
            Map.entry("€", "EUR"), Map.entry("¥", "JPY"), Map.entry("￥", "JPY"), Map.entry("₹", "INR"),
            Map.entry("$", "USD"));

    private Values() {
    }

    /** "$1,299.99", "1.299,99 €", "19.99" → the amount; null when there is none. */
    static BigDecimal amount(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = AMOUNT.matcher(text);
        if (!m.find()) {
            return null;
        }
        String digits = SPACES.matcher(m.group()).replaceAll("");
        int dot = digits.lastIndexOf('.');
        int comma = digits.lastIndexOf(',');
        String normalized;
        if (dot >= 0 && comma >= 0) {
            normalized = dot > comma ? digits.replace(",", "") : digits.replace(".", "").replace(',', '.');
        } else if (comma >= 0) {
            // "12,99" is a decimal comma; "1,299" groups thousands.
            normalized = digits.length() - comma - 1 == 2 ? digits.replace(',', '.') : digits.replace(",", "");
        } else {
            normalized = digits;
        }
        if (normalized.endsWith(".")) {
            normalized = normalized.substring(0, normalized.length() - 1);
        }
        try {
            return new BigDecimal(normalized);
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "EUR 12,99" → EUR; "£12.99" → GBP; "$12.99" → USD (a bare dollar sign reads as US dollars). */
    static String currencyOfSymbol(String text) {
        if (text == null) {
            return null;
        }
        Matcher code = ISO_CODE.matcher(text.toUpperCase(Locale.ROOT));
        if (code.find()) {
            return code.group(1);
        }
        String best = null;
        int bestLength = 0;
        for (Map.Entry<String, String> symbol : SYMBOLS.entrySet()) {
            if (text.contains(symbol.getKey()) && symbol.getKey().length() > bestLength) {
                best = symbol.getValue();
                bestLength = symbol.getKey().length();
            }
        }
        return best;
    }

    /** "2,001 ratings" → 2001. */
    static Integer count(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = INTEGER.matcher(text);
        if (!m.find()) {
            return null;
        }
        try {
            return Integer.valueOf(GROUPING.matcher(m.group()).replaceAll(""));
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** "4.5 out of 5 stars" or "4,5 von 5 Sternen" → 4.5. */
    static BigDecimal decimal(String text) {
        if (text == null) {
            return null;
        }
        Matcher m = DECIMAL.matcher(text);
        return m.find() ? new BigDecimal(m.group().replace(',', '.')) : null;
    }

    /** One vocabulary for every source: in_stock, out_of_stock, preorder, backorder, discontinued. */
    static String availability(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = NOT_WORDS.matcher(text.toLowerCase(Locale.ROOT)).replaceAll(" ").strip();
        String squashed = t.replace(" ", "");
        if (squashed.contains("outofstock") || squashed.contains("soldout") || squashed.contains("unavailable")
                || squashed.contains("notavailable")) {
            return "out_of_stock";
        }
        if (squashed.contains("preorder")) {
            return "preorder";
        }
        if (squashed.contains("backorder")) {
            return "backorder";
        }
        if (squashed.contains("discontinued")) {
            return "discontinued";
        }
        if (squashed.contains("instock") || squashed.contains("limitedavailability") || squashed.contains("onlineonly")
                || squashed.contains("instoreonly") || squashed.contains("available")) {
            return "in_stock";
        }
        return t.length() > 100 ? t.substring(0, 100) : t;
    }
}
