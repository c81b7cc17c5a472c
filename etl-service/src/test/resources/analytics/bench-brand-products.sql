-- Seeds etl-service's database with one brand of 200 ASINs × 500 search queries × 52 weeks
-- (5.2 million Search Query Performance rows) and its rollups, as loading Amazon's documents would,
-- for timing GET /api/brands/{brandId}/products (issue 9's bench) against the same aggregation as
-- plain SQL (the last statement). Run with psql:
--   psql -v brand_id=<uuid> -v user_id=<owner's user uuid> -f bench-brand-products.sql
-- then GET /api/brands/<brand_id>/products?startDate=2025-01-01&endDate=2025-12-31 as that user.
-- Takes minutes and ~2 GB; run it against a database you may fill.
\set ON_ERROR_STOP on
DELETE FROM analytics_brand WHERE id = :'brand_id';
INSERT INTO analytics_brand (id, user_id, name) VALUES (:'brand_id', :'user_id', 'Bench brand ' || :'brand_id');
INSERT INTO sqp_query_performance (brand_id, report_period, period_start, period_end, asin, search_query,
    search_query_score, search_query_volume, total_impressions, asin_impressions, total_clicks, asin_clicks,
    total_cart_adds, asin_cart_adds, total_purchases, asin_purchases, median_price, currency, revenue_estimate)
SELECT :'brand_id', 'WEEK', DATE '2025-01-05' + 7 * w, DATE '2025-01-05' + 7 * w + 6,
    'B0BENCH' || lpad(a::text, 3, '0'), 'query ' || q, 1, 30000,
    10000 + q, 100 + (a * q + w) % 200, 1000 + q, 10 + (a + q + w) % 30, 200, 3 + (a + w) % 7,
    100, (a + q + w) % 5, 19.99, 'USD', 19.99 * ((a + q + w) % 5)
FROM generate_series(0, 51) w, generate_series(1, 200) a, generate_series(1, 500) q;
-- The rollups, exactly as SqpStore rebuilds them after a load.
INSERT INTO sqp_asin_period (brand_id, report_period, period_start, period_end, asin, impressions,
    query_impressions, clicks, query_clicks, cart_adds, query_cart_adds, purchases, query_purchases, revenue, currency)
SELECT brand_id, report_period, period_start, max(period_end), asin, sum(asin_impressions),
    sum(total_impressions), sum(asin_clicks), sum(total_clicks), sum(asin_cart_adds), sum(total_cart_adds),
    sum(asin_purchases), sum(total_purchases), sum(revenue_estimate), max(currency)
FROM sqp_query_performance WHERE brand_id = :'brand_id'
GROUP BY brand_id, report_period, period_start, asin;
INSERT INTO sqp_brand_period (brand_id, report_period, period_start, period_end, query_impressions,
    query_clicks, query_cart_adds, query_purchases)
SELECT brand_id, report_period, period_start, max(period_end), sum(qi), sum(qc), sum(qca), sum(qp)
FROM (SELECT brand_id, report_period, period_start, max(period_end) AS period_end, search_query,
        max(total_impressions) AS qi, max(total_clicks) AS qc, max(total_cart_adds) AS qca, max(total_purchases) AS qp
      FROM sqp_query_performance WHERE brand_id = :'brand_id'
      GROUP BY brand_id, report_period, period_start, search_query) q
GROUP BY brand_id, report_period, period_start;
VACUUM ANALYZE sqp_query_performance;
ANALYZE sqp_asin_period;
ANALYZE sqp_brand_period;

-- The baseline: the product list's aggregation as plain SQL over the per-query rows.
-- \timing on
-- SELECT asin, sum(asin_impressions), sum(total_impressions), sum(asin_clicks), sum(total_clicks),
--     sum(asin_cart_adds), sum(total_cart_adds), sum(asin_purchases), sum(total_purchases), sum(revenue_estimate)
-- FROM sqp_query_performance WHERE brand_id = :'brand_id' AND period_start >= '2025-01-01'
--     AND period_end <= '2025-12-31' GROUP BY asin;
