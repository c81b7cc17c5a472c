package io.shelfwatch.connector.client;

import io.shelfwatch.connector.client.RateLimiter.Limit;

/** The SP-API operations this service calls, with the rate and burst Amazon documents for each. */
public enum SpApiOperation {
    /** ordersV0.json: 0.0167 requests per second, burst 20. */
    GET_ORDERS("getOrders", new Limit(0.0167, 20)),
    /** ordersV0.json: 0.5 requests per second, burst 30. */
    GET_ORDER_ITEMS("getOrderItems", new Limit(0.5, 30)),
    /** reports_2021-06-30.json: 0.0167 requests per second, burst 15. */
    CREATE_REPORT("createReport", new Limit(0.0167, 15)),
    /** reports_2021-06-30.json: 2 requests per second, burst 15. */
    GET_REPORT("getReport", new Limit(2, 15)),
    /** reports_2021-06-30.json: 0.0167 requests per second, burst 15. */
    GET_REPORT_DOCUMENT("getReportDocument", new Limit(0.0167, 15)),
    /** reports_2021-06-30.json: 0.0222 requests per second, burst 10. */
    CREATE_REPORT_SCHEDULE("createReportSchedule", new Limit(0.0222, 10)),
    /** reports_2021-06-30.json: 0.0222 requests per second, burst 10. */
    GET_REPORT_SCHEDULES("getReportSchedules", new Limit(0.0222, 10)),
    /** reports_2021-06-30.json: 0.0222 requests per second, burst 10. */
    CANCEL_REPORT_SCHEDULE("cancelReportSchedule", new Limit(0.0222, 10));

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
