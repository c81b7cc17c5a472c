package io.shelfwatch.competition.service;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Function;

import io.shelfwatch.competition.Analysis;
import io.shelfwatch.competition.ReportEvidence;
import io.shelfwatch.competition.ReportEvidence.CompetitorGap;
import io.shelfwatch.competition.ReportEvidence.DailyMetric;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Writes a report's analysis from the numbers alone, when no LLM is configured or the LLM failed.
 * Deterministic: the same evidence always gives the same analysis.
 */
@ApplicationScoped
public class BuiltInAnalyst {

    /** The name stored as a built-in report's model. */
    public static final String MODEL = "shelfwatch-built-in-analyst-1";

    /** Within this many percent of the competitors' average price counts as parity. */
    private static final double PARITY_PERCENT = 3.0;

    /** How the main product fares against its competitors on one metric: better, worse, of how many. */
    private record Tally(int better, int worse, int known) {

        static Tally of(List<CompetitorGap> gaps, Function<CompetitorGap, ? extends Number> value, boolean lowerIsBetter) {
            int better = 0;
            int worse = 0;
            int known = 0;
            for (CompetitorGap gap : gaps) {
                Number n = value.apply(gap);
                if (n == null) {
                    continue;
                }
                known++;
                int sign = Double.compare(n.doubleValue(), 0.0);
                if (lowerIsBetter ? sign < 0 : sign > 0) {
                    better++;
                } else if (sign != 0) {
                    worse++;
                }
            }
            return new Tally(better, worse, known);
        }

        boolean mostlyWorse() {
            return known > 0 && worse * 2 > known;
        }
    }

    public Analysis analyse(ReportEvidence evidence) {
        String asin = evidence.asinMain();
        DailyMetric latest = evidence.latest();
        List<CompetitorGap> gaps = evidence.competitors();
        Tally rank = Tally.of(gaps, CompetitorGap::bsrGap, true);
        Tally rating = Tally.of(gaps, CompetitorGap::ratingDiff, false);
        Tally reviews = Tally.of(gaps, CompetitorGap::reviewsGap, false);
        Tally price = Tally.of(gaps, CompetitorGap::priceDiff, true);
        Tally buybox = Tally.of(gaps, CompetitorGap::buyboxDiff, true);

        Analysis.PricePosition pricePosition = pricePosition(latest, gaps, price);
        Analysis.MarketPosition marketPosition = marketPosition(rank, rating, reviews);
        List<String> advantages = advantages(evidence, rank, rating, reviews, price, buybox);
        List<String> recommendations = recommendations(evidence, pricePosition, marketPosition, rank, rating, reviews);
        return new Analysis(summary(asin, gaps.size(), latest, pricePosition, marketPosition, rank, rating, reviews),
                pricePosition, marketPosition, advantages, recommendations, confidence(evidence));
    }

    private static Analysis.PricePosition pricePosition(DailyMetric latest, List<CompetitorGap> gaps, Tally price) {
        if (latest == null || latest.price() == null || price.known() == 0) {
            return new Analysis.PricePosition("unknown",
                    "No price is known yet for the product and at least one competitor on the same day.");
        }
        double mainPrice = latest.price().doubleValue();
        double premiumSum = 0;
        int counted = 0;
        for (CompetitorGap gap : gaps) {
            if (gap.priceDiff() == null) {
                continue;
            }
            double competitorPrice = mainPrice - gap.priceDiff().doubleValue();
            if (competitorPrice > 0) {
                premiumSum += gap.priceDiff().doubleValue() / competitorPrice * 100.0;
                counted++;
            }
        }
        if (counted == 0) {
            return new Analysis.PricePosition("unknown", "The competitors' prices could not be derived from the gaps.");
        }
        double premium = premiumSum / counted;
        String assessment = premium > PARITY_PERCENT ? "premium" : premium < -PARITY_PERCENT ? "discount" : "parity";
        String where = Math.abs(premium) < 0.05 ? "at the same price as"
                : percent(Math.abs(premium)) + (premium > 0 ? " above" : " below");
        String details = String.format(Locale.ROOT,
                "At %s %s the product is on average %s %s with a known price (cheaper than %d, dearer than %d).",
                latest.price().toPlainString(), latest.currency() == null ? "" : latest.currency(), where,
                competitors(counted), price.better(), price.worse()).replace("  ", " ");
        return new Analysis.PricePosition(assessment, details);
    }

