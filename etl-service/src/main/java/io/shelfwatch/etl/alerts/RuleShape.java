package io.shelfwatch.etl.alerts;

import java.math.BigDecimal;
import java.util.Set;
import java.util.UUID;

/** What an alert rule must be, whether a POST body or a PATCH merged onto the stored rule. */
public interface RuleShape {

    String PRICE_DROP = "price_drop";
    String PRICE_INCREASE = "price_increase";
    String NEW_PRODUCT = "new_product";
    String OUT_OF_STOCK = "out_of_stock";
    String BACK_IN_STOCK = "back_in_stock";

    /** Doc E's alert types, as a Bean Validation pattern. */
    String TYPES = "price_drop|price_increase|new_product|out_of_stock|back_in_stock";
    String TYPES_MESSAGE = "must be one of price_drop, price_increase, new_product, out_of_stock, back_in_stock";

    Set<String> PRICE_TYPES = Set.of(PRICE_DROP, PRICE_INCREASE);

    String alertType();

    BigDecimal threshold();

    UUID productId();

    UUID competitorId();
}
