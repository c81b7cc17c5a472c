package io.shelfwatch.connector.repository;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.shelfwatch.connector.client.OrdersV0Models.Money;
import io.shelfwatch.connector.client.OrdersV0Models.Order;
import io.shelfwatch.connector.client.OrdersV0Models.OrderItem;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Orders and order items as upserts keyed by Amazon's ids per user, so a re-fetch updates a
 * row instead of adding one. Runs inside the caller's transaction.
 */
@ApplicationScoped
public class OrderStore {

    private static final String UPSERT_ORDER = """
            INSERT INTO orders (id, user_id, amazon_order_id, marketplace_id, purchase_date, last_update_date,
                order_status, fulfillment_channel, sales_channel, order_total_amount, order_total_currency,
                number_of_items_shipped, number_of_items_unshipped, fetched_at)
            VALUES (:id, :user, :order, :marketplace, :purchase, :updated,
                :status, :channel, :sales, :amount, :currency, :shipped, :unshipped, :now)
            ON CONFLICT (user_id, amazon_order_id) DO UPDATE SET marketplace_id = EXCLUDED.marketplace_id,
                purchase_date = EXCLUDED.purchase_date, last_update_date = EXCLUDED.last_update_date,
                order_status = EXCLUDED.order_status, fulfillment_channel = EXCLUDED.fulfillment_channel,
                sales_channel = EXCLUDED.sales_channel, order_total_amount = EXCLUDED.order_total_amount,
                order_total_currency = EXCLUDED.order_total_currency,
                number_of_items_shipped = EXCLUDED.number_of_items_shipped,
                number_of_items_unshipped = EXCLUDED.number_of_items_unshipped, fetched_at = EXCLUDED.fetched_at
            """;

    private static final String UPSERT_ITEM = """
            INSERT INTO order_items (id, user_id, amazon_order_id, order_item_id, asin, seller_sku, title,
                quantity_ordered, quantity_shipped, item_price_amount, item_price_currency, item_tax_amount,
                promotion_discount_amount, fetched_at)
            VALUES (:id, :user, :order, :item, :asin, :sku, :title, :ordered, :shipped, :price, :currency, :tax,
                :discount, :now)
            ON CONFLICT (user_id, amazon_order_id, order_item_id) DO UPDATE SET asin = EXCLUDED.asin,
                seller_sku = EXCLUDED.seller_sku, title = EXCLUDED.title,
                quantity_ordered = EXCLUDED.quantity_ordered, quantity_shipped = EXCLUDED.quantity_shipped,
                item_price_amount = EXCLUDED.item_price_amount, item_price_currency = EXCLUDED.item_price_currency,
                item_tax_amount = EXCLUDED.item_tax_amount,
                promotion_discount_amount = EXCLUDED.promotion_discount_amount, fetched_at = EXCLUDED.fetched_at
            """;

