package io.shelfwatch.gateway.support;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Every upstream and Redis pointed at closed ports: the gateway's view of a suite that is down. */
public class UnreachableUpstreams implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        Map<String, String> config = UpstreamProperties.allUnreachable();
        config.put("quarkus.redis.hosts", "redis://127.0.0.1:" + UpstreamProperties.closedPort());
        return config;
    }

    @Override
    public void stop() {
    }
}
