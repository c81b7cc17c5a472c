package io.shelfwatch.etl.analytics;

import java.util.Map;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonIgnore;
import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * Doc D's navigation context as stored (with its owner) and answered (without). `returnUrl` is
 * relative: the dashboard of the brand with the context.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record NavigationContext(String contextId, UUID ownerId, String fromPage, String brandId, String brandName,
        Range dateRange, Range comparisonRange, Map<String, Object> filters, String targetAsin, String expiresAt) {

    public record Range(String start, String end) {
    }

    /** What GET answers: doc D's NavigationContextResponse. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record View(String contextId, String fromPage, String brandId, String brandName, Range dateRange,
            Range comparisonRange, Map<String, Object> filters, String targetAsin, String expiresAt,
            String returnUrl) {
    }

    public View view() {
        return new View(contextId, fromPage, brandId, brandName, dateRange, comparisonRange, filters, targetAsin,
                expiresAt, returnUrl());
    }

    @JsonIgnore
    public String returnUrl() {
        return (brandId == null ? "/brands" : "/brands/" + brandId) + "?context=" + contextId;
    }

    /** Where POST sends the user: the target ASIN's page when there is one, else back to the brand. */
    @JsonIgnore
    public String navigationUrl() {
        if (targetAsin == null) {
            return returnUrl();
        }
        return "/asin-performance/" + targetAsin + "?context=" + contextId
                + (brandId == null ? "" : "&brandId=" + brandId);
    }
}
