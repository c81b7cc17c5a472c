package io.shelfwatch.etl.alerts;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

import org.junit.jupiter.api.Test;

/** Price rules fire once per crossing of their line, never on every update. */
class PriceCrossingTest {

    /** Feeds prices one by one, as the pipeline would, and answers at which of them the rule fired. */
    private static List<Integer> firings(boolean drop, String threshold, double... prices) {
        List<Integer> fired = new ArrayList<>();
        PriceCrossing.Stand stand = null;
        BigDecimal previous = null;
        for (int i = 0; i < prices.length; i++) {
            BigDecimal price = BigDecimal.valueOf(prices[i]);
            PriceCrossing.Outcome outcome = PriceCrossing.next(drop, new BigDecimal(threshold), stand, previous, price, "USD");
            if (outcome.fired()) {
                fired.add(i);
            }
            stand = outcome.next();
            previous = price;
        }
        return fired;
    }

    @Test
    void aFivePercentRuleIgnoresATwoPercentDropAndFiresOnceBelowItsLine() {
        assertEquals(List.of(), firings(true, "5", 100, 98));
        assertEquals(List.of(2), firings(true, "5", 100, 98, 94, 93, 93.5, 90), "below the line it stays quiet");
    }

    @Test
    void aSlowSlideAddsUpFromTheRecentHigh() {
        assertEquals(List.of(3), firings(true, "5", 100, 98, 97, 95));
        assertEquals(List.of(4), firings(true, "5", 100, 110, 108, 106, 104), "the reference follows the price up");
    }

    @Test
    void comingBackOverTheLineArmsTheRuleAgain() {
        assertEquals(List.of(1, 3), firings(true, "5", 100, 94, 96, 94));
    }

    @Test
    void aRiseRuleMirrorsTheDropRule() {
        assertEquals(List.of(2), firings(false, "10", 100, 105, 111, 120, 115));
        assertEquals(List.of(2, 4), firings(false, "10", 100, 95, 105, 100, 110), "measured from the recent low");
        assertEquals(List.of(), firings(false, "10", 100, 80, 70), "a drop never fires a rise rule");
    }

    @Test
    void theFirstMoveIsMeasuredFromThePriceBeforeIt() {
        PriceCrossing.Outcome outcome = PriceCrossing.next(true, new BigDecimal("5"), null,
                new BigDecimal("100.00"), new BigDecimal("80.00"), "USD");
        assertTrue(outcome.fired());
        assertEquals(0, new BigDecimal("-20").compareTo(outcome.changePercent()), "signed, as doc A's change_percent");
        assertEquals(0, new BigDecimal("100").compareTo(outcome.reference()));
    }

    @Test
    void exactlyAtTheThresholdFires() {
        assertEquals(List.of(1), firings(true, "5", 100, 95));
    }

    @Test
    void anotherCurrencyStartsOverWithoutFiring() {
        PriceCrossing.Stand usd = new PriceCrossing.Stand(new BigDecimal("100"), "USD", false);
        PriceCrossing.Outcome outcome = PriceCrossing.next(true, BigDecimal.ONE, usd, null, new BigDecimal("50"), "EUR");
        assertFalse(outcome.fired());
        assertEquals("EUR", outcome.next().currency());
        assertNull(PriceCrossing.next(true, BigDecimal.ONE, usd, null, null, "USD"), "no price, nothing to measure");
    }

    @Test
    void stockTextsAreReadAsStoresWriteThem() {
        assertTrue(StockStatus.out("active", "Currently unavailable."));
        assertTrue(StockStatus.out("active", "https://schema.org/OutOfStock"));
        assertTrue(StockStatus.out("active", "Sold out"));
        assertTrue(StockStatus.out("removed", "In Stock"), "a product that left its store is out of stock");
        assertFalse(StockStatus.out("active", "In Stock"));
        assertFalse(StockStatus.out("active", "Only 3 left in stock - order soon."));
        assertFalse(StockStatus.out("active", null), "unknown is not out");
    }
}
