package io.shelfwatch.gateway.config;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

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

    /** Pooled HTTP/1.1 connections per upstream and event loop (the Vert.x default of 5 is too few for a gateway). */
    @WithDefault("100")
    int upstreamPoolSize();

    /** How long GET /health waits for each service's readiness and for Redis's PING. */
    @WithDefault("2s")
    Duration healthTimeout();

    /** Largest request body the gateway forwards (bytes: by Content-Length up front, counted for a chunked body); larger ones get 413. */
    @WithDefault("2097152")
    long maxBodySize();

    /** Edge verification of bearer JWTs. */
    Jwt jwt();

    /** X-API-Key exchange for a short-lived JWT. */
    ApiKeys apiKeys();

    /** Token-bucket rate limits in Redis. */
    RateLimit rateLimit();

    /** The circuit breaker in front of each upstream. */
    Breaker breaker();

    interface Jwt {
        /** auth-billing's JWKS (env JWKS_URL); unset: AUTH_BILLING_URL + /.well-known/jwks.json. */
        Optional<String> jwksUrl();

        /** Expected iss (env JWT_ISSUER). */
        @WithDefault("shelfwatch")
        String issuer();

        /** Expected aud (env JWT_AUDIENCE). */
        @WithDefault("shelfwatch-api")
        String audience();

        /** How long fetched keys are trusted before they are fetched again. */
        @WithDefault("10m")
        Duration jwksRefresh();

        /** Clock skew tolerated on exp/iat between the issuer and the gateway. */
        @WithDefault("30s")
        Duration clockSkew();

        /** Longest a verified token is remembered (expiry and revocation are still checked on each use). */
        @WithDefault("5m")
        Duration verifiedCacheTtl();

        /** Most verified tokens remembered at once; the least used go first. */
        @WithDefault("10000")
        long verifiedCacheSize();
    }

    interface ApiKeys {
        /** How long an exchanged JWT is reused for the same key (a revocation evicts it at once). */
        @WithDefault("60s")
        Duration cacheTtl();

        /** Longest wait for auth-billing's exchange. */
        @WithDefault("3s")
        Duration exchangeTimeout();
    }

    interface RateLimit {
        /** Refill per minute of an anonymous caller's bucket, per IP (env RATE_LIMIT_ANON_PER_MINUTE). */
        @WithDefault("100")
        int anonPerMinute();

        /** Refill per minute of a signed-in caller's bucket, per user (env RATE_LIMIT_USER_PER_MINUTE). */
        @WithDefault("500")
        int userPerMinute();

        /** Bucket capacity: requests a caller may make at once (env RATE_LIMIT_BURST). */
        @WithDefault("20")
        int burst();

        /** Raw API keys that are never limited, comma-separated (env RATE_LIMIT_EXEMPT_KEYS). */
        Optional<List<String>> exemptKeys();

        /** Longest wait for Redis; past it the request passes (fail open). */
        @WithDefault("250ms")
        Duration redisTimeout();

        /**
         * How long Redis's last answer about a bucket may let a request through without waiting
         * for the next one, while the bucket is at least half full (ratelimit.BucketViews); 0 turns
         * this off, so that every request waits for Redis (env RATE_LIMIT_VIEW_FRESHNESS).
         */
        @WithDefault("100ms")
        Duration viewFreshness();
    }

    interface Breaker {
        /** Consecutive failures (unreachable, timed out) that open an upstream's breaker. */
        @WithDefault("5")
        int failureThreshold();

        /** How long an open breaker answers 503 before it lets one trial request through. */
        @WithDefault("10s")
        Duration resetTimeout();
    }
}