    private static Analysis.MarketPosition marketPosition(Tally rank, Tally rating, Tally reviews) {
        int known = rank.known() + rating.known() + reviews.known();
        if (known == 0) {
            return new Analysis.MarketPosition("unknown", "No rank, rating or review count is known for both sides yet.");
        }
        int better = rank.better() + rating.better() + reviews.better();
        double share = (double) better / known;
        String assessment = share >= 0.75 ? "leader" : share >= 0.4 ? "competitive" : "challenger";
        List<String> parts = new ArrayList<>();
        if (rank.known() > 0) {
            parts.add("ranks better (Best Sellers Rank) than " + rank.better() + " of " + rank.known());
        }
        if (rating.known() > 0) {
            parts.add("is rated higher than " + rating.better() + " of " + rating.known());
        }
        if (reviews.known() > 0) {
            parts.add("has more reviews than " + reviews.better() + " of " + reviews.known());
        }
        return new Analysis.MarketPosition(assessment, "The product " + String.join(", ", parts) + " competitors.");
    }

    private static List<String> advantages(ReportEvidence evidence, Tally rank, Tally rating, Tally reviews,
            Tally price, Tally buybox) {
        List<String> advantages = new ArrayList<>();
        if (rank.better() > 0) {
            advantages.add("Better Best Sellers Rank than " + share(rank) + ".");
        }
        if (rating.better() > 0) {
            advantages.add("Higher rating than " + share(rating) + ".");
        }
        if (reviews.better() > 0) {
            advantages.add("More reviews than " + share(reviews) + ".");
        }
        if (price.better() > 0) {
            advantages.add("Lower price than " + share(price) + ".");
        }
        if (buybox.better() > 0) {
            advantages.add("Lower buy-box price than " + share(buybox) + ".");
        }
        Integer firstBsr = firstKnown(evidence.mainMetrics(), DailyMetric::bsr);
        DailyMetric latest = evidence.latest();
        if (firstBsr != null && latest != null && latest.bsr() != null && latest.bsr() < firstBsr) {
            advantages.add("Best Sellers Rank improved from " + firstBsr + " to " + latest.bsr() + " over the last "
                    + evidence.days() + " days.");
        }
        return advantages;
    }

    private static List<String> recommendations(ReportEvidence evidence, Analysis.PricePosition price,
            Analysis.MarketPosition market, Tally rank, Tally rating, Tally reviews) {
        List<String> recommendations = new ArrayList<>();
        if (evidence.mainMetrics().isEmpty()) {
            recommendations.add("Track " + evidence.asinMain()
                    + " so its price, rank, rating and reviews are observed; this report has no data on it yet.");
        }
        long unobserved = evidence.competitors().stream().filter(g -> !compared(g)).count();
        if (unobserved > 0) {
            recommendations.add("Track the " + competitors((int) unobserved)
                    + " without observations yet, so they can be compared.");
        }
        if (price.assessment().equals("premium") && !market.assessment().equals("leader")) {
            recommendations.add("Test a lower price: the product costs more than its competitors without leading them"
                    + " on rank, rating and reviews.");
        }
        if (price.assessment().equals("discount") && market.assessment().equals("leader")) {
            recommendations.add("Test a higher price: the product leads its competitors while costing less.");
        }
        if (rank.mostlyWorse()) {
            recommendations.add("Improve the Best Sellers Rank (sponsored ads on the competitors' listings, deals):"
                    + " it trails " + rank.worse() + " of " + rank.known() + " competitors.");
        }
        if (rating.mostlyWorse()) {
            recommendations.add("Raise the rating: read the critical reviews for recurring product or listing issues;"
                    + " it is lower than " + rating.worse() + " of " + rating.known() + " competitors.");
        }
        if (reviews.mostlyWorse()) {
            recommendations.add("Grow the review count (Amazon's Request a Review, Vine): it has fewer reviews than "
                    + reviews.worse() + " of " + reviews.known() + " competitors.");
        }
        recommendations.add("Refresh this report after the next price or rank changes to see their effect.");
        return recommendations;
    }

