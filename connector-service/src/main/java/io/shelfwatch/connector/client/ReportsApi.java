package io.shelfwatch.connector.client;

import org.jboss.resteasy.reactive.RestPath;
import org.jboss.resteasy.reactive.RestQuery;

import io.shelfwatch.connector.client.ReportsModels.CreateReportScheduleSpecification;
import io.shelfwatch.connector.client.ReportsModels.CreateReportSpecification;
import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.DELETE;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Reports API 2021-06-30 as amazon-models/reports_2021-06-30.json defines it. Like
 * {@link OrdersV0Api}, every status comes back as a {@link Response} for {@link SpApiCaller}.
 */
@Path("/reports/2021-06-30")
@Produces(MediaType.APPLICATION_JSON)
public interface ReportsApi {

    /** 202 `{"reportId": …}`. */
    @POST
    @Path("/reports")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> createReport(@HeaderParam(OrdersV0Api.ACCESS_TOKEN_HEADER) String accessToken,
            CreateReportSpecification body);

    /** 200 a `Report` with its `processingStatus`. */
    @GET
    @Path("/reports/{reportId}")
    Uni<Response> getReport(@HeaderParam(OrdersV0Api.ACCESS_TOKEN_HEADER) String accessToken,
            @RestPath("reportId") String reportId);

    /** 200 `{"reportDocumentId", "url", "compressionAlgorithm"?}`; the url is presigned and short-lived. */
    @GET
    @Path("/documents/{reportDocumentId}")
    Uni<Response> getReportDocument(@HeaderParam(OrdersV0Api.ACCESS_TOKEN_HEADER) String accessToken,
            @RestPath("reportDocumentId") String reportDocumentId);

    /** 201 `{"reportScheduleId": …}`. */
    @POST
    @Path("/schedules")
    @Consumes(MediaType.APPLICATION_JSON)
    Uni<Response> createReportSchedule(@HeaderParam(OrdersV0Api.ACCESS_TOKEN_HEADER) String accessToken,
            CreateReportScheduleSpecification body);

    /** 200 `{"reportSchedules": [...]}`; `reportTypes` is required, comma-separated. */
    @GET
    @Path("/schedules")
    Uni<Response> getReportSchedules(@HeaderParam(OrdersV0Api.ACCESS_TOKEN_HEADER) String accessToken,
            @RestQuery("reportTypes") String reportTypes);

    /** 200 with no body. */
    @DELETE
    @Path("/schedules/{reportScheduleId}")
    Uni<Response> cancelReportSchedule(@HeaderParam(OrdersV0Api.ACCESS_TOKEN_HEADER) String accessToken,
            @RestPath("reportScheduleId") String reportScheduleId);
}
