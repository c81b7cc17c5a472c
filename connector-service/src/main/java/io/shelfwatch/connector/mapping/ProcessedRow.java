package io.shelfwatch.connector.mapping;

import com.fasterxml.jackson.annotation.JsonProperty;

/** One order item with its order's fields: the processed data both export layouts are made from. */
public record ProcessedRow(
        @JsonProperty("amazon_order_id") String amazonOrderId,
        @JsonProperty("marketplace_id") String marketplaceId,
        /** ISO 8601 as Amazon sent it. */
        @JsonProperty("purchase_date") String purchaseDate,
        @JsonProperty("last_update_date") String lastUpdateDate,
        @JsonProperty("order_status") String orderStatus,
        @JsonProperty("fulfillment_channel") String fulfillmentChannel,
        @JsonProperty("sales_channel") String salesChannel,
        @JsonProperty("order_item_id") String orderItemId,
        @JsonProperty("asin") String asin,
        @JsonProperty("seller_sku") String sellerSku,
        @JsonProperty("title") String title,
        @JsonProperty("quantity_ordered") Integer quantityOrdered,
        @JsonProperty("quantity_shipped") Integer quantityShipped,
        @JsonProperty("item_price_amount") String itemPriceAmount,
        @JsonProperty("item_price_currency") String itemPriceCurrency,
        @JsonProperty("item_tax_amount") String itemTaxAmount,
        @JsonProperty("promotion_discount_amount") String promotionDiscountAmount) {
}