    private static String summary(String asin, int competitorCount, DailyMetric latest,
            Analysis.PricePosition price, Analysis.MarketPosition market, Tally rank, Tally rating, Tally reviews) {
        if (price.assessment().equals("unknown") && market.assessment().equals("unknown")) {
            return "There is not enough data yet to compare " + asin + " with its " + competitors(competitorCount)
                    + (latest == null ? "; the product itself has not been observed." : "; the competitors have not"
                            + " been observed on a day the product was.");
        }
        String priceText = switch (price.assessment()) {
            case "premium" -> "is priced at a premium";
            case "discount" -> "is priced below its competitors";
            case "parity" -> "is priced in line with its competitors";
            default -> "has no comparable price yet";
        };
        String marketText = market.assessment().equals("unknown") ? "has no comparable rank, rating or reviews yet"
                : standing(rank, rating, reviews);
        return asin + " " + priceText + "; it " + marketText + " (" + competitors(competitorCount) + " linked). "
                + market.details();
    }

    /**
     * Where the product leads and where it trails, metric by metric, from the same tallies as the
     * market details and the advantages, so the summary never contradicts them (a product rated
     * higher but ranked worse leads on rating and trails on rank, whatever its overall assessment).
     */
    private static String standing(Tally rank, Tally rating, Tally reviews) {
        Map<String, Tally> metrics = new LinkedHashMap<>();
        metrics.put("rank", rank);
        metrics.put("rating", rating);
        metrics.put("reviews", reviews);
        List<String> leads = new ArrayList<>();
        List<String> trails = new ArrayList<>();
        List<String> level = new ArrayList<>();
        metrics.forEach((name, tally) -> {
            if (tally.known() == 0) {
                return;
            }
            (tally.better() > tally.worse() ? leads : tally.worse() > tally.better() ? trails : level).add(name);
        });
        List<String> parts = new ArrayList<>();
        if (!leads.isEmpty()) {
            parts.add("leads them on " + enumerate(leads));
        }
        if (!trails.isEmpty()) {
            parts.add("trails them on " + enumerate(trails));
        }
        if (!level.isEmpty()) {
            parts.add("is level with them on " + enumerate(level));
        }
        return enumerate(parts);
    }

    /** "a", "a and b", "a, b and c". */
    private static String enumerate(List<String> items) {
        if (items.size() <= 1) {
            return String.join("", items);
        }
        return String.join(", ", items.subList(0, items.size() - 1)) + " and " + items.get(items.size() - 1);
    }

    /** More observed days and more compared competitors: more confidence; never full certainty from rules. */
    private static BigDecimal confidence(ReportEvidence evidence) {
        int competitors = evidence.competitors().size();
        long compared = evidence.competitors().stream().filter(BuiltInAnalyst::compared).count();
        double days = Math.min(1.0, evidence.mainMetrics().size() / 7.0);
        double coverage = competitors == 0 ? 0 : (double) compared / competitors;
        double value = evidence.mainMetrics().isEmpty() && compared == 0 ? 0.1 : 0.2 + 0.3 * days + 0.4 * coverage;
        return BigDecimal.valueOf(Math.min(0.9, value)).setScale(2, RoundingMode.HALF_UP);
    }

    /** A competitor with at least one gap known (a row with every gap null has not been observed). */
    private static boolean compared(CompetitorGap gap) {
        return gap.priceDiff() != null || gap.bsrGap() != null || gap.ratingDiff() != null || gap.reviewsGap() != null
                || gap.buyboxDiff() != null;
    }

    private static <T> T firstKnown(List<DailyMetric> metrics, Function<DailyMetric, T> value) {
        return metrics.stream().map(value).filter(v -> v != null).findFirst().orElse(null);
    }

    private static String share(Tally tally) {
        return tally.better() == tally.known() ? (tally.known() == 1 ? "its competitor" : "all " + tally.known()
                + " competitors") : tally.better() + " of " + tally.known() + " competitors";
    }

    private static String competitors(int n) {
        return n + (n == 1 ? " competitor" : " competitors");
    }

    private static String percent(double value) {
        return String.format(Locale.ROOT, "%.1f%%", value);
    }
}
