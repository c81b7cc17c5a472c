package io.shelfwatch.competition.service;

import java.time.ZoneOffset;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shelfwatch.competition.Account;
import io.shelfwatch.competition.messaging.AccountStateEvent;
import io.shelfwatch.competition.repository.AccountRepository;
import io.shelfwatch.competition.repository.CompetitionReportRepository;
import io.shelfwatch.competition.repository.CompetitorLinkRepository;
import io.shelfwatch.competition.repository.CompetitorRepository;
import io.shelfwatch.competition.repository.ReportGenerationRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The local copy of accounts: plans and limits are read from here, never from a token. */
@ApplicationScoped
public class AccountProjectionService {

    private final AccountRepository accounts;
    private final CompetitorRepository competitors;
    private final CompetitorService competitorService;
    private final CompetitorLinkRepository links;
    private final CompetitionReportRepository reports;
    private final ReportGenerationRepository generations;

    public AccountProjectionService(AccountRepository accounts, CompetitorRepository competitors,
            CompetitorService competitorService, CompetitorLinkRepository links, CompetitionReportRepository reports,
            ReportGenerationRepository generations) {
        this.accounts = accounts;
        this.competitors = competitors;
        this.competitorService = competitorService;
        this.links = links;
        this.reports = reports;
        this.generations = generations;
    }

    public Uni<Account> find(UUID userId) {
        return accounts.findById(userId);
    }

    /** Applies a state unless a newer one is stored: redeliveries and replays change nothing. */
    @WithTransaction
    public Uni<Void> apply(AccountStateEvent event) {
        AccountStateEvent.Data data = event.data();
        if (data.deleted()) {
            return removeRows(data.userId());
        }
        var stateAt = event.occurredAt().atOffset(ZoneOffset.UTC);
        return accounts.findById(data.userId()).flatMap(existing -> {
            if (existing != null && existing.stateAt.isAfter(stateAt)) {
                return Uni.createFrom().voidItem();
            }
            Account account = existing != null ? existing : new Account();
            account.userId = data.userId();
            account.email = data.email();
            account.active = data.isActive();
            account.admin = data.roles().contains("admin");
            account.plan = data.plan();
            account.maxCompetitors = data.maxCompetitors();
            account.maxProducts = data.maxProducts();
            account.scanFrequency = data.scanFrequency();
            account.alertsEnabled = data.alertsEnabled();
            account.createdAt = data.createdAt().atOffset(ZoneOffset.UTC);
            account.stateAt = stateAt;
            return accounts.persist(account).replaceWithVoid();
        });
    }

    @WithTransaction
    public Uni<Void> remove(UUID userId) {
        return removeRows(userId);
    }

    /**
     * A deleted user leaves nothing behind in this service; their stores are announced as deleted
     * so the compacted `competitors` topic forgets them too.
     */
    private Uni<Void> removeRows(UUID userId) {
        return competitors.allOf(userId)
                .flatMap(stores -> {
                    Uni<Void> chain = Uni.createFrom().voidItem();
                    for (var store : stores) {
                        chain = chain.flatMap(v -> competitors.delete(store))
                                .flatMap(v -> competitorService.announceDeleted(store));
                    }
                    return chain;
                })
                .flatMap(v -> links.removeAllOf(userId))
                .flatMap(v -> reports.removeAllOf(userId))
                .flatMap(v -> generations.removeAllOf(userId))
                .flatMap(v -> accounts.deleteById(userId))
                .replaceWithVoid();
    }
}
