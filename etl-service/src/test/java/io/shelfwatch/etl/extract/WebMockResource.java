package io.shelfwatch.etl.extract;

import java.util.Map;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/** Starts the shared WireMock before Quarkus and points ASIN-only fetches at it (as amazon.test). */
public class WebMockResource implements QuarkusTestResourceLifecycleManager {

    @Override
    public Map<String, String> start() {
        WebMock.server();
        return Map.of("etl.extract.amazon-base-url", WebMock.url("amazon.test", ""));
    }

    @Override
    public void stop() {
        // The server outlives one Quarkus start: it stops with the JVM.
    }
}
