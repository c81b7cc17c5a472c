package io.shelfwatch.connector.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

/** The parts of Orders v0's responses this service uses, field names as in ordersV0.json. */
public final class OrdersV0Models {

    private OrdersV0Models() {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Money(@JsonProperty("CurrencyCode") String currencyCode, @JsonProperty("Amount") String amount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
    public record Error(@JsonProperty("code") String code, @JsonProperty("message") String message,
            @JsonProperty("details") String details) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Order(
            @JsonProperty("AmazonOrderId") String amazonOrderId,
            @JsonProperty("PurchaseDate") String purchaseDate,
            @JsonProperty("LastUpdateDate") String lastUpdateDate,
            @JsonProperty("OrderStatus") String orderStatus,
            @JsonProperty("FulfillmentChannel") String fulfillmentChannel,
            @JsonProperty("SalesChannel") String salesChannel,
            @JsonProperty("OrderTotal") Money orderTotal,
            @JsonProperty("NumberOfItemsShipped") Integer numberOfItemsShipped,
            @JsonProperty("NumberOfItemsUnshipped") Integer numberOfItemsUnshipped,
            @JsonProperty("MarketplaceId") String marketplaceId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrdersList(
            @JsonProperty("Orders") List<Order> orders,
            @JsonProperty("NextToken") String nextToken,
            @JsonProperty("CreatedBefore") String createdBefore) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GetOrdersResponse(@JsonProperty("payload") OrdersList payload,
            @JsonProperty("errors") List<Error> errors) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrderItem(
            @JsonProperty("ASIN") String asin,
            @JsonProperty("SellerSKU") String sellerSku,
            @JsonProperty("OrderItemId") String orderItemId,
            @JsonProperty("Title") String title,
            @JsonProperty("QuantityOrdered") Integer quantityOrdered,
            @JsonProperty("QuantityShipped") Integer quantityShipped,
            @JsonProperty("ItemPrice") Money itemPrice,
            @JsonProperty("ItemTax") Money itemTax,
            @JsonProperty("PromotionDiscount") Money promotionDiscount) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record OrderItemsList(
            @JsonProperty("OrderItems") List<OrderItem> orderItems,
            @JsonProperty("NextToken") String nextToken,
            @JsonProperty("AmazonOrderId") String amazonOrderId) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record GetOrderItemsResponse(@JsonProperty("payload") OrderItemsList payload,
            @JsonProperty("errors") List<Error> errors) {
    }
}
