package io.shelfwatch.auth.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.mailer.Mail;
import io.quarkus.mailer.reactive.ReactiveMailer;
import io.shelfwatch.auth.Account;
import io.shelfwatch.auth.PasswordReset;
import io.shelfwatch.auth.config.AuthConfig;
import io.shelfwatch.auth.repository.AccountRepository;
import io.shelfwatch.auth.repository.PasswordResetRepository;
import io.shelfwatch.auth.security.Digests;
import io.shelfwatch.auth.security.PasswordHasher;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.BadRequestException;

/**
 * Forgotten passwords: a one-time link, valid for a while, mailed through the configured SMTP
 * server; only the token's SHA-256 is stored.
 */
@ApplicationScoped
public class PasswordResetService {

    private static final Logger LOG = Logger.getLogger(PasswordResetService.class);

    private final AccountRepository accounts;
    private final PasswordResetRepository resets;
    private final AccountService accountService;
    private final PasswordHasher hasher;
    private final ReactiveMailer mailer;
    private final AuthConfig config;

    public PasswordResetService(AccountRepository accounts, PasswordResetRepository resets,
            AccountService accountService, PasswordHasher hasher, ReactiveMailer mailer, AuthConfig config) {
        this.accounts = accounts;
        this.resets = resets;
        this.accountService = accountService;
        this.hasher = hasher;
        this.mailer = mailer;
        this.config = config;
    }

    /**
     * Mails a reset link when the email belongs to an active account. The caller learns nothing
     * either way, and the mail goes out after the answer, so timing tells nothing either.
     */
    public Uni<Void> requestReset(String email) {
        return createToken(email).invoke(created -> {
            if (created != null) {
                send(created.account(), created.rawToken());
            }
        }).replaceWithVoid();
    }

    record Created(Account account, String rawToken) {
    }

    @WithTransaction
    Uni<Created> createToken(String email) {
        return accounts.findByEmail(email).flatMap(account -> {
            if (account == null || !account.active) {
                return Uni.createFrom().nullItem();
            }
            String raw = Digests.randomToken(32);
            PasswordReset reset = new PasswordReset();
            reset.tokenHash = Digests.sha256Hex(raw);
            reset.accountId = account.id;
            reset.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
            reset.expiresAt = reset.createdAt.plus(config.passwordReset().tokenTtl());
            return resets.persist(reset).map(saved -> new Created(account, raw));
        });
    }

    /** Sets the new password once per token; the account's sessions end (tokens_revoked). */
    public Uni<Void> reset(String rawToken, String newPassword) {
        return hasher.hash(newPassword).flatMap(hash -> consume(rawToken, hash));
    }

    @WithTransaction
    Uni<Void> consume(String rawToken, String passwordHash) {
        String tokenHash = Digests.sha256Hex(rawToken);
        return resets.markUsed(tokenHash, OffsetDateTime.now(ZoneOffset.UTC)).flatMap(taken -> taken == 1
                ? resets.findById(tokenHash).flatMap(reset -> accountService.changePassword(reset.accountId, passwordHash))
                : Uni.createFrom().failure(new BadRequestException("Invalid or expired reset token")));
    }

    private void send(Account account, String rawToken) {
        String base = config.passwordReset().publicBaseUrl().replaceAll("/+$", "");
        String link = base + "/reset-password?token=" + rawToken;
        long minutes = config.passwordReset().tokenTtl().toMinutes();
        Mail mail = Mail.withText(account.email, "Reset your Shelfwatch password",
                "Someone asked to reset the password of your Shelfwatch account.\n\n"
                        + "Open this link within " + minutes + " minutes to choose a new one:\n" + link + "\n\n"
                        + "If it was not you, ignore this mail; your password stays as it is.\n");
        mailer.send(mail).subscribe().with(
                sent -> LOG.infof("password reset mail sent to account %s", account.id),
                failure -> LOG.errorf("password reset mail to account %s failed: %s", account.id,
                        failure.getMessage()));
    }
}
