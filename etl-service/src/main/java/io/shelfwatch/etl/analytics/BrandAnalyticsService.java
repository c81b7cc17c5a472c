package io.shelfwatch.etl.analytics;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.function.BiConsumer;

import io.shelfwatch.etl.analytics.AnalyticsReadRepository.AsinTotals;
import io.shelfwatch.etl.analytics.AnalyticsReadRepository.PeriodTotals;
import io.shelfwatch.etl.analytics.AnalyticsReadRepository.QueryTotals;
import io.shelfwatch.etl.analytics.BrandAnalyticsViews.AggregatedMetrics;
import io.shelfwatch.etl.analytics.BrandAnalyticsViews.BrandProductsResponse;
import io.shelfwatch.etl.analytics.BrandAnalyticsViews.Comparison;
import io.shelfwatch.etl.analytics.BrandAnalyticsViews.DateRangeView;
import io.shelfwatch.etl.analytics.BrandAnalyticsViews.DetailedSegment;
import io.shelfwatch.etl.analytics.BrandAnalyticsViews.MarketShare;
import io.shelfwatch.etl.analytics.BrandAnalyticsViews.Pagination;
import io.shelfwatch.etl.analytics.BrandAnalyticsViews.ProductView;
import io.shelfwatch.etl.analytics.BrandAnalyticsViews.SegmentDataResponse;
import io.shelfwatch.etl.analytics.BrandAnalyticsViews.SegmentQuery;
import io.shelfwatch.etl.analytics.BrandAnalyticsViews.SegmentSummary;
import io.shelfwatch.etl.analytics.Params.DateRange;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Doc D's brand product list and product segments, computed from the rollups. */
@ApplicationScoped
public class BrandAnalyticsService {

    public static final Set<String> SORT_FIELDS = Set.of("asin", "title", "impressions", "clicks", "purchases", "revenue");
    public static final int MAX_LIMIT = 100;
    private static final int TOP_QUERIES = 10;
    /** Product lists show weekly segments up to a quarter, monthly ones beyond. */
    private static final long WEEKLY_SUMMARY_MAX_DAYS = 92;

    public record ProductsQuery(DateRange range, DateRange comparison, boolean includePerformance,
            boolean includeSegments, Segments.Type segmentType, String sortBy, boolean descending, int limit,
            int offset) {
    }

    public record SegmentsQuery(DateRange range, DateRange comparison, Segments.Type type) {
    }

    private record Item(String asin, String title, Totals now, Totals then, String currency) {
    }

    private final BrandRepository brands;
    private final AnalyticsReadRepository reads;

    public BrandAnalyticsService(BrandRepository brands, AnalyticsReadRepository reads) {
        this.brands = brands;
        this.reads = reads;
    }

    public Uni<Brand> ownedBrand(UUID userId, UUID brandId) {
        return brands.findOwned(brandId, userId).map(brand -> {
            if (brand == null) {
                throw AnalyticsException.brandNotFound();
            }
            return brand;
        });
    }

    public Uni<BrandProductsResponse> products(UUID userId, UUID brandId, ProductsQuery q) {
        // The reporting period of each range first, then every sum at once: three round trips in all.
        return ownedBrand(userId, brandId).flatMap(brand -> Uni.combine().all().unis(
                reads.granularity(brandId, q.range().start(), q.range().end()),
                q.comparison() == null ? Uni.createFrom().<String>nullItem()
                        : reads.granularity(brandId, q.comparison().start(), q.comparison().end()))
                .asTuple()
                .flatMap(periods -> Uni.combine().all().unis(
                        reads.asinTotals(brandId, periods.getItem1(), q.range().start(), q.range().end()),
                        q.comparison() == null ? Uni.createFrom().item(Map.<String, AsinTotals>of())
                                : reads.asinTotals(brandId, periods.getItem2(), q.comparison().start(),
                                        q.comparison().end()),
                        reads.market(brandId, periods.getItem1(), q.range().start(), q.range().end()))
                        .asTuple()
                        .flatMap(t -> list(brand, q, periods.getItem1(), t.getItem1(), t.getItem2(), t.getItem3()))));
    }

