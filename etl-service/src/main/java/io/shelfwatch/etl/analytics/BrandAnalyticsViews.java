package io.shelfwatch.etl.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Doc D's response shapes (camelCase, as the document shows them), plus the fields our deviations add. */
public final class BrandAnalyticsViews {

    private BrandAnalyticsViews() {
    }

    public record DateRangeView(String start, String end) {
        static DateRangeView of(Params.DateRange range) {
            return range == null ? null : new DateRangeView(range.start().toString(), range.end().toString());
        }
    }

    public record Pagination(int limit, int offset, boolean hasMore) {
    }

    public record Change(Number value, Number change, Double changePercent) {
    }

    public record RateChange(double value, double change) {
    }

    public record Rates(RateChange clickThroughRate, RateChange cartAddRate, RateChange purchaseRate,
            RateChange overallConversionRate) {
    }

    @Schema(description = "The comparison period's values: `value` is the comparison period's number, `change` the"
            + " difference current − comparison, `changePercent` that difference as a percentage of the comparison"
            + " value (×100; 0 when the comparison value is 0). Rate changes are differences of fractions.")
    public record Comparison(Change impressions, Change clicks, Change cartAdds, Change purchases, Change revenue,
            Rates rates) {

        static Comparison of(Totals now, Totals then) {
            return new Comparison(change(now.impressions(), then.impressions()), change(now.clicks(), then.clicks()),
                    change(now.cartAdds(), then.cartAdds()), change(now.purchases(), then.purchases()),
                    change(now.revenueRounded(), then.revenueRounded()),
                    new Rates(rate(now.clickThroughRate(), then.clickThroughRate()),
                            rate(now.cartAddRate(), then.cartAddRate()),
                            rate(now.purchaseRate(), then.purchaseRate()),
                            rate(now.overallConversionRate(), then.overallConversionRate())));
        }

        private static Change change(long now, long then) {
            return new Change(then, now - then, percent(now - then, then));
        }

        private static Change change(BigDecimal now, BigDecimal then) {
            return new Change(then, now.subtract(then).setScale(2, RoundingMode.HALF_EVEN),
                    percent(now.subtract(then).doubleValue(), then.doubleValue()));
        }

        private static RateChange rate(double now, double then) {
            return new RateChange(then, Totals.round(now - then, 6));
        }

        private static double percent(double difference, double base) {
            return base == 0 ? 0 : Totals.round(difference / base * 100, 4);
        }
    }

    /** Doc D's `ProductWithMetrics`; the metric fields are left out when `includePerformance=false`. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "A product and its search-query metrics over the date range. Rates and shares are"
            + " fractions (0.05 = 5 %). Shares are volume-weighted: Σ the ASIN's counts / Σ the totals of the queries"
            + " it appeared in (a deliberate deviation from doc D's plain average of per-query shares, so a rare query"
            + " does not weigh as much as a large one). `revenue` is an estimate (Amazon's report has no revenue):"
            + " Σ the ASIN's purchases × its median purchase price per query and period; `revenueEstimated` is"
            + " always true. Division by zero gives 0.")
    public record ProductView(String asin, String productTitle, String brand,
            Long impressions, Long clicks, Long cartAdds, Long purchases, BigDecimal revenue,
            Boolean revenueEstimated, String currencyCode,
            Double clickThroughRate, Double cartAddRate, Double purchaseRate, Double overallConversionRate,
            Double impressionShare, Double clickShare, Double cartAddShare, Double purchaseShare,
            Comparison comparison, List<SegmentSummary> segments) {

        static ProductView of(String asin, String title, String brand, Totals t, String currency, boolean performance,
                Comparison comparison, List<SegmentSummary> segments) {
            if (!performance) {
                return new ProductView(asin, title, brand, null, null, null, null, null, null, null, null, null, null,
                        null, null, null, null, null, null, segments);
            }
            return new ProductView(asin, title, brand, t.impressions(), t.clicks(), t.cartAdds(), t.purchases(),
                    t.revenueRounded(), true, currency, t.clickThroughRate(), t.cartAddRate(), t.purchaseRate(),
                    t.overallConversionRate(), t.impressionShare(), t.clickShare(), t.cartAddShare(),
                    t.purchaseShare(), comparison, segments);
        }
    }

    /** Doc D's `ProductSegmentSummary`. */
    public record SegmentSummary(String segmentType, String segmentLabel, String startDate, String endDate,
            long impressions, long clicks, long cartAdds, long purchases, BigDecimal revenue,
            boolean hasDetailedData) {
    }

    public record MarketShare(double impression, double click, double purchase) {
    }

    /** Doc D's `BrandAggregatedMetrics` over every product in the list (not just the page). */
    @Schema(description = "Totals over every product of the list, not only the page. averageClickThroughRate ="
            + " total clicks / total impressions; averageConversionRate = total purchases / total impressions"
            + " (overall conversion); totalMarketShare = the brand's counts / the totals of every query its products"
            + " appeared in, each query counted once per period. totalRevenue is an estimate (see ProductView).")
    public record AggregatedMetrics(int totalProducts, long totalImpressions, long totalClicks, long totalCartAdds,
            long totalPurchases, BigDecimal totalRevenue, boolean revenueEstimated, double averageClickThroughRate,
            double averageConversionRate, MarketShare totalMarketShare) {
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record BrandProductsResponse(String brandId, String brandName, DateRangeView dateRange,
            DateRangeView comparisonDateRange, List<ProductView> products, int totalCount, Pagination pagination,
            AggregatedMetrics aggregatedMetrics) {
    }

    public record SegmentQuery(String searchQuery, long impressions, long clicks, long purchases,
            double clickThroughRate, double conversionRate) {
    }

    /** Doc D's `DetailedProductSegment`. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    public record DetailedSegment(String segmentLabel, String startDate, String endDate, long impressions,
            long clicks, long cartAdds, long purchases, BigDecimal revenue, boolean revenueEstimated,
            double clickThroughRate, double cartAddRate, double purchaseRate, double overallConversionRate,
            double impressionShare, double clickShare, double cartAddShare, double purchaseShare,
            Comparison comparison, List<SegmentQuery> topQueries) {

        static DetailedSegment of(Segments.Segment s, Totals t, Comparison comparison, List<SegmentQuery> top) {
            return new DetailedSegment(s.detailedLabel(), s.start().toString(), s.end().toString(), t.impressions(),
                    t.clicks(), t.cartAdds(), t.purchases(), t.revenueRounded(), true, t.clickThroughRate(),
                    t.cartAddRate(), t.purchaseRate(), t.overallConversionRate(), t.impressionShare(), t.clickShare(),
                    t.cartAddShare(), t.purchaseShare(), comparison, top);
        }
    }

    @JsonInclude(JsonInclude.Include.NON_NULL)
    @Schema(description = "Doc D's ProductSegmentDataResponse. Amazon reports weeks at the finest: daily segments"
            + " spread each week's counts evenly over its days (the remainder to the first days), so they are"
            + " estimates that add up to the week. topQueries: the ten best queries of the segment by purchases,"
            + " then clicks, then impressions; conversionRate = purchases / impressions.")
    public record SegmentDataResponse(String asin, String productTitle, String brandId, String brandName,
            DateRangeView dateRange, DateRangeView comparisonDateRange, String segmentType,
            List<DetailedSegment> segments) {
    }
}
