package io.shelfwatch.auth;

import java.util.Arrays;
import java.util.List;

/** The three tiers of doc E's `GET /api/v1/billing/plans`, with their limits (-1 = unlimited). */
public enum Plan {
    FREE("free", "Free", 0, 3, 50, "weekly", false, null,
            List.of("Basic tracking", "No alerts", "No source finding")),
    PRO("pro", "Pro", 29, 25, 2500, "daily", true, 14,
            List.of("Price alerts", "Source finding", "API access")),
    ENTERPRISE("enterprise", "Enterprise", 99, -1, -1, "hourly", true, 14,
            List.of("All alerts + API", "Bulk source finding", "Priority support"));

    public final String tier;
    public final String displayName;
    public final int priceMonthly;
    public final int maxCompetitors;
    public final int maxProducts;
    public final String scanFrequency;
    public final boolean alertsEnabled;
    public final Integer trialDays;
    public final List<String> features;

    Plan(String tier, String displayName, int priceMonthly, int maxCompetitors, int maxProducts,
            String scanFrequency, boolean alertsEnabled, Integer trialDays, List<String> features) {
        this.tier = tier;
        this.displayName = displayName;
        this.priceMonthly = priceMonthly;
        this.maxCompetitors = maxCompetitors;
        this.maxProducts = maxProducts;
        this.scanFrequency = scanFrequency;
        this.alertsEnabled = alertsEnabled;
        this.trialDays = trialDays;
        this.features = features;
    }

    public static Plan ofTier(String tier) {
        return Arrays.stream(values()).filter(p -> p.tier.equals(tier)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown plan tier"));
    }
}
