package io.shelfwatch.etl.analytics;

import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import io.shelfwatch.etl.rest.ErrorShapes;
import jakarta.ws.rs.core.Response;

/** Maps {@link AnalyticsException} to doc D's error body through the service's one error shape. */
public class AnalyticsErrors {

    @ServerExceptionMapper
    public Response analytics(AnalyticsException e) {
        return ErrorShapes.apiError(e.status(), e.getMessage(), e.details(), e.code());
    }
}
