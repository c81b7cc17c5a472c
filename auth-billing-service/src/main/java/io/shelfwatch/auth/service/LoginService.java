package io.shelfwatch.auth.service;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Base64;
import java.util.HexFormat;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shelfwatch.auth.Account;
import io.shelfwatch.auth.RefreshToken;
import io.shelfwatch.auth.config.AuthConfig;
import io.shelfwatch.auth.repository.AccountRepository;
import io.shelfwatch.auth.repository.RefreshTokenRepository;
import io.shelfwatch.auth.security.PasswordHasher;
import io.shelfwatch.auth.security.TokenIssuer;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.NotAuthorizedException;

/** Email and password in, an access token and a refresh token out. */
@ApplicationScoped
public class LoginService {

    public record Tokens(String accessToken, String refreshToken) {
    }

    private final SecureRandom random = new SecureRandom();
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
        return accounts.findByEmail(email)
                // An unknown email still pays for a hash comparison: both failures cost alike.
                .flatMap(account -> hasher.matches(password, account == null ? null : account.passwordHash)
                        .map(matches -> matches && account.active ? account : null))
                .onItem().ifNull().failWith(() -> new NotAuthorizedException("Incorrect email or password", "Bearer"))
                .flatMap(this::issue);
    }

    @WithTransaction
    Uni<Tokens> issue(Account account) {
        byte[] secret = new byte[32];
        random.nextBytes(secret);
        String raw = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
        RefreshToken token = new RefreshToken();
        token.tokenHash = sha256(raw);
        token.accountId = account.id;
        token.familyId = UUID.randomUUID();
        token.issuedAt = OffsetDateTime.now(ZoneOffset.UTC);
        token.expiresAt = token.issuedAt.plus(config.jwt().refreshTokenTtl());
        return refreshTokens.persist(token).map(saved -> new Tokens(issuer.accessToken(account), raw));
    }

    static String sha256(String value) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256")
                    .digest(value.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is not available", e);
        }
    }
}
