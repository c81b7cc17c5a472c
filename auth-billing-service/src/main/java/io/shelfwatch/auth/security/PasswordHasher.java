package io.shelfwatch.auth.security;

import io.quarkus.elytron.security.common.BcryptUtil;
import io.shelfwatch.auth.config.AuthConfig;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * bcrypt hashing, deliberately slow, so it runs on a worker thread and never blocks the
 * event loop; the result comes back on the caller's Vert.x context.
 */
@ApplicationScoped
public class PasswordHasher {

    private final AuthConfig config;
    private final Vertx vertx;
    /** Compared against when an email is unknown, so both login failures cost the same. */
    private final String decoyHash;

    public PasswordHasher(AuthConfig config, Vertx vertx) {
        this.config = config;
        this.vertx = vertx;
        this.decoyHash = BcryptUtil.bcryptHash("decoy-password-never-matches", config.bcryptCost());
    }

    public Uni<String> hash(String password) {
        return vertx.executeBlocking(Uni.createFrom().item(() -> BcryptUtil.bcryptHash(password, config.bcryptCost())));
    }

    /** True only when a stored hash exists and matches; a null hash still spends the time. */
    public Uni<Boolean> matches(String password, String storedHash) {
        String hash = storedHash == null ? decoyHash : storedHash;
        return vertx.executeBlocking(Uni.createFrom().item(() -> BcryptUtil.matches(password, hash) && storedHash != null));
    }
}
