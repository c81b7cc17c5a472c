package io.shelfwatch.connector.client;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Orders API v0 as amazon-models/ordersV0.json defines it. Every status comes back as a
 * {@link Response} (the default error mapper is off), so the caller reads the rate-limit
 * header and decides on retries itself.
 */
@Path("/orders/v0/orders")
@Produces(MediaType.APPLICATION_JSON)
public interface OrdersV0Api {

    String ACCESS_TOKEN_HEADER = "x-amz-access-token";

    @GET
    Uni<Response> getOrders(@HeaderParam(ACCESS_TOKEN_HEADER) String accessToken,
            @RestQuery("MarketplaceIds") String marketplaceIds,
            @RestQuery("CreatedAfter") String createdAfter,
            @RestQuery("CreatedBefore") String createdBefore,
            @RestQuery("MaxResultsPerPage") Integer maxResultsPerPage,
            @RestQuery("NextToken") String nextToken);

    @GET
    @Path("/{orderId}/orderItems")
    Uni<Response> getOrderItems(@HeaderParam(ACCESS_TOKEN_HEADER) String accessToken,
            @RestPath("orderId") String orderId,
            @RestQuery("NextToken") String nextToken);
}
