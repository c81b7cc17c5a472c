package io.shelfwatch.etl.extract;

import java.util.List;

/**
 * The products a store showed in one scan. {@code error} says why the listing may be incomplete;
 * an incomplete listing never marks a product removed.
 */
public record StoreListing(List<Item> items, String error) {

    /** One product: its handle in the store (Shopify handle or normalized page URL), its page and what it showed. */
    public record Item(String handle, String url, ParsedProduct product) {
    }

    public boolean complete() {
        return error == null;
    }
}
