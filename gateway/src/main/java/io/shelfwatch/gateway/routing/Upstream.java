package io.shelfwatch.gateway.routing;

import java.util.function.Function;

import io.shelfwatch.gateway.config.GatewayConfig;

/** The services behind the gateway, named as /health reports them. */
public enum Upstream {
    AUTH_BILLING("auth-billing-service", GatewayConfig::authBillingUrl),
    PRODUCT("product-service", GatewayConfig::productServiceUrl),
    ETL("etl-service", GatewayConfig::etlServiceUrl),
    COMPETITION("competition-service", GatewayConfig::competitionServiceUrl),
    CONNECTOR("connector-service", GatewayConfig::connectorServiceUrl);

    private final String serviceName;
    private final Function<GatewayConfig, String> baseUrl;

    Upstream(String serviceName, Function<GatewayConfig, String> baseUrl) {
        this.serviceName = serviceName;
        this.baseUrl = baseUrl;
    }

    public String serviceName() {
        return serviceName;
    }

    /** The configured base URL, without a trailing slash so paths can be appended. */
    public String baseUrl(GatewayConfig config) {
        String url = baseUrl.apply(config);
        return url.endsWith("/") ? url.substring(0, url.length() - 1) : url;
    }
}
