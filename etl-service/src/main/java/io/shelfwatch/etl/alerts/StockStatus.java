package io.shelfwatch.etl.alerts;

import java.util.Locale;
import java.util.regex.Pattern;

/**
 * Reads a store's availability text ("In Stock", "Currently unavailable.", schema.org's
 * `OutOfStock`, "Sold out") as out of stock or not. A product that left its store counts as out
 * of stock; an unknown availability does not.
 */
final class StockStatus {

    private static final Pattern NOT_LETTERS = Pattern.compile("[^a-z]");
    private static final String[] OUT_OF_STOCK = {
        "outofstock", "soldout", "unavailable", "notavailable", "notinstock", "discontinued", "nolongeravailable" };

    private StockStatus() {
    }

    static boolean out(String status, String availability) {
        if ("removed".equals(status)) {
            return true;
        }
        if (availability == null) {
            return false;
        }
        String letters = NOT_LETTERS.matcher(availability.toLowerCase(Locale.ROOT)).replaceAll("");
        for (String marker : OUT_OF_STOCK) {
            if (letters.contains(marker)) {
                return true;
            }
        }
        return false;
    }
}
