package io.shelfwatch.auth.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shelfwatch.auth.Account;
import io.shelfwatch.auth.mapping.AccountStateMapper;
import io.shelfwatch.auth.mapping.RevocationMapper;
import io.shelfwatch.auth.messaging.OutboxWriter;
import io.shelfwatch.auth.repository.AccountRepository;
import io.shelfwatch.auth.repository.UsageCountRepository;
import io.shelfwatch.auth.security.PasswordHasher;
import io.smallrye.mutiny.Uni;
import io.vertx.pgclient.PgException;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.ClientErrorException;
import jakarta.ws.rs.NotFoundException;

/** Account writes; every change is announced on `account.events` through the outbox. */
@ApplicationScoped
public class AccountService {

    public record AccountPage(List<Account> items, long total) {
    }

    public record Provisioned(Account account, ApiKeyService.CreatedKey apiKey) {
    }

    private final AccountRepository accounts;
    private final UsageCountRepository usage;
    private final OutboxWriter outbox;
    private final PasswordHasher hasher;
    private final LoginService logins;
    private final ApiKeyService apiKeys;

    public AccountService(AccountRepository accounts, UsageCountRepository usage, OutboxWriter outbox,
            PasswordHasher hasher, LoginService logins, ApiKeyService apiKeys) {
        this.accounts = accounts;
        this.usage = usage;
        this.outbox = outbox;
        this.hasher = hasher;
        this.logins = logins;
        this.apiKeys = apiKeys;
    }

    public Uni<Account> findById(UUID id) {
        return accounts.findById(id);
    }

    /** A new account on the free plan; 409 when the email (case-insensitively) is taken. */
    public Uni<Account> register(String email, String password) {
        // Hashed before the transaction, so no connection waits on bcrypt.
        return hasher.hash(password).flatMap(hash -> create(normalize(email), hash))
                .onFailure(AccountService::isUniqueViolation).transform(e -> duplicate());
    }

    /** An account (with a password or without one) and its first API key, in one transaction. */
    public Uni<Provisioned> provision(String email, String password) {
        Uni<String> hash = password == null ? Uni.createFrom().nullItem() : hasher.hash(password);
        return hash.flatMap(h -> createWithKey(normalize(email), h))
                .onFailure(AccountService::isUniqueViolation).transform(e -> duplicate());
    }

    @WithTransaction
    Uni<Provisioned> createWithKey(String email, String passwordHash) {
        return create(email, passwordHash).flatMap(account -> apiKeys.create(account.id, "provisioned", List.of(), null)
                .map(key -> new Provisioned(account, key)));
    }

    @WithTransaction
    Uni<Account> create(String email, String passwordHash) {
        return accounts.findByEmail(email).flatMap(existing -> {
            if (existing != null) {
                return Uni.createFrom().failure(duplicate());
            }
            OffsetDateTime now = now();
            Account account = new Account();
            account.id = UUID.randomUUID();
            account.email = email;
            account.passwordHash = passwordHash;
            account.createdAt = now;
            account.updatedAt = now;
            return accounts.persist(account).call(this::announce);
        });
    }

    /** Creates the admin account, or makes an existing account with that email an active admin. */
    @WithTransaction
    public Uni<Account> ensureAdmin(String email, String password) {
        String normalized = normalize(email);
        return accounts.findByEmail(normalized).flatMap(existing -> {
            if (existing != null && existing.admin && existing.active) {
                return Uni.createFrom().item(existing);
            }
            // An existing account keeps its own password; only a new one gets ADMIN_PASSWORD.
            Uni<String> passwordHash = existing != null
                    ? Uni.createFrom().item(existing.passwordHash)
                    : hasher.hash(password);
            return passwordHash.flatMap(hash -> {
                OffsetDateTime now = now();
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

    public Uni<AccountPage> list(int page, int perPage) {
        return accounts.page(page, perPage)
                .flatMap(items -> accounts.count().map(total -> new AccountPage(items, total)));
    }

    /** The account may no longer sign in; its refresh tokens and API keys stop working at once. */
    @WithTransaction
    public Uni<Account> deactivate(UUID id) {
        return existing(id).call(account -> revokeEverything(account, "deactivated")).flatMap(account -> {
            account.active = false;
            account.updatedAt = now();
            return announce(account).replaceWith(account);
        });
    }

    /** Announces the deletion (`deleted: true`, so every service removes the user's rows), then removes the account. */
    @WithTransaction
    public Uni<Void> delete(UUID id) {
        return existing(id).call(account -> revokeEverything(account, "deleted"))
                .call(account -> outbox.add(AccountStateMapper.TOPIC, account.id.toString(),
                        AccountStateMapper.stateOf(account, true)))
                .call(account -> usage.deleteForUser(account.id))
                .call(account -> accounts.delete(account))
                .replaceWithVoid();
    }

    /** Sets a new password hash and signs the account out everywhere. */
    @WithTransaction
    public Uni<Void> changePassword(UUID id, String passwordHash) {
        return existing(id).call(account -> {
            account.passwordHash = passwordHash;
            account.updatedAt = now();
            return logins.revokeAllOf(account.id).call(() -> outbox.add(RevocationMapper.TOPIC,
                    account.id.toString(), RevocationMapper.tokensRevoked(account.id, now(), "password_reset")));
        }).replaceWithVoid();
    }

    private Uni<Account> existing(UUID id) {
        return accounts.findById(id).onItem().ifNull().failWith(() -> new NotFoundException("User not found"));
    }

    private Uni<Void> revokeEverything(Account account, String reason) {
        return logins.revokeAllOf(account.id)
                .call(() -> apiKeys.revokeAllOf(account.id))
                .call(() -> outbox.add(RevocationMapper.TOPIC, account.id.toString(),
                        RevocationMapper.tokensRevoked(account.id, now(), reason)))
                .replaceWithVoid();
    }

    private Uni<Void> announce(Account account) {
        return outbox.add(AccountStateMapper.TOPIC, account.id.toString(), AccountStateMapper.stateOf(account, false));
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC).truncatedTo(ChronoUnit.MILLIS);
    }

    static String normalize(String email) {
        return email.trim().toLowerCase(Locale.ROOT);
    }

    private static ClientErrorException duplicate() {
        return new ClientErrorException("Email already registered", 409);
    }

    /** Two registrations of one email at once: the database's unique index decides. */
    private static boolean isUniqueViolation(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause()) {
            if (t instanceof PgException pg && "23505".equals(pg.getSqlState())) {
                return true;
            }
        }
        return false;
    }
}
