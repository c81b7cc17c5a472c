package io.shelfwatch.competition.mapping;

import java.time.Instant;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.shelfwatch.competition.Competitor;
import io.shelfwatch.competition.messaging.EventEnvelope;

/** The records competitor changes are announced with (contracts/schemas/competitors, usage). */
public final class CompetitorEvents {

    public static final String COMPETITORS_TOPIC = "competitors";
    public static final String USAGE_TOPIC = "usage";

    /** `competitors / competitor_state`. */
    public record CompetitorState(
            @JsonProperty("competitor_id") UUID competitorId,
            @JsonProperty("user_id") UUID userId,
            @JsonProperty("name") String name,
            @JsonProperty("url") String url,
            @JsonProperty("platform") String platform,
            @JsonProperty("status") String status,
            @JsonProperty("deleted") boolean deleted,
            @JsonProperty("created_at") Instant createdAt,
            @JsonProperty("updated_at") Instant updatedAt) {
    }

    /** `usage / usage_count` for the metric `competitors`. */
    public record UsageCount(
            @JsonProperty("user_id") UUID userId,
            @JsonProperty("metric") String metric,
            @JsonProperty("count") long count,
            @JsonProperty("limit") int limit,
            @JsonProperty("limit_reached") boolean limitReached) {
    }

    private CompetitorEvents() {
    }

    public static EventEnvelope<CompetitorState> state(Competitor c, boolean deleted) {
        return EventEnvelope.of("competitor_state", new CompetitorState(c.id, c.userId, c.name, c.url, c.platform,
                c.status, deleted, c.createdAt.toInstant(), c.updatedAt.toInstant()));
    }

    public static EventEnvelope<UsageCount> usage(UUID userId, long count, int limit) {
        return EventEnvelope.of("usage_count",
                new UsageCount(userId, "competitors", count, limit, limit != -1 && count >= limit));
    }
}