    private Uni<BrandProductsResponse> list(Brand brand, ProductsQuery q, String period, Map<String, AsinTotals> now,
            Map<String, AsinTotals> then, Totals market) {
        Set<String> asins = new LinkedHashSet<>(now.keySet());
        asins.addAll(then.keySet());
        // Titles of the whole list only to sort by them; otherwise of the page alone.
        Uni<Map<String, String>> sortTitles = q.sortBy().equals("title") ? reads.titles(List.copyOf(asins))
                : Uni.createFrom().item(Map.of());
        return sortTitles.flatMap(titles -> {
            List<Item> items = new ArrayList<>();
            for (String asin : asins) {
                AsinTotals current = now.get(asin);
                AsinTotals previous = then.get(asin);
                items.add(new Item(asin, titles.getOrDefault(asin, asin),
                        current == null ? Totals.ZERO : current.totals(),
                        previous == null ? Totals.ZERO : previous.totals(),
                        current != null ? current.currency() : previous.currency()));
            }
            items.sort(order(q.sortBy(), q.descending()));
            // In long: an offset near Integer.MAX_VALUE plus the limit would overflow into a negative end.
            List<Item> page = items.subList(Math.min(q.offset(), items.size()),
                    (int) Math.min(items.size(), (long) q.offset() + q.limit()));
            Uni<Map<String, String>> pageTitles = q.sortBy().equals("title") ? Uni.createFrom().item(titles)
                    : reads.titles(page.stream().map(Item::asin).toList());
            return Uni.combine().all().unis(pageTitles, summaries(brand.id(), q, period, page)).asTuple()
                    .map(t -> response(brand, q, items, titled(page, t.getItem1()), t.getItem2(), market));
        });
    }

    private static List<Item> titled(List<Item> page, Map<String, String> titles) {
        return page.stream().map(i -> new Item(i.asin(), titles.getOrDefault(i.asin(), i.asin()), i.now(), i.then(),
                i.currency())).toList();
    }

    private BrandProductsResponse response(Brand brand, ProductsQuery q, List<Item> items, List<Item> page,
            Map<String, List<SegmentSummary>> segments, Totals market) {
        List<ProductView> products = page.stream().map(item -> ProductView.of(item.asin(), item.title(), brand.name(),
                item.now(), item.currency(), q.includePerformance(),
                q.comparison() == null ? null : Comparison.of(item.now(), item.then()),
                q.includeSegments() ? segments.getOrDefault(item.asin(), List.of()) : null)).toList();
        Totals total = items.stream().map(Item::now).reduce(Totals.ZERO, Totals::plus);
        AggregatedMetrics aggregated = new AggregatedMetrics(items.size(), total.impressions(), total.clicks(),
                total.cartAdds(), total.purchases(), total.revenueRounded(), true, total.clickThroughRate(),
                total.overallConversionRate(), new MarketShare(Totals.ratio(total.impressions(), market.queryImpressions()),
                        Totals.ratio(total.clicks(), market.queryClicks()),
                        Totals.ratio(total.purchases(), market.queryPurchases())));
        return new BrandProductsResponse(brand.id().toString(), brand.name(), DateRangeView.of(q.range()),
                DateRangeView.of(q.comparison()), products, items.size(),
                new Pagination(q.limit(), q.offset(), (long) q.offset() + page.size() < items.size()), aggregated);
    }

    /** The type of segment a product list shows: as asked, or weekly up to a quarter and monthly beyond. */
    public static Segments.Type summaryType(ProductsQuery q) {
        if (q.segmentType() != null) {
            return q.segmentType();
        }
        long days = ChronoUnit.DAYS.between(q.range().start(), q.range().end()) + 1;
        return days <= WEEKLY_SUMMARY_MAX_DAYS ? Segments.Type.WEEKLY : Segments.Type.MONTHLY;
    }

