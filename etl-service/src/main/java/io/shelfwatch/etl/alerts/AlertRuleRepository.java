package io.shelfwatch.etl.alerts;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class AlertRuleRepository implements PanacheRepositoryBase<AlertRule, UUID> {

    /**
     * The active rules an observation of one product may fire: rules on the product by a user
     * who still tracks it, and rules on its competitor store by the store's owner, of users
     * whose plan has alerts (an account not copied yet counts as allowed: it could create them).
     */
    private static final String MATCHING = """
            SELECT r.* FROM (
                SELECT r.* FROM tracked_product tp
                  JOIN alert_rules r ON r.product_id = tp.product_id AND r.user_id = ANY (tp.trackers)
                 WHERE tp.product_key = :key AND r.is_active
                %s
            ) r
            WHERE NOT EXISTS (SELECT 1 FROM accounts a
                               WHERE a.user_id = r.user_id AND (NOT a.alerts_enabled OR NOT a.is_active))
            ORDER BY r.created_at, r.id
            """;
    private static final String OF_COMPETITOR = """
                UNION ALL
                SELECT r.* FROM alert_rules r
                  JOIN tracked_competitor tc ON tc.competitor_id = r.competitor_id AND tc.user_id = r.user_id
                 WHERE r.competitor_id = :competitor AND r.is_active
            """;

    public Uni<List<AlertRule>> matching(String productKey, UUID competitorId) {
        String sql = MATCHING.formatted(competitorId == null ? "" : OF_COMPETITOR);
        return getSession().flatMap(s -> {
            var query = s.createNativeQuery(sql, AlertRule.class).setParameter("key", productKey);
            if (competitorId != null) {
                query.setParameter("competitor", competitorId);
            }
            return query.getResultList();
        });
    }

    public Uni<AlertRule> findOwned(UUID userId, UUID id) {
        return findById(id).map(rule -> rule != null && rule.userId.equals(userId) ? rule : null);
    }

    public Uni<List<AlertRule>> pageOf(UUID userId, Boolean active, int page, int perPage) {
        return PageWindow.list(query(userId, active), page, perPage);
    }

    public Uni<Long> countOf(UUID userId, Boolean active) {
        return query(userId, active).count();
    }

    private PanacheQuery<AlertRule> query(UUID userId, Boolean active) {
        Sort newestFirst = Sort.descending("createdAt").and("id");
        return active == null
                ? find("userId = :user", newestFirst, Parameters.with("user", userId))
                : find("userId = :user and active = :active", newestFirst,
                        Parameters.with("user", userId).and("active", active));
    }

    /** A deleted user's rules, with their history and state (the foreign keys cascade). */
    public Uni<Long> deleteOfUser(UUID userId) {
        return delete("userId", userId);
    }

    /** A deleted competitor store's rules. */
    public Uni<Long> deleteOfCompetitor(UUID competitorId) {
        return delete("competitorId", competitorId);
    }
}
