package io.shelfwatch.etl.ingest;

import java.util.Map;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.smallrye.mutiny.Uni;
import jakarta.annotation.security.RolesAllowed;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;

/** Doc A's `POST /v1/etl/events/ingest`: an observation enters the pipeline like any other source's. */
@Path("/v1/etl/events/ingest")
public class IngestResource {

    /** Doc A's `RawProductEventCreate`. */
    public record RawProductEventCreate(
            @NotNull @Pattern(regexp = "\\s*[A-Za-z0-9]{10}\\s*", message = "must be a 10-character ASIN") String asin,
            @NotBlank @Size(max = 100) String source,
            @NotNull @Pattern(regexp = "product_snapshot|product_removed",
                    message = "must be product_snapshot or product_removed") @JsonProperty("event_type") String eventType,
            @NotNull @ReadableRawData @JsonProperty("raw_data") Map<String, Object> rawData,
            @Size(max = 200) @JsonProperty("job_id") String jobId) {
    }

    public record IngestResponse(
            @JsonProperty("event_id") String eventId,
            @JsonProperty("product_key") String productKey,
            String status) {
    }

    private final RawEventPublisher publisher;
    private final ProductKeys productKeys;

    public IngestResource(RawEventPublisher publisher, ProductKeys productKeys) {
        this.publisher = publisher;
        this.productKeys = productKeys;
    }

    @POST
    @RolesAllowed("admin")
    public Uni<IngestResponse> ingest(@Valid @NotNull RawProductEventCreate request) {
        String asin = ProductKeys.normalizeAsin(request.asin());
        String marketplace = request.rawData().get("marketplace_id") instanceof String m ? m : null;
        RawProductEvent event = new RawProductEvent(productKeys.forAsin(asin, marketplace), asin,
                null, null, request.source(), request.eventType(), request.rawData(), request.jobId());
        return publisher.publish(event)
                .map(sent -> new IngestResponse(sent.eventId().toString(), event.productKey(), "accepted"));
    }
}
