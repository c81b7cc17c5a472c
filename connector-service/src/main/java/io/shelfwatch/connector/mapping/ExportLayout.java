package io.shelfwatch.connector.mapping;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * DESIGN.md's two export layouts, one row per order item: `mssql` with SP-API's PascalCase
 * column names and times in the marketplace's local time, `azure` with snake_case columns
 * and times in UTC ISO 8601.
 */
public enum ExportLayout {
    MSSQL(List.of("AmazonOrderId", "MarketplaceId", "PurchaseDate", "LastUpdateDate", "OrderStatus",
            "FulfillmentChannel", "SalesChannel", "OrderItemId", "ASIN", "SellerSKU", "Title", "QuantityOrdered",
            "QuantityShipped", "ItemPriceAmount", "ItemPriceCurrencyCode", "ItemTaxAmount",
            "PromotionDiscountAmount"), ExportLayout::localTime),
    AZURE(List.of("amazon_order_id", "marketplace_id", "purchase_date", "last_update_date", "order_status",
            "fulfillment_channel", "sales_channel", "order_item_id", "asin", "seller_sku", "title",
            "quantity_ordered", "quantity_shipped", "item_price_amount", "item_price_currency", "item_tax_amount",
            "promotion_discount_amount"), ExportLayout::utcTime);

    /** Each marketplace's own time zone (doc B's seven). */
    private static final Map<String, ZoneId> ZONES = Map.of(
            "ATVPDKIKX0DER", ZoneId.of("America/Los_Angeles"),
            "A2EUQ1WTGCTBG2", ZoneId.of("America/Toronto"),
            "A1F83G8C2ARO7P", ZoneId.of("Europe/London"),
            "A1PA6795UKMFR9", ZoneId.of("Europe/Berlin"),
            "A13V1IB3VIYZZH", ZoneId.of("Europe/Paris"),
            "APJ6JRA9NG5V4", ZoneId.of("Europe/Rome"),
            "A1RKKUPIHCS9HS", ZoneId.of("Europe/Madrid"));
    private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss");

    private final List<String> columns;
    private final TimeFormat time;

    @FunctionalInterface
    private interface TimeFormat {
        String format(String iso, String marketplaceId);
    }

    ExportLayout(List<String> columns, TimeFormat time) {
        this.columns = columns;
        this.time = time;
    }

    public String dataType() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<ExportLayout> of(String dataType) {
        for (ExportLayout layout : values()) {
            if (layout.dataType().equals(dataType)) {
                return Optional.of(layout);
            }
        }
        return Optional.empty();
    }

    public String csv(List<ProcessedRow> rows) {
        StringBuilder out = new StringBuilder();
        line(out, columns);
        for (ProcessedRow r : rows) {
            line(out, List.of(text(r.amazonOrderId()), text(r.marketplaceId()),
                    time.format(r.purchaseDate(), r.marketplaceId()), time.format(r.lastUpdateDate(), r.marketplaceId()),
                    text(r.orderStatus()), text(r.fulfillmentChannel()), text(r.salesChannel()), text(r.orderItemId()),
                    text(r.asin()), text(r.sellerSku()), text(r.title()), text(r.quantityOrdered()),
                    text(r.quantityShipped()), text(r.itemPriceAmount()), text(r.itemPriceCurrency()),
                    text(r.itemTaxAmount()), text(r.promotionDiscountAmount())));
        }
        return out.toString();
    }

    private static String text(Object value) {
        return value == null ? "" : value.toString();
    }

    private static Instant parse(String iso) {
        if (iso == null || iso.isBlank()) {
            return null;
        }
        try {
            return OffsetDateTime.parse(iso.trim()).toInstant();
        } catch (DateTimeParseException e) {
            return null;
        }
    }

    private static String localTime(String iso, String marketplaceId) {
        Instant at = parse(iso);
        return at == null ? "" : LOCAL.format(at.atZone(ZONES.getOrDefault(marketplaceId, ZoneId.of("UTC"))));
    }

    private static String utcTime(String iso, String marketplaceId) {
        Instant at = parse(iso);
        return at == null ? "" : at.toString();
    }

    /** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled. */
    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String field = fields.get(i);
            if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                    || field.indexOf('\r') >= 0) {
                out.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                out.append(field);
            }
        }
        out.append("\r\n");
    }
}
