package io.shelfwatch.etl.service;

import java.time.ZoneOffset;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shelfwatch.etl.Account;
import io.shelfwatch.etl.alerts.AlertRuleRepository;
import io.shelfwatch.etl.analytics.BrandRepository;
import io.shelfwatch.etl.messaging.AccountStateEvent;
import io.shelfwatch.etl.repository.AccountRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The local copy of accounts: plans and limits are read from here, never from a token. */
@ApplicationScoped
public class AccountProjectionService {

    private final AccountRepository accounts;
    private final AlertRuleRepository alertRules;
    private final BrandRepository brands;

    public AccountProjectionService(AccountRepository accounts, AlertRuleRepository alertRules, BrandRepository brands) {
        this.accounts = accounts;
        this.alertRules = alertRules;
        this.brands = brands;
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

    /** A deleted user leaves nothing behind in this service. */
    private Uni<Void> removeRows(UUID userId) {
        // Alert rules take their history and state with them, brands their loaded reports (foreign keys cascade).
        // Brands live outside the ORM session (the analytics model is plain SQL); deleting twice is harmless.
        return alertRules.deleteOfUser(userId)
                .flatMap(rules -> brands.deleteOfUser(userId))
                .flatMap(deletedBrands -> accounts.deleteById(userId))
                .replaceWithVoid();
    }
}
