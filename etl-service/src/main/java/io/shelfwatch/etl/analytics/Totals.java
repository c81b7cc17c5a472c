package io.shelfwatch.etl.analytics;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Summed counts of an ASIN (or a brand) over some periods, with the query totals they are a share
 * of. Every rate and share is a fraction computed from sums (volume-weighted), and 0 where the
 * denominator is 0.
 */
public record Totals(long impressions, long queryImpressions, long clicks, long queryClicks, long cartAdds,
        long queryCartAdds, long purchases, long queryPurchases, BigDecimal revenue) {

    public static final Totals ZERO = new Totals(0, 0, 0, 0, 0, 0, 0, 0, BigDecimal.ZERO);

    public Totals plus(Totals o) {
        return new Totals(impressions + o.impressions, queryImpressions + o.queryImpressions, clicks + o.clicks,
                queryClicks + o.queryClicks, cartAdds + o.cartAdds, queryCartAdds + o.queryCartAdds,
                purchases + o.purchases, queryPurchases + o.queryPurchases, revenue.add(o.revenue));
    }

    /**
     * The share of day `day` (0-based) of a period `days` long: counts spread evenly, the remainder
     * to the first days, so the days of a period add up to exactly the period.
     */
    public Totals day(int day, int days) {
        return new Totals(spread(impressions, day, days), spread(queryImpressions, day, days),
                spread(clicks, day, days), spread(queryClicks, day, days), spread(cartAdds, day, days),
                spread(queryCartAdds, day, days), spread(purchases, day, days), spread(queryPurchases, day, days),
                revenue.divide(BigDecimal.valueOf(days), 4, RoundingMode.HALF_EVEN));
    }

    private static long spread(long value, int day, int days) {
        return value / days + (day < value % days ? 1 : 0);
    }

    public double clickThroughRate() {
        return ratio(clicks, impressions);
    }

    public double cartAddRate() {
        return ratio(cartAdds, clicks);
    }

    public double purchaseRate() {
        return ratio(purchases, cartAdds);
    }

    public double overallConversionRate() {
        return ratio(purchases, impressions);
    }

    public double impressionShare() {
        return ratio(impressions, queryImpressions);
    }

    public double clickShare() {
        return ratio(clicks, queryClicks);
    }

    public double cartAddShare() {
        return ratio(cartAdds, queryCartAdds);
    }

    public double purchaseShare() {
        return ratio(purchases, queryPurchases);
    }

    public BigDecimal revenueRounded() {
        return revenue.setScale(2, RoundingMode.HALF_EVEN);
    }

    /** numerator / denominator, 0 when the denominator is 0, to 6 decimal places. */
    public static double ratio(double numerator, double denominator) {
        return denominator == 0 ? 0 : round(numerator / denominator, 6);
    }

    public static double round(double value, int places) {
        return BigDecimal.valueOf(value).setScale(places, RoundingMode.HALF_EVEN).doubleValue();
    }
}
