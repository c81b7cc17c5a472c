package io.shelfwatch.etl.pipeline;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * The widest values a snapshot may carry on `price.updates`: what every consumer can store.
 * product-service (products, price_points) and competition-service (peer snapshots) keep prices as
 * NUMERIC(14,2) and ratings as NUMERIC(3,2); ranks and counts as INTEGER, which Java's int already
 * bounds. A wider value would be published and then fail their insert (numeric field overflow).
 */
public final class SnapshotLimits {

    /** NUMERIC(14,2): twelve digits before the point. */
    public static final BigDecimal MAX_PRICE = new BigDecimal("999999999999.99");
    /** Amazon's star scale (within NUMERIC(3,2)). */
    public static final BigDecimal MAX_RATING = BigDecimal.valueOf(5);

    private SnapshotLimits() {
    }

    /** Not negative, and no more than MAX_PRICE once rounded to cents as PostgreSQL rounds it. */
    public static boolean isPrice(BigDecimal amount) {
        return amount.signum() >= 0 && amount.setScale(2, RoundingMode.HALF_UP).compareTo(MAX_PRICE) <= 0;
    }

    public static boolean isRating(BigDecimal rating) {
        return rating.signum() >= 0 && rating.compareTo(MAX_RATING) <= 0;
    }
}
