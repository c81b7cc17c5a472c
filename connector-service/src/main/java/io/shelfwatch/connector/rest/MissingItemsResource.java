package io.shelfwatch.connector.rest;

import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.security.Authenticated;
import io.shelfwatch.connector.service.OrderFetchService;
import io.shelfwatch.connector.service.OrderFetchService.MissingItemsResult;
import io.shelfwatch.connector.service.ActivityService;
import io.shelfwatch.connector.service.ActivityService.Counts;
import io.shelfwatch.connector.service.ActivityService.Outcome;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Doc B's `POST /api/fetch-missing-items/`: order items of the orders named, for those a fetch missed. */
@Path("/api/fetch-missing-items")
@Authenticated
public class MissingItemsResource {

    public record MissingItemsRequest(
            /** Used only when the caller has no stored connection; never stored or logged. */
            @JsonProperty("access_token") String accessToken,
            @NotBlank @Pattern(regexp = Marketplaces.ID_PATTERN, message = "must be one of the marketplace ids doc B lists")
            @JsonProperty("marketplace_id") String marketplaceId,
            @NotEmpty @Size(max = 500) @JsonProperty("order_ids")
            List<@NotBlank @Pattern(regexp = "[0-9A-Za-z-]{1,40}", message = "is not an Amazon order id") String> orderIds) {

        @Override
        public String toString() {
            return "MissingItemsRequest[marketplace_id=" + marketplaceId + ", order_ids=" + orderIds + "]";
        }
    }

    private final OrderFetchService fetcher;
    private final JsonWebToken jwt;
    private final ActivityService activities;

    public MissingItemsResource(OrderFetchService fetcher, JsonWebToken jwt, ActivityService activities) {
        this.activities = activities;
        this.fetcher = fetcher;
        this.jwt = jwt;
    }

    @POST
    public Uni<MissingItemsResult> fetch(@Valid @NotNull MissingItemsRequest request) {
        UUID user = UUID.fromString(jwt.getSubject());
        return activities.record(user, ActivityService.ORDERS, "fetch_missing_items", request.marketplaceId(),
                "Order items of " + request.orderIds().size() + " orders",
                () -> fetcher.tokensFor(user, request.accessToken())
                        .flatMap(tokens -> fetcher.fetchMissingItems(user, tokens, request.marketplaceId(),
                                request.orderIds())),
                result -> new Outcome("Items of " + result.statistics().successfulOrders() + " of "
                        + result.statistics().requestedOrders() + " orders fetched",
                        new Counts(result.statistics().requestedOrders(), result.statistics().itemsCount(), 0,
                                result.statistics().failedOrders()), null));
    }
}
