package io.shelfwatch.etl.alerts;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.shelfwatch.etl.messaging.EventEnvelope;
import io.shelfwatch.etl.messaging.OutboxRows;
import io.shelfwatch.etl.pipeline.Observation;
import io.shelfwatch.etl.pipeline.ObservationListener;
import io.shelfwatch.etl.pipeline.Snapshot;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.Row;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Doc E's alert rules, evaluated on every observation that changed a product, inside the
 * pipeline's transaction: a firing is recorded in the rule's history and published on `alerts`
 * (through the outbox) with its owner, exactly once per observation however often it is
 * redelivered. Price rules fire once per crossing ({@link PriceCrossing}); stock rules when the
 * product's stock turns; new-product rules on a store product's first observation. A batch's
 * rules and their stands are read once, and what it changed is written once at its end.
 */
@ApplicationScoped
public class AlertRuleEvaluator implements ObservationListener {

    private static final String STORE_KEY_PREFIX = "store:";

    /** A rule that fired on one observation, with what it saw. */
    private record Firing(AlertRule rule, String message, BigDecimal oldValue, BigDecimal newValue,
            BigDecimal changePercent) {
    }

    /** A rule an observation may fire: through its product (matchKey) or its store (matchCompetitor). */
    private record Match(String matchKey, UUID matchCompetitor, AlertRule rule) {
    }

    /**
     * The active rules the batch's observations may fire: rules on a product by a user who still
     * tracks it, and rules on a competitor store by the store's owner, of users whose plan has
     * alerts (an account not copied yet counts as allowed: it could create them).
     */
    private static final String MATCHING = """
            SELECT m.match_key, m.match_competitor, m.id, m.user_id, m.alert_type, m.threshold, m.product_id,
                   m.competitor_id, m.trigger_count
              FROM (
                SELECT tp.product_key AS match_key, CAST(NULL AS uuid) AS match_competitor, r.*
                  FROM tracked_product tp
                  JOIN alert_rules r ON r.product_id = tp.product_id AND r.user_id = ANY (tp.trackers)
                 WHERE tp.product_key = ANY ($1) AND r.is_active
                UNION ALL
                SELECT CAST(NULL AS text), r.competitor_id, r.*
                  FROM alert_rules r
                  JOIN tracked_competitor tc ON tc.competitor_id = r.competitor_id AND tc.user_id = r.user_id
                 WHERE r.competitor_id = ANY ($2) AND r.is_active
              ) m
             WHERE NOT EXISTS (SELECT 1 FROM accounts a
                                WHERE a.user_id = m.user_id AND (NOT a.alerts_enabled OR NOT a.is_active))
             ORDER BY m.created_at, m.id
            """;
    private static final String STATES = """
            SELECT rule_id, product_key, reference_price, reference_currency, triggered, updated_at
              FROM alert_rule_state WHERE rule_id = ANY ($1) AND product_key = ANY ($2)
            """;
    private static final String SAVE_STATE = """
            INSERT INTO alert_rule_state (rule_id, product_key, reference_price, reference_currency, triggered, updated_at)
            VALUES ($1, $2, CAST($3::text AS numeric), $4, $5, $6)
            ON CONFLICT (rule_id, product_key) DO UPDATE SET reference_price = EXCLUDED.reference_price,
                reference_currency = EXCLUDED.reference_currency, triggered = EXCLUDED.triggered,
                updated_at = EXCLUDED.updated_at
            """;
    private static final String SAVE_HISTORY = """
            INSERT INTO alert_rule_history (id, rule_id, user_id, alert_type, product_key, product_id, asin,
                competitor_id, message, old_value, new_value, change_percent, source_event_id, triggered_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, CAST($10::text AS numeric), CAST($11::text AS numeric),
                CAST($12::text AS numeric), $13, $14)
            """;
    private static final String COUNT_FIRINGS =
            "UPDATE alert_rules SET last_triggered = $2, trigger_count = trigger_count + $3 WHERE id = $1";
    private static final String PRODUCT_ID =
            "SELECT product_id FROM tracked_product WHERE product_key = $1 ORDER BY updated_at DESC LIMIT 1";
    // A store was already known before a day when another of its products was observed on an earlier
    // day: a store's first scan finds every product, and none of them is new.
    private static final String STORE_KNOWN_BEFORE = """
            SELECT EXISTS (SELECT 1 FROM product_latest pl
                             JOIN product_daily_metrics m ON m.product_key = pl.product_key
                            WHERE pl.competitor_id = $1 AND pl.product_key <> $2 AND m.metric_date < $3)
            """;

