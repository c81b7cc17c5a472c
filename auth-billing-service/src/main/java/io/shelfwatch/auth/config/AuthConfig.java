package io.shelfwatch.auth.config;

import java.time.Duration;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** Settings of auth-billing-service; each has a default for the one-machine run. */
@ConfigMapping(prefix = "auth")
public interface AuthConfig {

    Jwt jwt();

    /** Base64 of a 32-byte AES key (ENCRYPTION_KEY); protects signing keys at rest. */
    Optional<String> encryptionKey();

    Admin admin();

    /** bcrypt work factor for password hashes; each step doubles the cost. */
    @WithDefault("12")
    int bcryptCost();

    Outbox outbox();

    ApiKeys apiKeys();

    PasswordReset passwordReset();

    interface Jwt {
        /** Issuer of every token (JWT_ISSUER). */
        String issuer();

        /** Audience of every token (JWT_AUDIENCE). */
        String audience();

        /** PEM text or a file path of a PKCS#8 RSA private key (JWT_SIGNING_KEY); empty: generated and stored. */
        Optional<String> signingKey();

        /** Lifetime of an access token; DESIGN.md allows at most 15 minutes. */
        @WithDefault("PT15M")
        Duration accessTokenTtl();

        /** Lifetime of a refresh token. */
        @WithDefault("P30D")
        Duration refreshTokenTtl();

        /** Tolerated clock difference when verifying. */
        @WithDefault("PT30S")
        Duration clockSkew();

        /** How often every replica re-reads the stored signing keys, so a rotation reaches all of them. */
        @WithDefault("60s")
        Duration keyReloadInterval();
    }

    interface ApiKeys {
        /** Lifetime of the JWT the internal exchange gives for an API key. */
        @WithDefault("PT5M")
        Duration tokenTtl();
    }

    interface PasswordReset {
        /** Base of the link in the reset mail (PUBLIC_BASE_URL). */
        @WithDefault("http://localhost:8080")
        String publicBaseUrl();

        /** How long a reset link works. */
        @WithDefault("PT30M")
        Duration tokenTtl();
    }

    interface Admin {
        /** The first admin's email (ADMIN_EMAIL); no admin is created unless both are set. */
        Optional<String> email();

        /** The first admin's password (ADMIN_PASSWORD). */
        Optional<String> password();
    }

    interface Outbox {
        /** How often the relay looks for events not yet on Kafka. */
        @WithDefault("500ms")
        Duration pollInterval();

        /** Most events the relay sends in one transaction. */
        @WithDefault("100")
        int batchSize();
    }
}
