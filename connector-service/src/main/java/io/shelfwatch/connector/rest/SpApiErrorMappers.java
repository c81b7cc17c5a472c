package io.shelfwatch.connector.rest;

import java.util.LinkedHashMap;
import java.util.Map;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.shelfwatch.connector.client.SpApiException;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * SP-API failures in doc B's shape. As doc B says, Amazon's 4xx (authorization included)
 * surface as 400 and an upstream timeout as 408; Amazon failing is 502, paused calls 503.
 */
public class SpApiErrorMappers {

    @ServerExceptionMapper
    public Response spApi(SpApiException e) {
        int status = e.status();
        int answer = status == 504 ? 408 : status >= 400 && status < 500 ? 400 : status;
        Map<String, Object> details = new LinkedHashMap<>();
        details.put("operation", e.operation());
        details.put("amazon_status", status);
        details.put("errors", e.errors());
        return Response.status(answer).type(MediaType.APPLICATION_JSON_TYPE)
                .entity(new ErrorShapes.ApiError(e.getMessage(), details)).build();
    }
}
