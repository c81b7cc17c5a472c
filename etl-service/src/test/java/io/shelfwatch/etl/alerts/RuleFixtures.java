package io.shelfwatch.etl.alerts;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;

/**
 * The rows other parts of the suite give etl-service, written as their consumers would: the
 * account copy (`account.events`) and who tracks or owns what (`products`, `competitors`).
 */
final class RuleFixtures {

    private RuleFixtures() {
    }

    static void account(UUID userId, String plan, boolean alertsEnabled) {
        sql("""
                INSERT INTO accounts (user_id, email, is_active, is_admin, plan, max_competitors, max_products,
                                      scan_frequency, alerts_enabled, created_at, state_at)
                VALUES (:id, :email, TRUE, FALSE, :plan, 25, 2500, 'daily', :alerts, now(), now())
                ON CONFLICT (user_id) DO UPDATE SET plan = EXCLUDED.plan, alerts_enabled = EXCLUDED.alerts_enabled
                """, Map.of("id", userId, "email", userId + "@example.com", "plan", plan, "alerts", alertsEnabled));
    }

    /** A product tracked by the given users; its product_id as product-service assigned it. */
    static UUID trackedProduct(String productKey, String asin, UUID competitorId, UUID... trackers) {
        UUID productId = UUID.randomUUID();
        Map<String, Object> params = new LinkedHashMap<>();
        params.put("id", productId);
        params.put("key", productKey);
        StringBuilder array = new StringBuilder("ARRAY[");
        for (int i = 0; i < trackers.length; i++) {
            array.append(i == 0 ? "" : ",").append("CAST(:t").append(i).append(" AS uuid)");
            params.put("t" + i, trackers[i]);
        }
        array.append("]::uuid[]");
        String columns = "product_id, product_key, trackers" + (asin != null ? ", asin" : "")
                + (competitorId != null ? ", competitor_id" : "");
        String values = ":id, :key, " + array + (asin != null ? ", :asin" : "") + (competitorId != null ? ", :competitor" : "");
        if (asin != null) {
            params.put("asin", asin);
        }
        if (competitorId != null) {
            params.put("competitor", competitorId);
        }
        sql("INSERT INTO tracked_product (" + columns + ") VALUES (" + values + ")", params);
        return productId;
    }

    static UUID ownedCompetitor(UUID ownerId) {
        UUID competitorId = UUID.randomUUID();
        sql("""
                INSERT INTO tracked_competitor (competitor_id, user_id, name, url, platform, status)
                VALUES (:id, :owner, 'Rival Gadgets', 'https://rival-gadgets.example', 'shopify', 'active')
                """, Map.of("id", competitorId, "owner", ownerId));
        return competitorId;
    }

    static long count(String sql, Map<String, Object> params) {
        try {
            return VertxContextSupport.subscribeAndAwait(() -> Panache.withSession(() -> Panache.getSession()
                    .flatMap(s -> {
                        var query = s.createNativeQuery(sql, Long.class);
                        params.forEach(query::setParameter);
                        return query.getSingleResult();
                    })));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    static void sql(String sql, Map<String, Object> params) {
        try {
            VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> Panache.getSession()
                    .flatMap(s -> {
                        var query = s.createNativeQuery(sql);
                        params.forEach(query::setParameter);
                        return query.executeUpdate();
                    })));
        } catch (Throwable e) {
            throw new IllegalStateException(e);
        }
    }

    static List<Object> loc(Object... parts) {
        return List.of(parts);
    }
}
