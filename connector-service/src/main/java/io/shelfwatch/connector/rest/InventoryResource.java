package io.shelfwatch.connector.rest;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.Authenticated;
import io.shelfwatch.connector.client.ReportsModels;
import io.shelfwatch.connector.client.SpApiEndpoints;
import io.shelfwatch.connector.client.SpApiOperation;
import io.shelfwatch.connector.repository.AmazonConnectionRepository;
import io.shelfwatch.connector.service.InventoryService;
import io.shelfwatch.connector.service.InventoryService.InventoryAnswer;
import io.shelfwatch.connector.service.OrderFetchService;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.BadRequestException;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Doc B's `/api/inventory/reports/`: fetch yesterday's FBA inventory (POST), or what it would use (GET). */
@Path("/api/inventory/reports")
@Authenticated
public class InventoryResource {

    public record InventoryRequest(List<String> marketplaces) {
    }

    private final InventoryService inventory;
    private final OrderFetchService fetcher;
    private final AmazonConnectionRepository connections;
    private final SpApiEndpoints endpoints;
    private final JsonWebToken jwt;

    public InventoryResource(InventoryService inventory, OrderFetchService fetcher,
            AmazonConnectionRepository connections, SpApiEndpoints endpoints, JsonWebToken jwt) {
        this.inventory = inventory;
        this.fetcher = fetcher;
        this.connections = connections;
        this.endpoints = endpoints;
        this.jwt = jwt;
    }

    @POST
    public Uni<InventoryAnswer> fetch(InventoryRequest request) {
        List<String> codes = codes(request == null ? null : request.marketplaces());
        UUID user = UUID.fromString(jwt.getSubject());
        return fetcher.tokensFor(user, null).flatMap(tokens -> inventory.fetchYesterday(user, tokens, codes));
    }

    @GET
    public Uni<Map<String, Object>> describe() {
        UUID user = UUID.fromString(jwt.getSubject());
        return connections.findById(user).map(connection -> {
            Map<String, Object> answer = new LinkedHashMap<>();
            answer.put("success", true);
            answer.put("report_type", ReportsModels.FBA_INVENTORY);
            answer.put("period", "previous day, in each marketplace's time zone");
            answer.put("default_marketplaces", Marketplaces.INVENTORY_CODES);
            Map<String, Object> marketplaces = new LinkedHashMap<>();
            for (String code : Marketplaces.INVENTORY_CODES) {
                String id = Marketplaces.BY_CODE.get(code);
                marketplaces.put(code, Map.of("marketplace_id", id, "endpoint", endpoints.endpointFor(id),
                        "time_zone", Marketplaces.zoneOf(id).getId()));
            }
            answer.put("marketplaces", marketplaces);
            Map<String, Object> credentials = new LinkedHashMap<>();
            credentials.put("connected", connection != null);
            credentials.put("marketplace_id", connection == null ? null : connection.marketplaceId);
            boolean valid = connection != null && connection.accessTokenExpiresAt != null
                    && connection.accessTokenExpiresAt.toInstant().isAfter(Instant.now());
            credentials.put("token_valid", valid);
            credentials.put("expires_at", connection == null || connection.accessTokenExpiresAt == null ? null
                    : connection.accessTokenExpiresAt.toInstant().toString());
            credentials.put("connected_at", connection == null ? null : connection.connectedAt.toInstant().toString());
            answer.put("credentials", credentials);
            Map<String, Object> limits = new LinkedHashMap<>();
            for (SpApiOperation operation : SpApiOperation.values()) {
                if (operation.name().contains("REPORT")) {
                    limits.put(operation.operationId(), Map.of("rate_per_second", operation.limit().rate(), "burst",
                            operation.limit().burst()));
                }
            }
            answer.put("rate_limits", limits);
            return answer;
        });
    }

    /** Doc B's codes; absent or empty = IT, DE, UK; anything else is a 400 naming the valid codes. */
    static List<String> codes(List<String> requested) {
        if (requested == null || requested.isEmpty()) {
            return Marketplaces.INVENTORY_CODES;
        }
        List<String> codes = new ArrayList<>();
        for (String value : requested) {
            String code = value == null ? "" : value.trim().toUpperCase(Locale.ROOT);
            if (!Marketplaces.INVENTORY_CODES.contains(code)) {
                throw new BadRequestException("Unknown marketplace '" + value + "'; valid codes: IT, DE, UK");
            }
            if (!codes.contains(code)) {
                codes.add(code);
            }
        }
        return codes;
    }
}
