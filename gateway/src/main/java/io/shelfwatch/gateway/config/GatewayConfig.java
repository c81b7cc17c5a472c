package io.shelfwatch.gateway.config;

import java.time.Duration;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/**
 * The gateway's own settings. The upstream URLs are mapped from the suite's environment
 * variables (AUTH_BILLING_URL, ...) in application.properties; the defaults here are the
 * one-machine ports of DESIGN.md.
 */
@ConfigMapping(prefix = "gateway")
public interface GatewayConfig {

    /** Base URL of auth-billing-service (env AUTH_BILLING_URL). */
    @WithDefault("http://127.0.0.1:8081")
    String authBillingUrl();

    /** Base URL of product-service (env PRODUCT_SERVICE_URL). */
    @WithDefault("http://127.0.0.1:8082")
    String productServiceUrl();

    /** Base URL of etl-service (env ETL_SERVICE_URL). */
    @WithDefault("http://127.0.0.1:8083")
    String etlServiceUrl();

    /** Base URL of competition-service (env COMPETITION_SERVICE_URL). */
    @WithDefault("http://127.0.0.1:8084")
    String competitionServiceUrl();

    /** Base URL of connector-service (env CONNECTOR_SERVICE_URL). */
    @WithDefault("http://127.0.0.1:8085")
    String connectorServiceUrl();

    /** Longest wait for a TCP connection to an upstream; past it the client gets 503. */
    @WithDefault("3s")
    Duration connectTimeout();

    /** Longest silence from an upstream once the request is sent; past it the client gets 504. */
    @WithDefault("30s")
    Duration upstreamTimeout();

    /** Pooled HTTP/1.1 connections per upstream (the Vert.x default of 5 is too few for a gateway). */
    @WithDefault("100")
    int upstreamPoolSize();

    /** How long GET /health waits for each service's readiness and for Redis's PING. */
    @WithDefault("2s")
    Duration healthTimeout();
}
