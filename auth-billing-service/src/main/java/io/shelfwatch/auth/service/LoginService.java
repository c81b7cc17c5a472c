package io.shelfwatch.auth.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shelfwatch.auth.Account;
import io.shelfwatch.auth.RefreshToken;
import io.shelfwatch.auth.config.AuthConfig;
import io.shelfwatch.auth.repository.AccountRepository;
import io.shelfwatch.auth.repository.RefreshTokenRepository;
import io.shelfwatch.auth.security.Digests;
import io.shelfwatch.auth.security.PasswordHasher;
import io.shelfwatch.auth.security.TokenIssuer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotAuthorizedException;

/** Email and password in, an access token and a refresh token out; refresh tokens rotate on every use. */
@ApplicationScoped
public class LoginService {

    private static final Logger LOG = Logger.getLogger(LoginService.class);

    public record Tokens(String accessToken, String refreshToken) {
    }

    private final AccountRepository accounts;
    private final RefreshTokenRepository refreshTokens;
    private final PasswordHasher hasher;
    private final TokenIssuer issuer;
    private final AuthConfig config;

    public LoginService(AccountRepository accounts, RefreshTokenRepository refreshTokens, PasswordHasher hasher,
            TokenIssuer issuer, AuthConfig config) {
        this.accounts = accounts;
        this.refreshTokens = refreshTokens;
        this.hasher = hasher;
        this.issuer = issuer;
        this.config = config;
    }

    public Uni<Tokens> login(String email, String password) {
        return authenticate(email, password).flatMap(this::issue);
    }

    /** The active account with these credentials, or 401. */
    public Uni<Account> authenticate(String email, String password) {
        return accounts.findByEmail(email)
                // An unknown email still pays for a hash comparison: both failures cost alike.
                .flatMap(account -> hasher.matches(password, account == null ? null : account.passwordHash)
                        .map(matches -> matches && account.active ? account : null))
                .onItem().ifNull().failWith(() -> new NotAuthorizedException("Incorrect email or password", "Bearer"));
    }

    /** Starts a new refresh-token family (a login or a registration). */
    @WithTransaction
    public Uni<Tokens> issue(Account account) {
        return issueInFamily(account, UUID.randomUUID());
    }

    /**
     * Exchanges a refresh token for a new pair. A token presented a second time means it was
     * stolen or replayed: its whole family is revoked (committed) and the answer is 401.
     */
    public Uni<Tokens> refresh(String rawToken) {
        return rotate(rawToken).onItem().ifNull()
                .failWith(() -> new NotAuthorizedException("Invalid refresh token", "Bearer"));
    }

    @WithTransaction
    Uni<Tokens> rotate(String rawToken) {
        String hash = Digests.sha256Hex(rawToken);
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return refreshTokens.markUsed(hash, now).flatMap(taken -> taken == 1
                ? refreshTokens.findById(hash).flatMap(token -> accounts.findById(token.accountId)
                        .flatMap(account -> account == null || !account.active
                                ? Uni.createFrom().<Tokens>nullItem()
                                : issueInFamily(account, token.familyId)))
                : refreshTokens.findById(hash).flatMap(token -> {
                    if (token == null || token.usedAt == null) {
                        return Uni.createFrom().<Tokens>nullItem();
                    }
                    LOG.warnf("refresh token reused: revoking token family %s", token.familyId);
                    return refreshTokens.revokeFamily(token.familyId, now).map(revoked -> (Tokens) null);
                }));
    }

    public Uni<Integer> revokeAllOf(UUID accountId) {
        return refreshTokens.revokeAllOf(accountId, OffsetDateTime.now(ZoneOffset.UTC));
    }

    private Uni<Tokens> issueInFamily(Account account, UUID familyId) {
        String raw = Digests.randomToken(32);
        RefreshToken token = new RefreshToken();
        token.tokenHash = Digests.sha256Hex(raw);
        token.accountId = account.id;
        token.familyId = familyId;
        token.issuedAt = OffsetDateTime.now(ZoneOffset.UTC);
        token.expiresAt = token.issuedAt.plus(config.jwt().refreshTokenTtl());
        return refreshTokens.persist(token).map(saved -> new Tokens(issuer.accessToken(account), raw));
    }
}
