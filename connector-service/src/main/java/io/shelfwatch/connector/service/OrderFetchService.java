package io.shelfwatch.connector.service;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonUnwrapped;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.shelfwatch.connector.client.AccessTokenSource;
import io.shelfwatch.connector.client.OrdersV0Api;
import io.shelfwatch.connector.client.OrdersV0Models.GetOrderItemsResponse;
import io.shelfwatch.connector.client.OrdersV0Models.GetOrdersResponse;
import io.shelfwatch.connector.client.OrdersV0Models.Order;
import io.shelfwatch.connector.client.OrdersV0Models.OrderItem;
import io.shelfwatch.connector.client.SpApiCaller;
import io.shelfwatch.connector.client.SpApiEndpoints;
import io.shelfwatch.connector.client.SpApiException;
import io.shelfwatch.connector.client.SpApiOperation;
import io.shelfwatch.connector.config.ConnectorConfig;
import io.shelfwatch.connector.mapping.ExportLayout;
import io.shelfwatch.connector.mapping.ProcessedRow;
import io.shelfwatch.connector.repository.AmazonConnectionRepository;
import io.shelfwatch.connector.repository.OrderStore;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;

/** Fetches a marketplace's orders for a period (every page) and their items, and stores them. */
@ApplicationScoped
public class OrderFetchService {

    private static final Logger LOG = Logger.getLogger(OrderFetchService.class);
    /** Orders v0 answers at most 100 orders a page. */
    private static final int PAGE_SIZE = 100;

    /** What to fetch; `maxOrders` null = every order of the period. */
    public record FetchPlan(String marketplaceId, Instant createdAfter, Instant createdBefore, Integer maxOrders,
            boolean autoSave) {
    }

    /** Where the processed rows went: the cache key to download them by, and whether both exports were saved. */
    public record ProcessedData(
            @JsonProperty("cache_key") String cacheKey,
            @JsonProperty("total_rows") int totalRows,
            @JsonProperty("data_types") List<String> dataTypes,
            @JsonProperty("cached") boolean cached,
            @JsonProperty("saved") boolean saved,
            @JsonProperty("expires_at") String expiresAt) {
    }

    /** An order item with the order it belongs to, Amazon's field names. */
    public record OrderItemRow(@JsonProperty("AmazonOrderId") String amazonOrderId,
            @JsonUnwrapped OrderItem item) {
    }

    public record Statistics(
            @JsonProperty("orders_count") int ordersCount,
            @JsonProperty("order_items_count") int orderItemsCount,
            @JsonProperty("failed_orders_count") int failedOrdersCount,
            @JsonProperty("pages") int pages) {
    }

    public record FetchResult(
            boolean success,
            @JsonProperty("marketplace_id") String marketplaceId,
            @JsonProperty("start_date") String startDate,
            @JsonProperty("end_date") String endDate,
            @JsonProperty("orders") List<Order> orders,
            @JsonProperty("order_items") List<OrderItemRow> orderItems,
            @JsonProperty("failed_orders") List<String> failedOrders,
            @JsonProperty("statistics") Statistics statistics,
            @JsonProperty("processed_data") ProcessedData processedData) {
    }

    private final SpApiCaller caller;
    private final SpApiEndpoints endpoints;
    private final ConnectionService connectionService;
    private final AmazonConnectionRepository connections;
    private final OrderStore store;
    private final ProcessedCache cache;
    private final ExportService exportService;
    private final ConnectorConfig config;

    public OrderFetchService(SpApiCaller caller, SpApiEndpoints endpoints, ConnectionService connectionService,
            AmazonConnectionRepository connections, OrderStore store, ProcessedCache cache,
            ExportService exportService, ConnectorConfig config) {
        this.cache = cache;
        this.exportService = exportService;
        this.config = config;
        this.caller = caller;
        this.endpoints = endpoints;
        this.connectionService = connectionService;
        this.connections = connections;
        this.store = store;
    }

    /**
     * The user's stored connection; without one, the `access_token` given for this call only
     * (DESIGN.md); neither: a 400.
     */
    public Uni<AccessTokenSource> tokensFor(UUID userId, String givenAccessToken) {
        return connections.findById(userId).map(connection -> {
            if (connection != null) {
                return connectionService.tokens(userId);
            }
            if (givenAccessToken != null && !givenAccessToken.isBlank()) {
                return AccessTokenSource.fixed(givenAccessToken.trim());
            }
            throw new BadRequestException(ConnectionService.NOT_CONNECTED);
        });
    }

