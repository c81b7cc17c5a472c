package io.shelfwatch.gateway.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.EnumMap;
import java.util.HashMap;
import java.util.Map;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.shelfwatch.gateway.routing.Upstream;

/**
 * One WireMock per upstream service, the gateway's gateway.* URLs rebound to them.
 * Each answers every request with 202, {@code X-Upstream: <service>} and a body naming
 * itself, and its readiness with 200; tests add stubs of higher priority and call
 * {@link #resetAll()} afterwards.
 */
public class WireMockUpstreams implements QuarkusTestResourceLifecycleManager {

    public static final int PROXIED_STATUS = 202;
    public static final String UPSTREAM_HEADER = "X-Upstream";
    public static final String READINESS_PATH = "/q/health/ready";

    private static final Map<Upstream, WireMockServer> SERVERS = new EnumMap<>(Upstream.class);

    @Override
    public Map<String, String> start() {
        Map<String, String> config = new HashMap<>();
        for (Upstream upstream : Upstream.values()) {
            WireMockServer server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
            SERVERS.put(upstream, server);
            config.put(UpstreamProperties.urlProperty(upstream), "http://127.0.0.1:" + server.port());
        }
        config.put(JwksServer.PROPERTY, JwksServer.url());
        resetAll();
        return config;
    }

    @Override
    public void stop() {
        SERVERS.values().forEach(WireMockServer::stop);
        SERVERS.clear();
    }

    public static WireMockServer server(Upstream upstream) {
        return SERVERS.get(upstream);
    }

    /** Back to the default stubs, with empty request journals. */
    public static void resetAll() {
        SERVERS.forEach((upstream, server) -> {
            server.resetAll();
            server.stubFor(any(anyUrl()).atPriority(10).willReturn(aResponse()
                    .withStatus(PROXIED_STATUS)
                    .withHeader("Content-Type", "application/json")
                    .withHeader(UPSTREAM_HEADER, upstream.serviceName())
                    .withBody("{\"served_by\":\"" + upstream.serviceName() + "\"}")));
            server.stubFor(get(READINESS_PATH).atPriority(1).willReturn(okJson("{\"status\":\"UP\",\"checks\":[]}")));
        });
    }
}
