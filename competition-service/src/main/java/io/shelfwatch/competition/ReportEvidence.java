package io.shelfwatch.competition;

import java.math.BigDecimal;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonPropertyOrder;

/**
 * What a competition report is written from, stored with it: the main product's daily metrics
 * of the evidence window (oldest first) and the latest comparison with each linked competitor.
 * Nothing in it depends on when it was assembled, so unchanged data gives identical evidence.
 */
@JsonPropertyOrder({ "asin_main", "days", "main_metrics", "competitors" })
public record ReportEvidence(
        @JsonProperty("asin_main") String asinMain,
        @JsonProperty("days") int days,
        @JsonProperty("main_metrics") List<DailyMetric> mainMetrics,
        @JsonProperty("competitors") List<CompetitorGap> competitors) {

    /** The main product on one day (its last observation of that day). */
    @JsonPropertyOrder({ "date", "price", "currency", "bsr", "rating", "reviews_count", "buybox_price" })
    public record DailyMetric(
            @JsonProperty("date") String date,
            @JsonProperty("price") BigDecimal price,
            @JsonProperty("currency") String currency,
            @JsonProperty("bsr") Integer bsr,
            @JsonProperty("rating") BigDecimal rating,
            @JsonProperty("reviews_count") Integer reviewsCount,
            @JsonProperty("buybox_price") BigDecimal buyboxPrice) {
    }

    /** The latest gaps to one competitor (main − competitor); all null when none is known yet. */
    @JsonPropertyOrder({ "asin", "date", "price_diff", "bsr_gap", "rating_diff", "reviews_gap", "buybox_diff" })
    public record CompetitorGap(
            @JsonProperty("asin") String asin,
            @JsonProperty("date") String date,
            @JsonProperty("price_diff") BigDecimal priceDiff,
            @JsonProperty("bsr_gap") Integer bsrGap,
            @JsonProperty("rating_diff") BigDecimal ratingDiff,
            @JsonProperty("reviews_gap") Integer reviewsGap,
            @JsonProperty("buybox_diff") BigDecimal buyboxDiff) {
    }

    public DailyMetric latest() {
        return mainMetrics.isEmpty() ? null : mainMetrics.get(mainMetrics.size() - 1);
    }
}
