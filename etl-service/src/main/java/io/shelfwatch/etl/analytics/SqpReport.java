package io.shelfwatch.etl.analytics;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

/**
 * One Amazon Search Query Performance report document, checked and flattened: a row per ASIN,
 * search query and period. `asins` are the ASINs the report covers (its reportOptions and its rows),
 * so a restatement replaces exactly what the report speaks for.
 */
public record SqpReport(String reportPeriod, LocalDate start, LocalDate end, String marketplaceId,
        List<String> asins, List<Row> rows, String sha256) {

    public record Row(String asin, LocalDate start, LocalDate end, String searchQuery, Integer score, Long volume,
            long totalImpressions, long asinImpressions, long totalClicks, long asinClicks,
            long totalCartAdds, long asinCartAdds, long totalPurchases, long asinPurchases,
            BigDecimal medianPrice, String currency) {

        /** Amazon reports no revenue: purchases × the ASIN's median purchase price is the estimate. */
        public BigDecimal revenueEstimate() {
            return medianPrice == null ? BigDecimal.ZERO : medianPrice.multiply(BigDecimal.valueOf(asinPurchases));
        }
    }
}
