package io.shelfwatch.connector.client;

import io.shelfwatch.connector.client.RateLimiter.Limit;

/** The SP-API operations this service calls, with the rate and burst Amazon documents for each. */
public enum SpApiOperation {
    /** ordersV0.json: 0.0167 requests per second, burst 20. */
    GET_ORDERS("getOrders", new Limit(0.0167, 20)),
    /** ordersV0.json: 0.5 requests per second, burst 30. */
    GET_ORDER_ITEMS("getOrderItems", new Limit(0.5, 30));

    private final String operationId;
    private final Limit limit;

    SpApiOperation(String operationId, Limit limit) {
        this.operationId = operationId;
        this.limit = limit;
    }

    public String operationId() {
        return operationId;
    }

    public Limit limit() {
        return limit;
    }
}
