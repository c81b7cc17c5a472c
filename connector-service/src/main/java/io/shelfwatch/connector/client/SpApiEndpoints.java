package io.shelfwatch.connector.client;

import java.net.URI;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.shelfwatch.connector.config.ConnectorConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** The Orders and Reports clients for a marketplace: SPAPI_ENDPOINT when set, else Amazon's regional endpoint. */
@ApplicationScoped
public class SpApiEndpoints {

    static final String NORTH_AMERICA = "https://sellingpartnerapi-na.amazon.com";
    static final String EUROPE = "https://sellingpartnerapi-eu.amazon.com";
    private static final Set<String> NORTH_AMERICAN_MARKETPLACES = Set.of("ATVPDKIKX0DER", "A2EUQ1WTGCTBG2");

    private final ConnectorConfig config;
    private final Map<String, OrdersV0Api> orders = new ConcurrentHashMap<>();
    private final Map<String, ReportsApi> reports = new ConcurrentHashMap<>();

    public SpApiEndpoints(ConnectorConfig config) {
        this.config = config;
    }

    public String endpointFor(String marketplaceId) {
        return config.spApi().endpoint().filter(e -> !e.isBlank())
                .orElse(NORTH_AMERICAN_MARKETPLACES.contains(marketplaceId) ? NORTH_AMERICA : EUROPE);
    }

    public OrdersV0Api orders(String marketplaceId) {
        return orders.computeIfAbsent(endpointFor(marketplaceId), endpoint -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(endpoint))
                // Every status reaches the caller, which reads Amazon's rate-limit header and retries.
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(OrdersV0Api.class));
    }

    public ReportsApi reports(String marketplaceId) {
        return reports.computeIfAbsent(endpointFor(marketplaceId), endpoint -> QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(endpoint))
                .property("microprofile.rest.client.disable.default.mapper", true)
                .build(ReportsApi.class));
    }
}
