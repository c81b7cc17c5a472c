package io.shelfwatch.etl.alerts;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

import io.shelfwatch.etl.messaging.EventEnvelope;
import io.shelfwatch.etl.messaging.OutboxWriter;
import io.shelfwatch.etl.pipeline.Observation;
import io.shelfwatch.etl.pipeline.ObservationListener;
import io.shelfwatch.etl.pipeline.Snapshot;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Doc E's alert rules, evaluated on every observation that changed a product, inside the
 * pipeline's transaction: a firing is recorded in the rule's history and published on `alerts`
 * (through the outbox) with its owner, exactly once per observation however often it is
 * redelivered. Price rules fire once per crossing ({@link PriceCrossing}); stock rules when the
 * product's stock turns; new-product rules on a store product's first observation.
 */
@ApplicationScoped
public class AlertRuleEvaluator implements ObservationListener {

    private static final String STORE_KEY_PREFIX = "store:";

    /** A rule that fired on one observation, with what it saw. */
    private record Firing(AlertRule rule, String message, BigDecimal oldValue, BigDecimal newValue,
            BigDecimal changePercent) {
    }

    private final AlertRuleRepository rules;
    private final AlertRuleStateRepository states;
    private final AlertHistoryRepository history;
    private final TrackedTargetRepository targets;
    private final OutboxWriter outbox;

    public AlertRuleEvaluator(AlertRuleRepository rules, AlertRuleStateRepository states,
            AlertHistoryRepository history, TrackedTargetRepository targets, OutboxWriter outbox) {
        this.rules = rules;
        this.states = states;
        this.history = history;
        this.targets = targets;
        this.outbox = outbox;
    }

    @Override
    public Uni<Void> changed(Observation o) {
        UUID competitorId = competitorOf(o);
        return rules.matching(o.productKey(), competitorId).flatMap(matched -> {
            if (matched.isEmpty()) {
                return Uni.createFrom().voidItem();
            }
            boolean anyPriceRule = matched.stream().anyMatch(r -> RuleShape.PRICE_TYPES.contains(r.alertType));
            Uni<Map<UUID, AlertRuleState>> stands = anyPriceRule
                    ? states.ofProduct(o.productKey())
                            .map(list -> list.stream().collect(Collectors.toMap(s -> s.ruleId, Function.identity())))
                    : Uni.createFrom().item(Map.of());
            return stands.flatMap(stored -> {
                Uni<Void> chain = Uni.createFrom().voidItem();
                for (AlertRule rule : matched) {
                    chain = chain.call(() -> evaluate(rule, o, competitorId, stored.get(rule.id))
                            .call(firing -> firing == null ? Uni.createFrom().voidItem() : fire(firing, o, competitorId)));
                }
                return chain;
            });
        });
    }

    /** The rule's firing on this observation, or null; a price rule's stand is saved either way. */
    private Uni<Firing> evaluate(AlertRule rule, Observation o, UUID competitorId, AlertRuleState stored) {
        Snapshot previous = o.previous();
        Snapshot current = o.current();
        String label = labelOf(o);
        return switch (rule.alertType) {
            case RuleShape.PRICE_DROP, RuleShape.PRICE_INCREASE -> price(rule, o, stored, label);
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
            case RuleShape.NEW_PRODUCT -> newProduct(rule, o, competitorId, label);
            default -> Uni.createFrom().nullItem();
        };
    }

    private Uni<Firing> price(AlertRule rule, Observation o, AlertRuleState stored, String label) {
        if (!"active".equals(o.status()) || rule.threshold == null) {
            return Uni.createFrom().nullItem();
        }
        boolean drop = RuleShape.PRICE_DROP.equals(rule.alertType);
        Snapshot previous = o.previous();
        Snapshot current = o.current();
        BigDecimal previousPrice = previous != null && sameCurrency(previous.currency(), current.currency())
                ? previous.price() : null;
        PriceCrossing.Stand stand = stored == null ? null
                : new PriceCrossing.Stand(stored.referencePrice, stored.referenceCurrency, stored.triggered);
        PriceCrossing.Outcome outcome = PriceCrossing.next(drop, rule.threshold, stand, previousPrice,
                current.price(), current.currency());
        if (outcome == null) {
            return Uni.createFrom().nullItem();
        }
        Uni<?> saved;
        if (stored == null) {
            AlertRuleState state = new AlertRuleState();
            state.ruleId = rule.id;
            state.productKey = o.productKey();
            take(state, outcome.next());
            saved = states.persist(state);
        } else {
            if (!PriceCrossing.sameStand(stand, outcome.next())) {
                take(stored, outcome.next());
            }
            saved = Uni.createFrom().voidItem();
        }
        if (!outcome.fired()) {
            return saved.replaceWith((Firing) null);
        }
        String currency = current.currency() != null ? " " + current.currency() : "";
        String message = "%s: price %s %s%% from %s to %s%s (your alert: %s%% %s)".formatted(label,
                drop ? "dropped" : "rose", outcome.changePercent().abs().stripTrailingZeros().toPlainString(),
                outcome.reference().toPlainString(), current.price().toPlainString(), currency,
                rule.threshold.stripTrailingZeros().toPlainString(), drop ? "drop" : "rise");
        return saved.replaceWith(new Firing(rule, message, outcome.reference(), current.price(),
                outcome.changePercent()));
    }

    private Uni<Firing> newProduct(AlertRule rule, Observation o, UUID competitorId, String label) {
        if (!o.first() || competitorId == null || !competitorId.equals(rule.competitorId) || !"active".equals(o.status())) {
            return Uni.createFrom().nullItem();
        }
        var day = o.current().observedAt().atOffset(ZoneOffset.UTC).toLocalDate();
        return targets.storeKnownBefore(competitorId, o.productKey(), day).map(known -> {
            if (!known) {
                return null;
            }
            BigDecimal price = o.current().price();
            String at = price == null ? ""
                    : " at " + price.toPlainString() + (o.current().currency() != null ? " " + o.current().currency() : "");
            return new Firing(rule, "New product in the store: " + label + at, null, price, null);
        });
    }

    /** Records the firing in the rule's history and publishes it on `alerts`, in the pipeline's transaction. */
    private Uni<Void> fire(Firing firing, Observation o, UUID competitorId) {
        AlertRule rule = firing.rule();
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
        Uni<UUID> productId = rule.productId != null ? Uni.createFrom().item(rule.productId)
                : targets.productIdOf(o.productKey());
        return productId.flatMap(pid -> {
            AlertHistoryEntry entry = new AlertHistoryEntry();
            entry.id = UUID.randomUUID();
            entry.ruleId = rule.id;
            entry.userId = rule.userId;
            entry.alertType = rule.alertType;
            entry.productKey = o.productKey();
            entry.productId = pid;
            entry.asin = o.asin();
            entry.competitorId = competitorId;
            entry.message = firing.message();
            entry.oldValue = firing.oldValue();
            entry.newValue = firing.newValue();
            entry.changePercent = firing.changePercent();
            entry.sourceEventId = o.eventId();
            entry.triggeredAt = now;
            rule.lastTriggered = now;
            rule.triggerCount++;
            AlertRaised data = new AlertRaised(entry.id, "rule", rule.userId, rule.id, entry.productKey, entry.asin,
                    competitorId, rule.alertType, null, entry.message, entry.oldValue, entry.newValue,
                    entry.changePercent, now.toInstant());
            return history.persist(entry)
                    .call(() -> outbox.add(AlertRaised.TOPIC, entry.productKey, EventEnvelope.of(AlertRaised.TYPE, data)))
                    .replaceWithVoid();
        });
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
