package io.shelfwatch.connector.service;

import java.time.ZoneOffset;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shelfwatch.connector.Account;
import io.shelfwatch.connector.messaging.AccountStateEvent;
import io.shelfwatch.connector.repository.AccountRepository;
import io.shelfwatch.connector.repository.AmazonConnectionRepository;
import io.shelfwatch.connector.repository.ExportRepository;
import io.shelfwatch.connector.repository.OrderStore;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** The local copy of accounts: plans and limits are read from here, never from a token. */
@ApplicationScoped
public class AccountProjectionService {

    private final AccountRepository accounts;
    private final AmazonConnectionRepository connections;
    private final OrderStore orders;
    private final ExportRepository exports;
    private final ProcessedCache cache;
    private final io.shelfwatch.connector.repository.InventoryStore inventory;
    private final io.shelfwatch.connector.repository.ActivityRepository activities;

    public AccountProjectionService(AccountRepository accounts, AmazonConnectionRepository connections,
            OrderStore orders, ExportRepository exports, ProcessedCache cache,
            io.shelfwatch.connector.repository.InventoryStore inventory,
            io.shelfwatch.connector.repository.ActivityRepository activities) {
        this.inventory = inventory;
        this.activities = activities;
        this.accounts = accounts;
        this.connections = connections;
        this.orders = orders;
        this.exports = exports;
        this.cache = cache;
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
        return cache.deleteAll(userId)
                .flatMap(ignored -> orders.deleteAll(userId))
                .flatMap(ignored -> exports.deleteFor(userId))
                .flatMap(ignored -> inventory.deleteAll(userId))
                .flatMap(ignored -> activities.deleteFor(userId))
                .flatMap(ignored -> connections.deleteById(userId))
                .flatMap(deleted -> accounts.deleteById(userId))
                .replaceWithVoid();
    }
}