    public Uni<Void> upsertOrders(UUID userId, String marketplaceId, List<Order> orders, OffsetDateTime now) {
        return Multi.createFrom().iterable(orders).onItem().transformToUniAndConcatenate(order -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery(UPSERT_ORDER)
                        .setParameter("id", UUID.randomUUID())
                        .setParameter("user", userId)
                        .setParameter("order", order.amazonOrderId())
                        .setParameter("marketplace", order.marketplaceId() != null ? order.marketplaceId()
                                : marketplaceId)
                        .setParameter("purchase", time(order.purchaseDate()))
                        .setParameter("updated", time(order.lastUpdateDate()))
                        .setParameter("status", order.orderStatus())
                        .setParameter("channel", order.fulfillmentChannel())
                        .setParameter("sales", order.salesChannel())
                        .setParameter("amount", amount(order.orderTotal()))
                        .setParameter("currency", order.orderTotal() == null ? null : order.orderTotal().currencyCode())
                        .setParameter("shipped", order.numberOfItemsShipped())
                        .setParameter("unshipped", order.numberOfItemsUnshipped())
                        .setParameter("now", now)
                        .executeUpdate()))
                .collect().last().replaceWithVoid();
    }

    public Uni<Void> upsertItems(UUID userId, String amazonOrderId, List<OrderItem> items, OffsetDateTime now) {
        return Multi.createFrom().iterable(items).onItem().transformToUniAndConcatenate(item -> Panache.getSession()
                .flatMap(session -> session.createNativeQuery(UPSERT_ITEM)
                        .setParameter("id", UUID.randomUUID())
                        .setParameter("user", userId)
                        .setParameter("order", amazonOrderId)
                        .setParameter("item", item.orderItemId())
                        .setParameter("asin", item.asin())
                        .setParameter("sku", item.sellerSku())
                        .setParameter("title", item.title())
                        .setParameter("ordered", item.quantityOrdered())
                        .setParameter("shipped", item.quantityShipped())
                        .setParameter("price", amount(item.itemPrice()))
                        .setParameter("currency", item.itemPrice() == null ? null : item.itemPrice().currencyCode())
                        .setParameter("tax", amount(item.itemTax()))
                        .setParameter("discount", amount(item.promotionDiscount()))
                        .setParameter("now", now)
                        .executeUpdate()))
                .collect().last().replaceWithVoid();
    }

    /** A deleted user's orders and items. */
    public Uni<Void> deleteAll(UUID userId) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("DELETE FROM order_items WHERE user_id = :user").setParameter("user", userId)
                .executeUpdate()
                .flatMap(ignored -> session.createNativeQuery("DELETE FROM orders WHERE user_id = :user")
                        .setParameter("user", userId).executeUpdate()))
                .replaceWithVoid();
    }

    /** Amazon's ISO 8601 times; anything unreadable is stored as unknown rather than failing the fetch. */
    private static OffsetDateTime time(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso.trim());
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static BigDecimal amount(Money money) {
        if (money == null || money.amount() == null || money.amount().isBlank()) {
            return null;
        }
        try {
            return new BigDecimal(money.amount().trim());
        } catch (NumberFormatException e) {
            return null;
        }
    }

    /** The stored order items of orders created in [from, to), as processed rows, oldest order first. */
    public Uni<List<io.shelfwatch.connector.mapping.ProcessedRow>> processedRows(UUID userId, String marketplaceId,
            OffsetDateTime from, OffsetDateTime to, Integer maxOrders) {
        String sql = """
                SELECT o.amazon_order_id, o.marketplace_id, o.purchase_date, o.last_update_date, o.order_status,
                    o.fulfillment_channel, o.sales_channel, i.order_item_id, i.asin, i.seller_sku, i.title,
                    i.quantity_ordered, i.quantity_shipped, i.item_price_amount, i.item_price_currency,
                    i.item_tax_amount, i.promotion_discount_amount
                FROM orders o JOIN order_items i ON i.user_id = o.user_id AND i.amazon_order_id = o.amazon_order_id
                WHERE o.user_id = :user AND o.marketplace_id = :marketplace
                    AND o.purchase_date >= :from AND o.purchase_date < :to
                    AND o.amazon_order_id IN (SELECT amazon_order_id FROM orders WHERE user_id = :user
                        AND marketplace_id = :marketplace AND purchase_date >= :from AND purchase_date < :to
                        ORDER BY purchase_date, amazon_order_id LIMIT :limit)
                ORDER BY o.purchase_date, o.amazon_order_id, i.order_item_id
                """;
        return Panache.getSession().flatMap(session -> session.createNativeQuery(sql, Object[].class)
                .setParameter("user", userId).setParameter("marketplace", marketplaceId)
                .setParameter("from", from).setParameter("to", to)
                .setParameter("limit", maxOrders == null ? Integer.MAX_VALUE : maxOrders)
                .getResultList())
                .map(rows -> rows.stream().map(r -> new io.shelfwatch.connector.mapping.ProcessedRow(
                        str(r[0]), str(r[1]), iso(r[2]), iso(r[3]), str(r[4]), str(r[5]), str(r[6]), str(r[7]),
                        str(r[8]), str(r[9]), str(r[10]), integer(r[11]), integer(r[12]), decimal(r[13]),
                        str(r[14]), decimal(r[15]), decimal(r[16]))).toList());
    }

    private static String str(Object value) {
        return value == null ? null : value.toString();
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }

    private static String decimal(Object value) {
        return value == null ? null : ((BigDecimal) value).toPlainString();
    }

    /** A stored time as ISO 8601 UTC, as Amazon sends it. */
    private static String iso(Object value) {
        if (value == null) {
            return null;
        }
        if (value instanceof OffsetDateTime t) {
            return t.toInstant().toString();
        }
        if (value instanceof java.time.Instant t) {
            return t.toString();
        }
        if (value instanceof java.time.LocalDateTime t) {
            return t.toInstant(java.time.ZoneOffset.UTC).toString();
        }
        return value.toString();
    }
}
