package io.shelfwatch.gateway.health;

import java.util.Map;

import io.vertx.core.json.JsonObject;

/**
 * The suite's state as GET /health shows it: {@code ok} only when every service and the
 * gateway's Redis are UP, {@code degraded} otherwise (the gateway itself still answers).
 */
public record HealthReport(Map<String, String> services, String redis) {

    public static final String UP = "UP";
    public static final String DOWN = "DOWN";

    public String status() {
        boolean allUp = UP.equals(redis) && services.values().stream().allMatch(UP::equals);
        return allUp ? "ok" : "degraded";
    }

    public JsonObject toJson() {
        JsonObject servicesJson = new JsonObject();
        services.forEach(servicesJson::put);
        return new JsonObject()
                .put("status", status())
                .put("services", servicesJson)
                .put("redis", redis);
    }
}
