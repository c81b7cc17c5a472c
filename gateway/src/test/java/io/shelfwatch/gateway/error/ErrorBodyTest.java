package io.shelfwatch.gateway.error;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import org.junit.jupiter.api.Test;

import io.vertx.core.json.JsonObject;

class ErrorBodyTest {

    @Test
    void brandsPathsTakeDocDShape() {
        assertEquals(new JsonObject().put("error", "down").put("details", new JsonObject()).put("code", "SERVICE_UNAVAILABLE"),
                new JsonObject(ErrorBody.json("/api/brands/x", 503, "down")));
        assertEquals("GATEWAY_TIMEOUT", new JsonObject(ErrorBody.json("/api/brands", 504, "slow")).getString("code"));
        assertEquals("NOT_FOUND", new JsonObject(ErrorBody.json("/api/brands/", 404, "x")).getString("code"));
    }

    @Test
    void otherApiPathsOutsideV1TakeDocBShape() {
        assertEquals(new JsonObject().put("error", "down").putNull("details"),
                new JsonObject(ErrorBody.json("/api/connect/", 503, "down")));
        assertFalse(new JsonObject(ErrorBody.json("/api/brandsx", 404, "x")).containsKey("code"));
    }

    @Test
    void everythingElseTakesFastApiShape() {
        JsonObject fastApi = new JsonObject().put("detail", "gone");
        assertEquals(fastApi, new JsonObject(ErrorBody.json("/api/v1/products", 404, "gone")));
        assertEquals(fastApi, new JsonObject(ErrorBody.json("/v1/etl/jobs", 404, "gone")));
        assertEquals(fastApi, new JsonObject(ErrorBody.json("/internal/api-keys/exchange", 404, "gone")));
        assertEquals(fastApi, new JsonObject(ErrorBody.json("/apis", 404, "gone")));
    }
}
