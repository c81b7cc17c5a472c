package io.shelfwatch.competition.service;

/**
 * The competitor limit of a plan when the caller's account has not reached the local copy yet
 * (DESIGN.md: a lagging projection is answered from the token's claims). Doc E's plan table.
 */
public final class PlanLimits {

    private PlanLimits() {
    }

    public static int maxCompetitors(String plan) {
        if (plan == null) {
            return 3;
        }
        return switch (plan) {
            case "pro" -> 25;
            case "enterprise" -> -1;
            default -> 3;
        };
    }
}
