package io.shelfwatch.etl.alerts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Objects;

/**
 * When a price rule fires. A rule measures from a reference price: while armed, the reference
 * follows the price away from the rule's direction (the recent high for a drop, the recent low
 * for a rise), so a slow slide adds up. Once the price is `threshold` % past the reference the
 * rule fires and stays quiet while the price stays past that line; when the price comes back
 * over the line the rule is armed again. So a rule fires once per crossing, never per update.
 */
final class PriceCrossing {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);

    /** Where a rule stands for one product. */
    record Stand(BigDecimal reference, String currency, boolean triggered) {
    }

    /** The rule's next stand, and whether it fired on this observation (then with the move it saw). */
    record Outcome(Stand next, boolean fired, BigDecimal reference, BigDecimal changePercent) {
    }

    private PriceCrossing() {
    }

    /**
     * @param stand         the stored stand, or null when the rule has not seen this product yet
     * @param previousPrice the price before this observation in the same currency, or null
     * @return null when the observation carries no price (nothing to measure)
     */
    static Outcome next(boolean drop, BigDecimal threshold, Stand stand, BigDecimal previousPrice, BigDecimal price,
            String currency) {
        if (price == null) {
            return null;
        }
        if (stand == null) {
            // First sight: measure from the price before this change, so the first move already counts.
            stand = new Stand(previousPrice != null ? previousPrice : price, currency, false);
        } else if (stand.currency() != null && currency != null && !stand.currency().equals(currency)) {
            // Prices in another currency cannot be compared: start over from this one.
            return new Outcome(new Stand(price, currency, false), false, null, null);
        }
        BigDecimal reference = stand.reference();
        if (reference.signum() <= 0) {
            return new Outcome(new Stand(price, currency, false), false, null, null);
        }
        BigDecimal change = price.subtract(reference).multiply(HUNDRED).divide(reference, 2, RoundingMode.HALF_UP);
        BigDecimal exact = price.subtract(reference).multiply(HUNDRED).divide(reference, 10, RoundingMode.HALF_UP);
        boolean past = drop ? exact.negate().compareTo(threshold) >= 0 : exact.compareTo(threshold) >= 0;
        String keptCurrency = currency != null ? currency : stand.currency();
        if (past) {
            return new Outcome(new Stand(reference, keptCurrency, true), !stand.triggered(), reference, change);
        }
        // Not past the line: armed (again), the reference following the price away from the rule's direction.
        BigDecimal followed = drop ? reference.max(price) : reference.min(price);
        return new Outcome(new Stand(followed, keptCurrency, false), false, null, null);
    }

    static boolean sameStand(Stand a, Stand b) {
        return a != null && b != null && a.triggered() == b.triggered() && a.reference().compareTo(b.reference()) == 0
                && Objects.equals(a.currency(), b.currency());
    }
}
