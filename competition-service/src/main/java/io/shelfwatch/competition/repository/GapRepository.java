package io.shelfwatch.competition.repository;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Daily metrics per ASIN and the daily comparisons of linked pairs. Plain SQL: the comparisons
 * are computed set-wise in the database, and read in one query per request.
 */
@ApplicationScoped
@WithSession
public class GapRepository {

    /** One day's comparison of a pair (main − competitor). */
    public record Gap(String asinMain, String competitorAsin, LocalDate day, BigDecimal priceDiff, Integer bsrGap,
            BigDecimal ratingDiff, Integer reviewsGap, BigDecimal buyboxDiff) {
    }

    /** Metrics of one ASIN on one day. */
    public record DailyMetrics(LocalDate day, BigDecimal price, String currency, Integer bsr, BigDecimal rating,
            Integer reviewsCount, BigDecimal buyboxPrice) {
    }

    /**
     * Computes the rows of the (pair, day)s chosen by one of the subqueries below, each from both
     * sides' latest values on or before that day.
     */
    private static final String UPSERT = """
            INSERT INTO competition_daily (asin_main, competitor_asin, day, price_diff, bsr_gap, rating_diff,
                                           reviews_gap, buybox_diff, computed_at)
            SELECT p.asin_main, p.competitor_asin, p.day, m.price - c.price, m.bsr - c.bsr,
                   m.rating - c.rating, m.reviews_count - c.reviews_count, m.buybox_price - c.buybox_price, now()
            FROM (%s) p
            LEFT JOIN LATERAL (SELECT * FROM asin_daily_metrics d WHERE d.asin = p.asin_main
                               AND d.day <= p.day ORDER BY d.day DESC LIMIT 1) m ON true
            LEFT JOIN LATERAL (SELECT * FROM asin_daily_metrics d WHERE d.asin = p.competitor_asin
                               AND d.day <= p.day ORDER BY d.day DESC LIMIT 1) c ON true
            WHERE m.asin IS NOT NULL OR c.asin IS NOT NULL
            ON CONFLICT (asin_main, competitor_asin, day) DO UPDATE SET
                price_diff = EXCLUDED.price_diff, bsr_gap = EXCLUDED.bsr_gap, rating_diff = EXCLUDED.rating_diff,
                reviews_gap = EXCLUDED.reviews_gap, buybox_diff = EXCLUDED.buybox_diff,
                computed_at = EXCLUDED.computed_at
            """;
    /**
     * Every pair the ASIN is in, on the observation's day and on each later day already computed
     * (those carried the older value forward; a late observation must reach them too).
     */
    private static final String PAIR_DAYS_OF_ASIN = """
            SELECT DISTINCT l.asin_main, l.competitor_asin, d.day
            FROM (SELECT DISTINCT asin_main, competitor_asin FROM competitor_links
                  WHERE asin_main = :asin OR competitor_asin = :asin) l,
            LATERAL (SELECT CAST(:day AS date) AS day
                     UNION SELECT g.day FROM competition_daily g WHERE g.asin_main = l.asin_main
                           AND g.competitor_asin = l.competitor_asin AND g.day > CAST(:day AS date)) d
            """;
    private static final String ALL_PAIRS_ON_DAY = "SELECT DISTINCT asin_main, competitor_asin, CAST(:day AS date) AS day"
            + " FROM competitor_links";

