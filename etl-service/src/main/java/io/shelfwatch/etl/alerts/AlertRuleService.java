package io.shelfwatch.etl.alerts;

import java.math.BigDecimal;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shelfwatch.etl.repository.AccountRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;

/**
 * Doc E's alert rules of one user. A rule needs a plan with alerts and a target the user tracks
 * (a product) or owns (a competitor store); another user's rule does not exist for the caller.
 */
@ApplicationScoped
public class AlertRuleService {

    public static final String NOT_FOUND = "Alert not found";

    /** A rule after a change, checked as a request body would be. */
    @ConsistentRule
    record RuleFields(String alertType, BigDecimal threshold, java.util.UUID productId, java.util.UUID competitorId)
            implements RuleShape {
    }

    /** Validated under the name `body`, so errors are located at `["body", field]`. */
    record Checked(@Valid RuleFields body) {
    }

    /** A partial change; null = leave as it is. */
    public record Change(String alertType, BigDecimal threshold, Boolean active) {
    }

    /** A page of something and the total behind it. */
    public record Page<T>(List<T> items, long total) {
    }

    private final AlertRuleRepository rules;
    private final AlertRuleStateRepository states;
    private final AlertHistoryRepository history;
    private final TrackedTargetRepository targets;
    private final AccountRepository accounts;
    private final AlertRulesConfig config;
    private final Validator validator;

    public AlertRuleService(AlertRuleRepository rules, AlertRuleStateRepository states, AlertHistoryRepository history,
            TrackedTargetRepository targets, AccountRepository accounts, AlertRulesConfig config, Validator validator) {
        this.rules = rules;
        this.states = states;
        this.history = history;
        this.targets = targets;
        this.accounts = accounts;
        this.config = config;
        this.validator = validator;
    }

    /**
     * Creates a rule: 403 on a plan without alerts or past the per-user cap, 404 when the target
     * is not the caller's (no trace of whether it exists).
     */
    @WithTransaction
    public Uni<AlertRule> create(UUID userId, String tokenPlan, RuleShape fields, boolean active) {
        return alertsAllowed(userId, tokenPlan).flatMap(allowed -> {
            if (!allowed) {
                throw new ForbiddenException("Plan limit reached: alerts_enabled=false (the free plan has no alerts)");
            }
            return rules.countOf(userId, null);
        }).flatMap(count -> {
            int max = config.maxPerUser();
            if (max != -1 && count >= max) {
                throw new ForbiddenException("Limit reached: max_alerts=" + max);
            }
            return fields.productId() != null
                    ? targets.tracks(userId, fields.productId()).invoke(ok -> requireTarget(ok, "Product not found"))
                    : targets.owns(userId, fields.competitorId()).invoke(ok -> requireTarget(ok, "Competitor not found"));
        }).flatMap(ok -> {
            OffsetDateTime now = now();
            AlertRule rule = new AlertRule();
            rule.id = UUID.randomUUID();
            rule.userId = userId;
            rule.alertType = fields.alertType();
            rule.threshold = fields.threshold();
            rule.productId = fields.productId();
            rule.competitorId = fields.competitorId();
            rule.active = active;
            rule.createdAt = now;
            rule.updatedAt = now;
            return rules.persist(rule);
        });
    }

    /** The caller's rule; null when it does not exist or is someone else's. */
    public Uni<AlertRule> find(UUID userId, UUID id) {
        return rules.findOwned(userId, id);
    }

    public Uni<Page<AlertRule>> list(UUID userId, Boolean active, int page, int perPage) {
        return rules.countOf(userId, active)
                .flatMap(total -> rules.pageOf(userId, active, page, perPage).map(items -> new Page<>(items, total)));
    }

    /**
     * Changes type, threshold or activity; the merged rule is checked again. A rule whose
     * condition changed, or that is switched back on, measures afresh from the next observation.
     * Null when the rule is not the caller's.
     */
    @WithTransaction
    public Uni<AlertRule> update(UUID userId, UUID id, Change change) {
        return rules.findOwned(userId, id).flatMap(rule -> {
            if (rule == null) {
                return Uni.createFrom().nullItem();
            }
            String type = change.alertType() != null ? change.alertType() : rule.alertType;
            BigDecimal threshold = change.threshold() != null ? change.threshold()
                    // Switching to a type without a threshold drops the old one rather than failing.
                    : RuleShape.PRICE_TYPES.contains(type) ? rule.threshold : null;
            RuleFields merged = new RuleFields(type, threshold, rule.productId, rule.competitorId);
            Set<ConstraintViolation<Checked>> violations = validator.validate(new Checked(merged));
            if (!violations.isEmpty()) {
                throw new ConstraintViolationException(violations);
            }
            boolean active = change.active() != null ? change.active() : rule.active;
            boolean conditionChanged = !type.equals(rule.alertType) || !sameNumber(threshold, rule.threshold)
                    || (active && !rule.active);
            rule.alertType = type;
            rule.threshold = threshold;
            rule.active = active;
            rule.updatedAt = now();
            return conditionChanged ? states.forget(rule.id).replaceWith(rule) : Uni.createFrom().item(rule);
        });
    }

    /** Deletes the caller's rule with its history; false when it is not theirs. */
    @WithTransaction
    public Uni<Boolean> delete(UUID userId, UUID id) {
        return rules.findOwned(userId, id).flatMap(rule -> rule == null
                ? Uni.createFrom().item(false)
                : rules.delete(rule).replaceWith(true));
    }

    /** A rule's firings, newest first; null when the rule is not the caller's. */
    public Uni<Page<AlertHistoryEntry>> historyOf(UUID userId, UUID id, int page, int perPage) {
        return rules.findOwned(userId, id).flatMap(rule -> rule == null
                ? Uni.createFrom().nullItem()
                : history.countOfRule(id).flatMap(total -> history.pageOfRule(id, page, perPage)
                        .map(items -> new Page<>(items, total))));
    }

    /** Every firing of the caller's rules, newest first. */
    public Uni<Page<AlertHistoryEntry>> historyOf(UUID userId, int page, int perPage) {
        return history.countOfUser(userId).flatMap(total -> history.pageOfUser(userId, page, perPage)
                .map(items -> new Page<>(items, total)));
    }

    /**
     * From the local copy of the account; before it has arrived, from the token's plan
     * (DESIGN.md: a lagging projection is answered from the token's claims).
     */
    private Uni<Boolean> alertsAllowed(UUID userId, String tokenPlan) {
        return accounts.findById(userId).map(account -> account != null
                ? account.alertsEnabled
                : "pro".equals(tokenPlan) || "enterprise".equals(tokenPlan));
    }

    private static void requireTarget(boolean owned, String message) {
        if (!owned) {
            throw new NotFoundException(message);
        }
    }

    private static boolean sameNumber(BigDecimal a, BigDecimal b) {
        return Objects.equals(a, b) || (a != null && b != null && a.compareTo(b) == 0);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
