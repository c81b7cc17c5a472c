package io.shelfwatch.auth.service;

import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shelfwatch.auth.Plan;
import io.shelfwatch.auth.UsageCount;
import io.shelfwatch.auth.messaging.UsageEvent;
import io.shelfwatch.auth.repository.AccountRepository;
import io.shelfwatch.auth.repository.UsageCountRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotAuthorizedException;

/** The usage read model: a user's latest reported count per metric. */
@ApplicationScoped
public class UsageService {

    public static final String PRODUCTS = "products_tracked";
    public static final String COMPETITORS = "competitors";

    /** Doc E's usage answer; limits are -1 when unlimited. */
    public record Usage(
            @JsonProperty("competitors_used") int competitorsUsed,
            @JsonProperty("competitors_limit") int competitorsLimit,
            @JsonProperty("products_tracked") int productsTracked,
            @JsonProperty("products_limit") int productsLimit) {
    }

    private final UsageCountRepository repository;
    private final AccountRepository accounts;

    public UsageService(UsageCountRepository repository, AccountRepository accounts) {
        this.repository = repository;
        this.accounts = accounts;
    }

    public Uni<Usage> forUser(UUID userId) {
        return accounts.findById(userId)
                .onItem().ifNull().failWith(() -> new NotAuthorizedException("Not authenticated", "Bearer"))
                .flatMap(account -> repository.listForUser(userId).map(counts -> {
                    Plan plan = account.planLimits();
                    return new Usage(count(counts, COMPETITORS), plan.maxCompetitors, count(counts, PRODUCTS),
                            plan.maxProducts);
                }));
    }

    private static int count(List<UsageCount> counts, String metric) {
        return counts.stream().filter(c -> c.metric.equals(metric)).mapToInt(c -> c.count).findFirst().orElse(0);
    }

    /** Applies a count unless a newer one is already stored, so a redelivery or a late record changes nothing. */
    @WithTransaction
    public Uni<Void> record(UsageEvent event) {
        UsageEvent.Data data = event.data();
        return repository.findById(new UsageCount.Key(data.userId(), data.metric())).flatMap(existing -> {
            var observedAt = event.occurredAt().atOffset(ZoneOffset.UTC);
            if (existing != null && !existing.observedAt.isBefore(observedAt)) {
                return Uni.createFrom().voidItem();
            }
            UsageCount row = existing != null ? existing : new UsageCount();
            row.userId = data.userId();
            row.metric = data.metric();
            row.count = data.count();
            row.limitReached = data.limitReached();
            row.observedAt = observedAt;
            return repository.persist(row).replaceWithVoid();
        });
    }
}
