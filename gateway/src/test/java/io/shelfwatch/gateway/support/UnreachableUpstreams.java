package io.shelfwatch.gateway.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Every upstream and Redis pointed at closed ports (only the JWKS answers): the gateway's view of a suite that is down. */
public class UnreachableUpstreams implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = UpstreamProperties.allUnreachable();
        config.put("quarkus.redis.hosts", "redis://127.0.0.1:" + UpstreamProperties.closedPort());
        // Tokens are still verifiable (keys published elsewhere), so the 503s are the upstreams'.
        config.put(JwksServer.PROPERTY, JwksServer.url());
        // Tight limits: with Redis down they must not bite (fail open).
        config.put("gateway.rate-limit.burst", "1");
        config.put("gateway.rate-limit.anon-per-minute", "1");
        config.put("gateway.rate-limit.user-per-minute", "1");
        return config;
    }

    @Override
    public void stop() {
    }
}
