package io.shelfwatch.competition.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Set;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shelfwatch.competition.Competitor;
import io.shelfwatch.competition.mapping.CompetitorEvents;
import io.shelfwatch.competition.messaging.OutboxWriter;
import io.shelfwatch.competition.messaging.ScanFinishedEvent;
import io.shelfwatch.competition.repository.AccountRepository;
import io.shelfwatch.competition.repository.CompetitorRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.ConstraintViolationException;
import jakarta.validation.Validator;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import jakarta.ws.rs.ForbiddenException;
import jakarta.ws.rs.NotFoundException;

/**
 * Doc E's competitor stores. Every change is announced, in its own transaction, on the
 * compacted `competitors` topic and as the owner's count on `usage`.
 */
@ApplicationScoped
public class CompetitorService {

    public static final String NOT_FOUND = "Competitor not found";

    /** What a competitor must be after any change (a PATCH is checked again after merging). */
    public record Fields(
            @NotBlank @Size(max = 200) String name,
            @NotNull @io.shelfwatch.competition.rest.StoreUrl String url,
            @NotBlank @Size(max = 50) String platform,
            @NotNull @Pattern(regexp = "active|paused") String status) {
    }

    /** Validated as a request body would be, so errors are located at `["body", field]`. */
    record Checked(@jakarta.validation.Valid Fields body) {
    }

    /** A partial change; null = leave as it is. */
    public record Change(String name, String url, String platform, String status) {
    }

    private final CompetitorRepository competitors;
    private final AccountRepository accounts;
    private final OutboxWriter outbox;
    private final Validator validator;

    public CompetitorService(CompetitorRepository competitors, AccountRepository accounts, OutboxWriter outbox,
            Validator validator) {
        this.competitors = competitors;
        this.accounts = accounts;
        this.outbox = outbox;
        this.validator = validator;
    }

    /** The caller's competitor; null when it does not exist or is someone else's. */
    public Uni<Competitor> find(UUID userId, UUID id) {
        return competitors.findById(id).map(c -> c != null && c.userId.equals(userId) ? c : null);
    }

    /**
     * Creates a store unless the owner's plan is full. The owner's rows are serialised by a
     * transaction-scoped lock, so two concurrent requests cannot both take the last slot.
     */
    @WithTransaction
    public Uni<Competitor> create(UUID userId, String tokenPlan, String name, String url, String platform) {
        return competitors.lockOwner(userId)
                .flatMap(locked -> limitOf(userId, tokenPlan))
                .flatMap(limit -> competitors.countOf(userId).flatMap(count -> {
                    if (limit != -1 && count >= limit) {
                        return Uni.createFrom().failure(
                                new ForbiddenException("Plan limit reached: max_competitors=" + limit));
                    }
                    Competitor c = new Competitor();
                    c.id = UUID.randomUUID();
                    c.userId = userId;
                    c.name = name.strip();
                    c.url = normalizedUrl(url);
                    c.platform = platform.strip();
                    c.status = "active";
                    c.productCount = 0;
                    c.createdAt = now();
                    c.updatedAt = c.createdAt;
                    validate(c);
                    return competitors.persistAndFlush(c)
                            .flatMap(saved -> outbox.add(CompetitorEvents.COMPETITORS_TOPIC, c.id.toString(),
                                    CompetitorEvents.state(c, false)))
                            .flatMap(v -> publishUsage(userId, limit))
                            .replaceWith(c);
                }));
    }

    /** Applies the given fields; null when the competitor is not the caller's. */
    @WithTransaction
    public Uni<Competitor> update(UUID userId, UUID id, Change change) {
        return find(userId, id).onItem().ifNotNull().transformToUni(c -> {
            if (change.name() != null) {
                c.name = change.name().strip();
            }
            if (change.url() != null) {
                c.url = StoreUrls.normalize(change.url()).orElse(change.url());
            }
            if (change.platform() != null) {
                c.platform = change.platform().strip();
            }
            if (change.status() != null) {
                c.status = change.status();
            }
            validate(c);
            c.updatedAt = now();
            return outbox.add(CompetitorEvents.COMPETITORS_TOPIC, c.id.toString(), CompetitorEvents.state(c, false))
                    .replaceWith(c);
        });
    }

    /** Deletes the caller's competitor; false when it was not theirs. */
    @WithTransaction
    public Uni<Boolean> delete(UUID userId, UUID id, String tokenPlan) {
        return find(userId, id).flatMap(c -> {
            if (c == null) {
                return Uni.createFrom().item(false);
            }
            return competitors.delete(c).call(competitors::flush)
                    .flatMap(v -> announceDeleted(c))
                    .flatMap(v -> limitOf(userId, tokenPlan))
                    .flatMap(limit -> publishUsage(userId, limit))
                    .replaceWith(true);
        });
    }

    /**
     * A deleted state, then a tombstone: consumers drop the store's products, scans and rules,
     * and compaction forgets the key.
     */
    public Uni<Void> announceDeleted(Competitor c) {
        c.updatedAt = now();
        return outbox.add(CompetitorEvents.COMPETITORS_TOPIC, c.id.toString(), CompetitorEvents.state(c, true))
                .flatMap(v -> outbox.addTombstone(CompetitorEvents.COMPETITORS_TOPIC, c.id.toString()));
    }

    /** A finished scan moves `last_scanned` and `product_count` forward; an older or repeated one changes nothing. */
    @WithTransaction
    public Uni<Void> recordScan(ScanFinishedEvent.Data scan) {
        OffsetDateTime scannedAt = scan.scannedAt().atOffset(ZoneOffset.UTC);
        return competitors.findById(scan.competitorId()).flatMap(c -> {
            if (c == null || (c.lastScanned != null && !c.lastScanned.isBefore(scannedAt))) {
                return Uni.createFrom().voidItem();
            }
            c.lastScanned = scannedAt;
            // A failed scan that saw nothing says nothing about how many products the store has.
            if (scan.error() == null || scan.found() > 0) {
                c.productCount = scan.found();
            }
            return Uni.createFrom().voidItem();
        });
    }

    private Uni<Void> publishUsage(UUID userId, int limit) {
        return competitors.countOf(userId).flatMap(count -> outbox.add(CompetitorEvents.USAGE_TOPIC,
                userId.toString(), CompetitorEvents.usage(userId, count, limit)));
    }

    /** The plan's limit from the local copy of the account; the token's plan while the copy lags. */
    private Uni<Integer> limitOf(UUID userId, String tokenPlan) {
        return accounts.findById(userId)
                .map(account -> account != null ? account.maxCompetitors : PlanLimits.maxCompetitors(tokenPlan));
    }

    private void validate(Competitor c) {
        Set<ConstraintViolation<Checked>> violations = validator
                .validate(new Checked(new Fields(c.name, c.url, c.platform, c.status)));
        if (!violations.isEmpty()) {
            throw new ConstraintViolationException(violations);
        }
    }

    private static String normalizedUrl(String url) {
        return StoreUrls.normalize(url).orElse(url);
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MICROS);
    }
}