    public Uni<FetchResult> fetch(UUID userId, AccessTokenSource tokens, FetchPlan plan) {
        OrdersV0Api api = endpoints.orders(plan.marketplaceId());
        String bucket = userId.toString();
        List<Order> orders = new ArrayList<>();
        int[] pages = { 0 };
        return ordersPage(api, bucket, tokens, plan, null, orders, pages)
                .flatMap(ignored -> items(api, bucket, tokens, orders))
                .flatMap(items -> save(userId, plan.marketplaceId(), orders, items)
                        .flatMap(saved -> process(userId, plan, orders, items))
                        .map(processed -> {
                            List<OrderItemRow> rows = items.rows();
                            return new FetchResult(true, plan.marketplaceId(), plan.createdAfter().toString(),
                                    plan.createdBefore().toString(), orders, rows, items.failed(),
                                    new Statistics(orders.size(), rows.size(), items.failed().size(), pages[0]),
                                    processed);
                        }));
    }

    /** The rows of both layouts: cached under a new `cache_key`; with `auto_save`, stored as exports too. */
    private Uni<ProcessedData> process(UUID userId, FetchPlan plan, List<Order> orders, Items items) {
        List<ProcessedRow> rows = new ArrayList<>();
        for (Order order : orders) {
            for (OrderItem item : items.byOrder().getOrDefault(order.amazonOrderId(), List.of())) {
                rows.add(row(order, item, plan.marketplaceId()));
            }
        }
        return processRows(userId, plan, rows);
    }

    /** What one window of a background fetch got: counts, and the orders whose items failed. */
    public record WindowResult(int orders, int items, int pages, List<String> failedOrders) {
    }

    /** Fetches and stores one period's orders and items, without processing them (background fetches). */
    public Uni<WindowResult> fetchAndStore(UUID userId, AccessTokenSource tokens, FetchPlan plan) {
        OrdersV0Api api = endpoints.orders(plan.marketplaceId());
        String bucket = userId.toString();
        List<Order> orders = new ArrayList<>();
        int[] pages = { 0 };
        return ordersPage(api, bucket, tokens, plan, null, orders, pages)
                .flatMap(ignored -> items(api, bucket, tokens, orders))
                .flatMap(items -> save(userId, plan.marketplaceId(), orders, items)
                        .map(saved -> new WindowResult(orders.size(), items.rows().size(), pages[0],
                                items.failed())));
    }

    /** The rows of both layouts: cached under a new `cache_key`; with `auto_save`, stored as exports too. */
    public Uni<ProcessedData> processRows(UUID userId, FetchPlan plan, List<ProcessedRow> rows) {
        Instant now = Instant.now();
        String cacheKey = "processed_data_" + plan.marketplaceId() + "_" + now.getEpochSecond();
        Instant expiresAt = now.plus(config.processedTtl());
        ProcessedCache.Info info = new ProcessedCache.Info(cacheKey, plan.marketplaceId(), rows.size(),
                now.toString(), expiresAt.toString());
        Uni<Boolean> saved = plan.autoSave()
                ? exportService.saveAll(userId, cacheKey, plan.marketplaceId(), rows, now.atOffset(ZoneOffset.UTC))
                        .replaceWith(true)
                : Uni.createFrom().item(false);
        return saved.flatMap(wasSaved -> cache.put(userId, new ProcessedCache.Entry(info, rows))
                .map(cached -> new ProcessedData(cacheKey, rows.size(),
                        java.util.Arrays.stream(ExportLayout.values()).map(ExportLayout::dataType).toList(),
                        cached, wasSaved, expiresAt.toString())));
    }

    private static ProcessedRow row(Order order, OrderItem item, String marketplaceId) {
        return new ProcessedRow(order.amazonOrderId(),
                order.marketplaceId() != null ? order.marketplaceId() : marketplaceId,
                order.purchaseDate(), order.lastUpdateDate(), order.orderStatus(), order.fulfillmentChannel(),
                order.salesChannel(), item.orderItemId(), item.asin(), item.sellerSku(), item.title(),
                item.quantityOrdered(), item.quantityShipped(), amount(item.itemPrice()),
                item.itemPrice() == null ? null : item.itemPrice().currencyCode(), amount(item.itemTax()),
                amount(item.promotionDiscount()));
    }

    private static String amount(io.shelfwatch.connector.client.OrdersV0Models.Money money) {
        return money == null ? null : money.amount();
    }

    public record MissingItemsStatistics(
            @JsonProperty("requested_orders") int requestedOrders,
            @JsonProperty("successful_orders") int successfulOrders,
            @JsonProperty("failed_orders_count") int failedOrders,
            @JsonProperty("items_count") int itemsCount) {
    }

    public record MissingItemsResult(
            boolean success,
            @JsonProperty("items") List<OrderItemRow> items,
            @JsonProperty("failed_orders") List<String> failedOrders,
            @JsonProperty("statistics") MissingItemsStatistics statistics) {
    }

