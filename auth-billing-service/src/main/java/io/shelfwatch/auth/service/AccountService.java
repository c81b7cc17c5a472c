package io.shelfwatch.auth.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.Locale;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shelfwatch.auth.Account;
import io.shelfwatch.auth.mapping.AccountStateMapper;
import io.shelfwatch.auth.messaging.OutboxWriter;
import io.shelfwatch.auth.repository.AccountRepository;
import io.shelfwatch.auth.security.PasswordHasher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Account writes; every change is announced on `account.events` through the outbox. */
@ApplicationScoped
public class AccountService {

    private final AccountRepository accounts;
    private final OutboxWriter outbox;
    private final PasswordHasher hasher;

    public AccountService(AccountRepository accounts, OutboxWriter outbox, PasswordHasher hasher) {
        this.accounts = accounts;
        this.outbox = outbox;
        this.hasher = hasher;
    }

    public Uni<Account> findById(UUID id) {
        return accounts.findById(id);
    }

    /** Creates the admin account, or makes an existing account with that email an active admin. */
    @WithTransaction
    public Uni<Account> ensureAdmin(String email, String password) {
        String normalized = email.trim().toLowerCase(Locale.ROOT);
        return accounts.findByEmail(normalized).flatMap(existing -> {
            if (existing != null && existing.admin && existing.active) {
                return Uni.createFrom().item(existing);
            }
            // An existing account keeps its own password; only a new one gets ADMIN_PASSWORD.
            Uni<String> passwordHash = existing != null
                    ? Uni.createFrom().item(existing.passwordHash)
                    : hasher.hash(password);
            return passwordHash.flatMap(hash -> {
                OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
                Account account = existing;
                if (account == null) {
                    account = new Account();
                    account.id = UUID.randomUUID();
                    account.email = normalized;
                    account.createdAt = now;
                }
                account.passwordHash = hash;
                account.admin = true;
                account.active = true;
                account.updatedAt = now;
                return accounts.persist(account).call(this::announce);
            });
        });
    }

    private Uni<Void> announce(Account account) {
        return outbox.add(AccountStateMapper.TOPIC, account.id.toString(), AccountStateMapper.stateOf(account, false));
    }
}