    /** What the batch's evaluation changed, written once at its end. */
    private static final class Effects {
        final Map<String, AlertRuleState> states = new HashMap<>();
        final Set<String> changedStates = new LinkedHashSet<>();
        final List<Tuple> history = new ArrayList<>();
        final Map<UUID, AlertRule> fired = new LinkedHashMap<>();
        final Map<UUID, Integer> firings = new HashMap<>();
    }

    @Override
    public Uni<Void> changed(SqlConnection conn, List<Observation> observations, OutboxRows outbox) {
        String[] keys = observations.stream().map(Observation::productKey).distinct().toArray(String[]::new);
        UUID[] competitors = observations.stream().map(AlertRuleEvaluator::competitorOf).filter(Objects::nonNull)
                .distinct().toArray(UUID[]::new);
        return conn.preparedQuery(MATCHING).execute(Tuple.of(keys, competitors)).flatMap(rows -> {
            if (rows.size() == 0) {
                return Uni.createFrom().voidItem();
            }
            Map<UUID, AlertRule> rules = new HashMap<>();
            List<Match> matches = new ArrayList<>();
            for (Row row : rows) {
                AlertRule rule = rules.computeIfAbsent(row.getUUID("id"), id -> ruleOf(row));
                matches.add(new Match(row.getString("match_key"), row.getUUID("match_competitor"), rule));
            }
            Effects effects = new Effects();
            UUID[] priceRules = rules.values().stream().filter(r -> RuleShape.PRICE_TYPES.contains(r.alertType))
                    .map(r -> r.id).toArray(UUID[]::new);
            Uni<Void> loaded = priceRules.length == 0 ? Uni.createFrom().voidItem()
                    : conn.preparedQuery(STATES).execute(Tuple.of(priceRules, keys)).invoke(states -> {
                        for (Row row : states) {
                            AlertRuleState state = stateOf(row);
                            effects.states.put(stateKey(state.ruleId, state.productKey), state);
                        }
                    }).replaceWithVoid();
            return loaded.call(() -> {
                // In the order the observations were applied, so a product's chain moves each rule's stand in turn.
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (Observation o : observations) {
                    UUID competitorId = competitorOf(o);
                    for (Match match : matches) {
                        boolean applies = o.productKey().equals(match.matchKey())
                                || (competitorId != null && competitorId.equals(match.matchCompetitor()));
                        if (applies) {
                            chain = chain.call(() -> evaluate(conn, match.rule(), o, competitorId, effects)
                                    .call(firing -> firing == null ? Uni.createFrom().voidItem()
                                            : fire(conn, firing, o, competitorId, effects, outbox)));
                        }
                    }
                }
                return chain;
            }).call(() -> save(conn, effects));
        });
    }

    /** The rule's firing on this observation, or null; a price rule's stand is kept either way. */
    private Uni<Firing> evaluate(SqlConnection conn, AlertRule rule, Observation o, UUID competitorId, Effects effects) {
        Snapshot previous = o.previous();
        Snapshot current = o.current();
        String label = labelOf(o);
        return switch (rule.alertType) {
            case RuleShape.PRICE_DROP, RuleShape.PRICE_INCREASE -> Uni.createFrom().item(price(rule, o, effects, label));
            case RuleShape.OUT_OF_STOCK -> Uni.createFrom().item(previous != null
                    && !StockStatus.out(o.previousStatus(), previous.availability())
                    && StockStatus.out(o.status(), current.availability())
                            ? new Firing(rule, "removed".equals(o.status())
                                    ? label + " was removed from its store"
                                    : label + " is out of stock", null, null, null)
                            : null);
            case RuleShape.BACK_IN_STOCK -> Uni.createFrom().item(previous != null
                    && StockStatus.out(o.previousStatus(), previous.availability())
                    && !StockStatus.out(o.status(), current.availability())
                            ? new Firing(rule, "removed".equals(o.previousStatus())
                                    ? label + " is back in its store"
                                    : label + " is back in stock", null, current.price(), null)
                            : null);
            case RuleShape.NEW_PRODUCT -> newProduct(conn, rule, o, competitorId, label);
            default -> Uni.createFrom().nullItem();
        };
    }