    /** Keeps the day's last observation of an ASIN; an older one for the same day changes nothing. */
    public Uni<Integer> upsertDailyMetrics(String asin, OffsetDateTime observedAt, BigDecimal price, String currency,
            Integer bsr, BigDecimal rating, Integer reviewsCount, BigDecimal buyboxPrice) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                INSERT INTO asin_daily_metrics (asin, day, price, currency, bsr, rating, reviews_count, buybox_price,
                                                observed_at)
                VALUES (:asin, :day, :price, :currency, :bsr, :rating, :reviews, :buybox, :observed)
                ON CONFLICT (asin, day) DO UPDATE SET price = EXCLUDED.price, currency = EXCLUDED.currency,
                    bsr = EXCLUDED.bsr, rating = EXCLUDED.rating, reviews_count = EXCLUDED.reviews_count,
                    buybox_price = EXCLUDED.buybox_price, observed_at = EXCLUDED.observed_at
                WHERE asin_daily_metrics.observed_at <= EXCLUDED.observed_at
                """)
                .setParameter("asin", asin)
                .setParameter("day", observedAt.withOffsetSameInstant(ZoneOffset.UTC).toLocalDate())
                .setParameter("price", price)
                .setParameter("currency", currency)
                .setParameter("bsr", bsr)
                .setParameter("rating", rating)
                .setParameter("reviews", reviewsCount)
                .setParameter("buybox", buyboxPrice)
                .setParameter("observed", observedAt)
                .executeUpdate());
    }

    /** Recomputes the comparisons of every pair the ASIN is in, on either side, from that day on. */
    public Uni<Integer> recomputePairsOf(String asin, LocalDate day) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(UPSERT.formatted(PAIR_DAYS_OF_ASIN))
                .setParameter("asin", asin).setParameter("day", day).executeUpdate());
    }

    /** Rebuilds one day for every linked pair; answers how many comparisons were written. */
    public Uni<Integer> rebuildDay(LocalDate day) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(UPSERT.formatted(ALL_PAIRS_ON_DAY))
                .setParameter("day", day).executeUpdate());
    }

    /** Drops comparisons of pairs no one links any more. */
    public Uni<Integer> removeUnlinked(String asinMain) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                DELETE FROM competition_daily g WHERE g.asin_main = :main AND NOT EXISTS (
                    SELECT 1 FROM competitor_links l WHERE l.asin_main = g.asin_main
                    AND l.competitor_asin = g.competitor_asin)
                """).setParameter("main", asinMain).executeUpdate());
    }

    /** The main ASINs whose comparisons an observation of this ASIN changes (itself included). */
    public Uni<List<String>> mainsAffectedBy(String asin) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                "SELECT DISTINCT asin_main FROM competitor_links WHERE competitor_asin = :asin", String.class)
                .setParameter("asin", asin).getResultList())
                .map(mains -> {
                    List<String> all = new java.util.ArrayList<>(mains);
                    if (!all.contains(asin)) {
                        all.add(asin);
                    }
                    return all;
                });
    }

    public Uni<List<String>> allMains() {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(
                "SELECT DISTINCT asin_main FROM competitor_links", String.class).getResultList());
    }

    /** Each competitor the user links to the main ASIN, with its latest comparison since `from` (nulls if none). */
    @SuppressWarnings("unchecked")
    public Uni<List<Gap>> latestGaps(UUID userId, String asinMain, LocalDate from) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                SELECT l.asin_main, l.competitor_asin, g.day, g.price_diff, g.bsr_gap, g.rating_diff, g.reviews_gap,
                       g.buybox_diff
                FROM competitor_links l
                LEFT JOIN LATERAL (SELECT * FROM competition_daily g WHERE g.asin_main = l.asin_main
                                   AND g.competitor_asin = l.competitor_asin AND g.day >= :from
                                   ORDER BY g.day DESC LIMIT 1) g ON true
                WHERE l.user_id = :user AND l.asin_main = :main
                ORDER BY l.created_at, l.competitor_asin
                """, Object[].class)
                .setParameter("user", userId).setParameter("main", asinMain).setParameter("from", from)
                .getResultList())
                .map(rows -> rows.stream().map(GapRepository::gap).toList());
    }

    /** The daily comparisons of the user's pairs for the main ASIN since `from`, newest first. */
    public Uni<List<Gap>> history(UUID userId, String asinMain, LocalDate from, String competitorAsin) {
        String sql = """
                SELECT g.asin_main, g.competitor_asin, g.day, g.price_diff, g.bsr_gap, g.rating_diff, g.reviews_gap,
                       g.buybox_diff
                FROM competition_daily g
                JOIN competitor_links l ON l.asin_main = g.asin_main AND l.competitor_asin = g.competitor_asin
                     AND l.user_id = :user
                WHERE g.asin_main = :main AND g.day >= :from %s
                ORDER BY g.day DESC, g.competitor_asin
                """.formatted(competitorAsin == null ? "" : "AND g.competitor_asin = :competitor");
        return Panache.getSession().flatMap(s -> {
            var query = s.createNativeQuery(sql, Object[].class)
                    .setParameter("user", userId).setParameter("main", asinMain).setParameter("from", from);
            if (competitorAsin != null) {
                query.setParameter("competitor", competitorAsin);
            }
            return query.getResultList();
        }).map(rows -> rows.stream().map(GapRepository::gap).toList());
    }

    /** The ASIN's daily metrics since `from`, oldest first (a report's evidence). */
    public Uni<List<DailyMetrics>> metricsSince(String asin, LocalDate from) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery("""
                SELECT day, price, currency, bsr, rating, reviews_count, buybox_price FROM asin_daily_metrics
                WHERE asin = :asin AND day >= :from ORDER BY day
                """, Object[].class).setParameter("asin", asin).setParameter("from", from).getResultList())
                .map(rows -> rows.stream().map(r -> new DailyMetrics(date(r[0]), (BigDecimal) r[1], (String) r[2],
                        integer(r[3]), (BigDecimal) r[4], integer(r[5]), (BigDecimal) r[6])).toList());
    }

    private static Gap gap(Object[] r) {
        return new Gap((String) r[0], (String) r[1], date(r[2]), (BigDecimal) r[3], integer(r[4]), (BigDecimal) r[5],
                integer(r[6]), (BigDecimal) r[7]);
    }

    private static LocalDate date(Object value) {
        if (value == null) {
            return null;
        }
        return value instanceof java.sql.Date sql ? sql.toLocalDate() : (LocalDate) value;
    }

    private static Integer integer(Object value) {
        return value == null ? null : ((Number) value).intValue();
    }
}
