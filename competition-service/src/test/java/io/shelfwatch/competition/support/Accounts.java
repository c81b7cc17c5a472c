package io.shelfwatch.competition.support;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.VertxContextSupport;
import io.shelfwatch.competition.Account;

/** Puts an account into the local copy, as the account.events consumer would have. */
public final class Accounts {

    private Accounts() {
    }

    public static void store(UUID userId, String plan, int maxCompetitors) throws Throwable {
        Account a = new Account();
        a.userId = userId;
        a.email = userId + "@example.com";
        a.active = true;
        a.plan = plan;
        a.maxCompetitors = maxCompetitors;
        a.maxProducts = 50;
        a.scanFrequency = "daily";
        a.alertsEnabled = true;
        a.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        a.stateAt = a.createdAt;
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> a.persist()));
    }
}