    private Firing price(AlertRule rule, Observation o, Effects effects, String label) {
        if (!"active".equals(o.status()) || rule.threshold == null) {
            return null;
        }
        boolean drop = RuleShape.PRICE_DROP.equals(rule.alertType);
        Snapshot previous = o.previous();
        Snapshot current = o.current();
        BigDecimal previousPrice = previous != null && sameCurrency(previous.currency(), current.currency())
                ? previous.price() : null;
        String key = stateKey(rule.id, o.productKey());
        AlertRuleState stored = effects.states.get(key);
        PriceCrossing.Stand stand = stored == null ? null
                : new PriceCrossing.Stand(stored.referencePrice, stored.referenceCurrency, stored.triggered);
        PriceCrossing.Outcome outcome = PriceCrossing.next(drop, rule.threshold, stand, previousPrice,
                current.price(), current.currency());
        if (outcome == null) {
            return null;
        }
        if (stored == null) {
            AlertRuleState state = new AlertRuleState();
            state.ruleId = rule.id;
            state.productKey = o.productKey();
            take(state, outcome.next());
            effects.states.put(key, state);
            effects.changedStates.add(key);
        } else if (!PriceCrossing.sameStand(stand, outcome.next())) {
            take(stored, outcome.next());
            effects.changedStates.add(key);
        }
        if (!outcome.fired()) {
            return null;
        }
        String currency = current.currency() != null ? " " + current.currency() : "";
        String message = "%s: price %s %s%% from %s to %s%s (your alert: %s%% %s)".formatted(label,
                drop ? "dropped" : "rose", outcome.changePercent().abs().stripTrailingZeros().toPlainString(),
                outcome.reference().toPlainString(), current.price().toPlainString(), currency,
                rule.threshold.stripTrailingZeros().toPlainString(), drop ? "drop" : "rise");
        return new Firing(rule, message, outcome.reference(), current.price(), outcome.changePercent());
    }

    private Uni<Firing> newProduct(SqlConnection conn, AlertRule rule, Observation o, UUID competitorId, String label) {
        if (!o.first() || competitorId == null || !competitorId.equals(rule.competitorId) || !"active".equals(o.status())) {
            return Uni.createFrom().nullItem();
        }
        var day = o.current().observedAt().atOffset(ZoneOffset.UTC).toLocalDate();
        return conn.preparedQuery(STORE_KNOWN_BEFORE).execute(Tuple.of(competitorId, o.productKey(), day)).map(rows -> {
            if (!rows.iterator().next().getBoolean(0)) {
                return null;
            }
            BigDecimal price = o.current().price();
            String at = price == null ? ""
                    : " at " + price.toPlainString() + (o.current().currency() != null ? " " + o.current().currency() : "");
            return new Firing(rule, "New product in the store: " + label + at, null, price, null);
        });
    }

    /** Records the firing for the rule's history and publishes it on `alerts`, in the pipeline's transaction. */
    private Uni<Void> fire(SqlConnection conn, Firing firing, Observation o, UUID competitorId, Effects effects,
            OutboxRows outbox) {
        AlertRule rule = firing.rule();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        Uni<UUID> productId = rule.productId != null ? Uni.createFrom().item(rule.productId)
                : conn.preparedQuery(PRODUCT_ID).execute(Tuple.of(o.productKey()))
                        .map(rows -> rows.size() == 0 ? null : rows.iterator().next().getUUID(0));
        return productId.invoke(pid -> {
            UUID id = UUID.randomUUID();
            effects.history.add(Tuple.from(new Object[] { id, rule.id, rule.userId, rule.alertType, o.productKey(), pid,
                    o.asin(), competitorId, firing.message(), text(firing.oldValue()), text(firing.newValue()),
                    text(firing.changePercent()), o.eventId(), now }));
            rule.lastTriggered = now;
            effects.fired.put(rule.id, rule);
            effects.firings.merge(rule.id, 1, Integer::sum);
            AlertRaised data = new AlertRaised(id, "rule", rule.userId, rule.id, o.productKey(), o.asin(),
                    competitorId, rule.alertType, null, firing.message(), firing.oldValue(), firing.newValue(),
                    firing.changePercent(), now.toInstant());
            outbox.add(AlertRaised.TOPIC, o.productKey(), EventEnvelope.of(AlertRaised.TYPE, data), o.requestId());
        }).replaceWithVoid();
    }