    /** Doc B's recovery: the items of orders whose items a fetch could not get; stored like any others. */
    public Uni<MissingItemsResult> fetchMissingItems(UUID userId, AccessTokenSource tokens, String marketplaceId,
            List<String> orderIds) {
        OrdersV0Api api = endpoints.orders(marketplaceId);
        List<Order> orders = orderIds.stream().distinct()
                .map(id -> new Order(id, null, null, null, null, null, null, null, null, marketplaceId)).toList();
        return items(api, userId.toString(), tokens, orders).flatMap(items -> {
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            return Panache.withTransaction(() -> Multi.createFrom().iterable(items.byOrder().entrySet()).onItem()
                    .transformToUniAndConcatenate(entry -> store.upsertItems(userId, entry.getKey(), entry.getValue(),
                            now))
                    .collect().last().replaceWithVoid())
                    .map(saved -> new MissingItemsResult(true, items.rows(), items.failed(),
                            new MissingItemsStatistics(orders.size(), items.byOrder().size(), items.failed().size(),
                                    items.rows().size())));
        });
    }

    /** Page after page until Amazon gives no `NextToken` or `max_orders` is reached. */
    private Uni<Void> ordersPage(OrdersV0Api api, String bucket, AccessTokenSource tokens, FetchPlan plan,
            String nextToken, List<Order> orders, int[] pages) {
        int wanted = plan.maxOrders() == null ? PAGE_SIZE : Math.min(PAGE_SIZE, plan.maxOrders() - orders.size());
        return caller.call(bucket, SpApiOperation.GET_ORDERS, tokens,
                token -> nextToken == null
                        ? api.getOrders(token, plan.marketplaceId(), plan.createdAfter().toString(),
                                plan.createdBefore().toString(), wanted, null)
                        : api.getOrders(token, plan.marketplaceId(), null, null, null, nextToken),
                GetOrdersResponse.class)
                .flatMap(answer -> {
                    pages[0]++;
                    var payload = answer == null ? null : answer.payload();
                    if (payload != null && payload.orders() != null) {
                        for (Order order : payload.orders()) {
                            if (plan.maxOrders() == null || orders.size() < plan.maxOrders()) {
                                orders.add(order);
                            }
                        }
                    }
                    String next = payload == null ? null : payload.nextToken();
                    boolean full = plan.maxOrders() != null && orders.size() >= plan.maxOrders();
                    if (next == null || next.isBlank() || full) {
                        return Uni.createFrom().voidItem();
                    }
                    return ordersPage(api, bucket, tokens, plan, next, orders, pages);
                });
    }

    record Items(List<OrderItemRow> rows, List<String> failed, java.util.Map<String, List<OrderItem>> byOrder) {
    }

    /** Each order's items, one order after another; an order whose items fail is listed, not fatal. */
    private Uni<Items> items(OrdersV0Api api, String bucket, AccessTokenSource tokens, List<Order> orders) {
        Items items = new Items(new ArrayList<>(), new ArrayList<>(), new java.util.LinkedHashMap<>());
        return Multi.createFrom().iterable(orders).onItem().transformToUniAndConcatenate(order -> {
            List<OrderItem> collected = new ArrayList<>();
            return itemsPage(api, bucket, tokens, order.amazonOrderId(), null, collected)
                    .map(ignored -> {
                        items.byOrder().put(order.amazonOrderId(), collected);
                        collected.forEach(item -> items.rows().add(new OrderItemRow(order.amazonOrderId(), item)));
                        return order;
                    })
                    .onFailure(SpApiException.class).recoverWithItem(failure -> {
                        LOG.infof("order items of %s not fetched: %s", order.amazonOrderId(), failure.getMessage());
                        items.failed().add(order.amazonOrderId());
                        return order;
                    });
        }).collect().last().replaceWith(items);
    }

    private Uni<Void> itemsPage(OrdersV0Api api, String bucket, AccessTokenSource tokens, String orderId,
            String nextToken, List<OrderItem> collected) {
        return caller.call(bucket, SpApiOperation.GET_ORDER_ITEMS, tokens,
                token -> api.getOrderItems(token, orderId, nextToken), GetOrderItemsResponse.class)
                .flatMap(answer -> {
                    var payload = answer == null ? null : answer.payload();
                    if (payload != null && payload.orderItems() != null) {
                        collected.addAll(payload.orderItems());
                    }
                    String next = payload == null ? null : payload.nextToken();
                    return next == null || next.isBlank() ? Uni.createFrom().voidItem()
                            : itemsPage(api, bucket, tokens, orderId, next, collected);
                });
    }

    /** One transaction (explicit: called from this bean) for the orders and every item fetched. */
    private Uni<Void> save(UUID userId, String marketplaceId, List<Order> orders, Items items) {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return Panache.withTransaction(() -> store.upsertOrders(userId, marketplaceId, orders, now)
                .flatMap(ignored -> Multi.createFrom().iterable(items.byOrder().entrySet()).onItem()
                        .transformToUniAndConcatenate(entry -> store.upsertItems(userId, entry.getKey(),
                                entry.getValue(), now))
                        .collect().last().replaceWithVoid()));
    }
}
