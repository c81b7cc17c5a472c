package io.shelfwatch.product.rest;

import java.util.Map;

import io.quarkus.redis.datasource.ReactiveRedisDataSource;
import io.quarkus.security.Authenticated;
import io.shelfwatch.product.config.ProductConfig;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.Path;

/**
 * The two bounds bench/product-get.sh measures beside the cached product read: a constant
 * answer and one Redis GET, behind the same token check. Off unless product.bench-endpoints=true.
 */
@Path("/internal/bench")
@Authenticated
public class BenchResource {

    private static final Map<String, Object> CONSTANT = Map.of("data", Map.of("asin", "B000000000"), "cached", true);

    private final ReactiveRedisDataSource redis;
    private final ProductConfig config;

    public BenchResource(ReactiveRedisDataSource redis, ProductConfig config) {
        this.redis = redis;
        this.config = config;
    }

    @GET
    @Path("/constant")
    public Map<String, Object> constant() {
        enabled();
        return CONSTANT;
    }

    @GET
    @Path("/redis-get")
    public Uni<String> redisGet() {
        enabled();
        return redis.value(String.class).get(config.redisKeyPrefix() + "bench").map(v -> v == null ? "{}" : v);
    }

    private void enabled() {
        if (!config.benchEndpoints()) {
            throw new NotFoundException();
        }
    }
}
