package io.shelfwatch.auth.rest;

import java.time.Instant;
import java.time.temporal.ChronoUnit;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Doc E's `GET /api/v1/health`: answers while the process serves requests. */
@Path("/api/v1/health")
public class HealthResource {

    public record Health(String service, String status, String timestamp) {
    }

    @GET
    public Health health() {
        return new Health("shelfwatch", "ok", Instant.now().truncatedTo(ChronoUnit.SECONDS).toString());
    }
}