    private Uni<Map<String, List<SegmentSummary>>> summaries(UUID brandId, ProductsQuery q, String period,
            List<Item> page) {
        if (!q.includeSegments() || page.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        Segments.Type type = summaryType(q);
        List<Segments.Segment> segments = Segments.of(type, q.range().start(), q.range().end());
        List<String> asins = page.stream().map(Item::asin).toList();
        return reads.periods(brandId, period, q.range().start(), q.range().end(), asins)
                .map(periods -> {
                    Map<String, List<SegmentSummary>> out = new java.util.HashMap<>();
                    for (String asin : asins) {
                        List<PeriodTotals> own = periods.stream().filter(p -> p.asin().equals(asin)).toList();
                        Totals[] sums = bucket(segments, type, own);
                        // Detailed data: figures reported for the segment itself (or finer), not an even share
                        // of a longer period (a month's report spread over its weeks cannot be expanded).
                        boolean[] detailed = new boolean[segments.size()];
                        own.stream().filter(p -> !type.spreads(days(p.start(), p.end())))
                                .forEach(p -> place(segments, type, p.start(), p.end(), p.totals(),
                                        (index, share) -> detailed[index] = true));
                        List<SegmentSummary> summaries = new ArrayList<>();
                        for (int i = 0; i < segments.size(); i++) {
                            Segments.Segment s = segments.get(i);
                            Totals t = sums[i];
                            summaries.add(new SegmentSummary(type.wire, s.label(), s.start().toString(),
                                    s.end().toString(), t.impressions(), t.clicks(), t.cartAdds(), t.purchases(),
                                    t.revenueRounded(), detailed[i]));
                        }
                        out.put(asin, summaries);
                    }
                    return out;
                });
    }

    public Uni<SegmentDataResponse> segments(UUID userId, UUID brandId, String asin, SegmentsQuery q) {
        return ownedBrand(userId, brandId).flatMap(brand -> reads.hasAsin(brandId, asin).flatMap(known -> {
            if (!known) {
                return Uni.createFrom().failure(AnalyticsException.asinNotFound(asin));
            }
            return Uni.combine().all().unis(periodsOf(brandId, asin, q.range()), periodsOf(brandId, asin, q.comparison()),
                    topQueriesOf(brandId, asin, q), reads.titles(List.of(asin))).asTuple().map(t -> {
                        List<Segments.Segment> segments = Segments.of(q.type(), q.range().start(), q.range().end());
                        Totals[] now = bucket(segments, q.type(), t.getItem1());
                        Totals[] then = null;
                        if (q.comparison() != null) {
                            then = bucket(Segments.of(q.type(), q.comparison().start(), q.comparison().end()), q.type(),
                                    t.getItem2());
                        }
                        List<List<SegmentQuery>> top = topBySegment(segments, q.type(), q.range(), t.getItem3());
                        List<DetailedSegment> out = new ArrayList<>();
                        for (int i = 0; i < segments.size(); i++) {
                            Comparison comparison = then == null ? null
                                    : Comparison.of(now[i], i < then.length ? then[i] : Totals.ZERO);
                            out.add(DetailedSegment.of(segments.get(i), now[i], comparison, top.get(i)));
                        }
                        return new SegmentDataResponse(asin, t.getItem4().getOrDefault(asin, asin), brand.id().toString(),
                                brand.name(), DateRangeView.of(q.range()), DateRangeView.of(q.comparison()),
                                q.type().wire, out);
                    });
        }));
    }

    private Uni<List<PeriodTotals>> periodsOf(UUID brandId, String asin, DateRange range) {
        if (range == null) {
            return Uni.createFrom().item(List.of());
        }
        return reads.granularity(brandId, range.start(), range.end())
                .flatMap(period -> reads.periods(brandId, period, range.start(), range.end(), List.of(asin)));
    }

    private Uni<List<QueryTotals>> topQueriesOf(UUID brandId, String asin, SegmentsQuery q) {
        return reads.granularity(brandId, q.range().start(), q.range().end())
                .flatMap(period -> reads.topQueries(brandId, asin, period, q.range().start(), q.range().end(),
                        q.type() == Segments.Type.MONTHLY, TOP_QUERIES));
    }

    /** Sums periods into segments (see {@link #place}). */
    private static Totals[] bucket(List<Segments.Segment> segments, Segments.Type type, List<PeriodTotals> periods) {
        Totals[] sums = new Totals[segments.size()];
        java.util.Arrays.fill(sums, Totals.ZERO);
        for (PeriodTotals p : periods) {
            place(segments, type, p.start(), p.end(), p.totals(), (index, share) -> sums[index] = sums[index].plus(share));
        }
        return sums;
    }

    /**
     * Gives a period's figures to the segments: whole to the segment of its first day when the period is
     * no longer than a segment; otherwise spread evenly over its days, each day's share to the segment
     * that day falls in (a month's report over its weeks, a week's over its days), so the segments add
     * up to the totals wherever they cover the period's days.
     */
    private static void place(List<Segments.Segment> segments, Segments.Type type, LocalDate start, LocalDate end,
            Totals totals, BiConsumer<Integer, Totals> into) {
        int days = days(start, end);
        if (!type.spreads(days)) {
            int index = Segments.indexOf(segments, start);
            if (index >= 0) {
                into.accept(index, totals);
            }
            return;
        }
        for (int d = 0; d < days; d++) {
            int index = Segments.indexOf(segments, start.plusDays(d));
            if (index >= 0) {
                into.accept(index, totals.day(d, days));
            }
        }
    }

    private static int days(LocalDate start, LocalDate end) {
        return (int) ChronoUnit.DAYS.between(start, end) + 1;
    }

    /** Each segment's best queries: the queries' sums placed like the periods', then ranked per segment. */
    private static List<List<SegmentQuery>> topBySegment(List<Segments.Segment> segments, Segments.Type type,
            DateRange range, List<QueryTotals> queries) {
        List<Map<String, Totals>> sums = new ArrayList<>();
        segments.forEach(s -> sums.add(new java.util.LinkedHashMap<>()));
        for (QueryTotals query : queries) {
            // Monthly buckets are month starts, which may lie before the range's first day.
            LocalDate start = query.bucket().isBefore(range.start()) ? range.start() : query.bucket();
            Totals counts = new Totals(query.impressions(), 0, query.clicks(), 0, 0, 0, query.purchases(), 0,
                    java.math.BigDecimal.ZERO);
            place(segments, type, start, query.bucket().plusDays(query.periodDays() - 1L), counts,
                    (index, share) -> sums.get(index).merge(query.searchQuery(), share, Totals::plus));
        }
        Comparator<Map.Entry<String, Totals>> best = Comparator
                .comparingLong((Map.Entry<String, Totals> e) -> e.getValue().purchases()).reversed()
                .thenComparing(Comparator.comparingLong((Map.Entry<String, Totals> e) -> e.getValue().clicks()).reversed())
                .thenComparing(Comparator.comparingLong((Map.Entry<String, Totals> e) -> e.getValue().impressions()).reversed())
                .thenComparing(Map.Entry::getKey);
        return sums.stream().map(bySegment -> bySegment.entrySet().stream().sorted(best).limit(TOP_QUERIES)
                .map(e -> view(e.getKey(), e.getValue().impressions(), e.getValue().clicks(), e.getValue().purchases()))
                .toList()).toList();
    }

    private static SegmentQuery view(String query, long impressions, long clicks, long purchases) {
        return new SegmentQuery(query, impressions, clicks, purchases, Totals.ratio(clicks, impressions),
                Totals.ratio(purchases, impressions));
    }

    private static Comparator<Item> order(String sortBy, boolean descending) {
        Comparator<Item> by = switch (sortBy) {
            case "asin" -> Comparator.comparing(Item::asin);
            case "title" -> Comparator.comparing((Item i) -> i.title().toLowerCase());
            case "impressions" -> Comparator.comparingLong((Item i) -> i.now().impressions());
            case "clicks" -> Comparator.comparingLong((Item i) -> i.now().clicks());
            case "purchases" -> Comparator.comparingLong((Item i) -> i.now().purchases());
            default -> Comparator.comparing((Item i) -> i.now().revenue());
        };
        // Ties keep a stable order (by ASIN) so pages never overlap.
        return (descending ? by.reversed() : by).thenComparing(Item::asin);
    }
}
