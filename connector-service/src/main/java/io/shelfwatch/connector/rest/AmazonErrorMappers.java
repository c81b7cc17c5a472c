package io.shelfwatch.connector.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.shelfwatch.connector.client.LwaClient.LwaException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Amazon's refusals in doc B's shape: a credential Amazon rejects (`invalid_grant`,
 * `invalid_client`, …) is the caller's bad input, a 400; Amazon unreachable is a 502.
 * Amazon's error code and description are passed on; the credentials never are.
 */
public class AmazonErrorMappers {

    @ServerExceptionMapper
    public Response lwa(LwaException e) {
        boolean rejected = e.status() >= 400 && e.status() < 500;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("amazon_error", e.error());
        details.put("error_description", e.description());
        details.put("amazon_status", e.status());
        String message = rejected
                ? "Amazon rejected the credentials (" + e.error() + ")"
                : "Login with Amazon is unavailable, try again later";
        return Response.status(rejected ? 400 : 502).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorShapes.ApiError(message, details)).build();
    }
}
