package io.shelfwatch.connector.rest;

import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.shelfwatch.connector.client.SpApiException;
import io.shelfwatch.connector.service.MarketplaceResult;
import io.shelfwatch.connector.service.OperationFailedException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * SP-API failures in doc B's shape. As doc B says, Amazon's 4xx (authorization included)
 * surface as 400 and an upstream timeout as 408; Amazon failing is 502, paused calls 503.
 */
public class SpApiErrorMappers {

    @ServerExceptionMapper
    public Response spApi(SpApiException e) {
        int answer = MarketplaceResult.statusOf(e);
        Map<String, Object> details = MarketplaceResult.details(e);
        return Response.status(answer).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorShapes.ApiError(e.getMessage(), details)).build();
    }

    @ServerExceptionMapper
    public Response operationFailed(OperationFailedException e) {
        return Response.status(e.status()).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorShapes.ApiError(e.getMessage(), e.details())).build();
    }
}
