package io.shelfwatch.gateway.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.ServerSocket;
import java.util.HashMap;
import java.util.Map;

import io.shelfwatch.gateway.routing.Upstream;

/** The gateway.* property that holds each upstream's URL, for test resources to rebind. */
public final class UpstreamProperties {

    private UpstreamProperties() {
    }

    public static String urlProperty(Upstream upstream) {
        return switch (upstream) {
            case AUTH_BILLING -> "gateway.auth-billing-url";
            case PRODUCT -> "gateway.product-service-url";
            case ETL -> "gateway.etl-service-url";
            case COMPETITION -> "gateway.competition-service-url";
            case CONNECTOR -> "gateway.connector-service-url";
        };
    }

    /** Every upstream pointed at a port nobody listens on; callers override the ones they serve. */
    public static Map<String, String> allUnreachable() {
        Map<String, String> config = new HashMap<>();
        for (Upstream upstream : Upstream.values()) {
            config.put(urlProperty(upstream), "http://127.0.0.1:" + closedPort());
        }
        return config;
    }

    /** A port that was free a moment ago: connecting to it is refused. */
    public static int closedPort() {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