    /** Writes the batch's stands, firings and rule counts, each kind in one round trip. */
    private static Uni<Void> save(SqlConnection conn, Effects effects) {
        List<Tuple> states = effects.changedStates.stream().map(effects.states::get)
                .map(s -> Tuple.of(s.ruleId, s.productKey, text(s.referencePrice), s.referenceCurrency, s.triggered,
                        s.updatedAt))
                .toList();
        List<Tuple> counts = effects.fired.values().stream()
                .map(r -> Tuple.of(r.id, r.lastTriggered, effects.firings.get(r.id)))
                .toList();
        return batch(conn, SAVE_STATE, states)
                .call(() -> batch(conn, SAVE_HISTORY, effects.history))
                .call(() -> batch(conn, COUNT_FIRINGS, counts));
    }

    private static Uni<Void> batch(SqlConnection conn, String sql, List<Tuple> tuples) {
        return tuples.isEmpty() ? Uni.createFrom().voidItem()
                : conn.preparedQuery(sql).executeBatch(tuples).replaceWithVoid();
    }

    private static AlertRule ruleOf(Row row) {
        AlertRule rule = new AlertRule();
        rule.id = row.getUUID("id");
        rule.userId = row.getUUID("user_id");
        rule.alertType = row.getString("alert_type");
        rule.threshold = row.getBigDecimal("threshold");
        rule.productId = row.getUUID("product_id");
        rule.competitorId = row.getUUID("competitor_id");
        rule.triggerCount = row.getInteger("trigger_count");
        rule.active = true;
        return rule;
    }

    private static AlertRuleState stateOf(Row row) {
        AlertRuleState state = new AlertRuleState();
        state.ruleId = row.getUUID("rule_id");
        state.productKey = row.getString("product_key");
        state.referencePrice = row.getBigDecimal("reference_price");
        state.referenceCurrency = row.getString("reference_currency");
        state.triggered = row.getBoolean("triggered");
        state.updatedAt = row.getOffsetDateTime("updated_at");
        return state;
    }

    /** A rule id has a fixed length, so the key cannot be confused whatever the product key holds. */
    private static String stateKey(UUID ruleId, String productKey) {
        return ruleId + ":" + productKey;
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    private static void take(AlertRuleState state, PriceCrossing.Stand stand) {
        state.referencePrice = stand.reference();
        state.referenceCurrency = stand.currency();
        state.triggered = stand.triggered();
        state.updatedAt = OffsetDateTime.now(ZoneOffset.UTC);
    }

    /** The observation's store: from the event, or from a store product's key (`store:{competitor_id}:…`). */
    static UUID competitorOf(Observation o) {
        if (o.competitorId() != null) {
            return o.competitorId();
        }
        String key = o.productKey();
        if (key != null && key.startsWith(STORE_KEY_PREFIX)) {
            int end = key.indexOf(':', STORE_KEY_PREFIX.length());
            if (end > 0) {
                try {
                    return UUID.fromString(key.substring(STORE_KEY_PREFIX.length(), end));
                } catch (IllegalArgumentException notAUuid) {
                    return null;
                }
            }
        }
        return null;
    }

    private static String labelOf(Observation o) {
        String title = o.current().title() != null ? o.current().title()
                : o.previous() != null ? o.previous().title() : null;
        if (title != null) {
            return title.length() > 200 ? title.substring(0, 200) + "…" : title;
        }
        return o.asin() != null ? o.asin() : o.productKey();
    }

    private static boolean sameCurrency(String a, String b) {
        return a == null || b == null || Objects.equals(a, b);
    }
}
