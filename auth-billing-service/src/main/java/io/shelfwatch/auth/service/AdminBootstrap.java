package io.shelfwatch.auth.service;

import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.shelfwatch.auth.config.AuthConfig;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/** Creates the first admin from ADMIN_EMAIL / ADMIN_PASSWORD when both are set. */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);

    private final AuthConfig config;
    private final AccountService accounts;

    public AdminBootstrap(AuthConfig config, AccountService accounts) {
        this.config = config;
        this.accounts = accounts;
    }

    // After the signing key is loaded (default priority 2500), so start-up fails in a clear order.
    void onStart(@Observes @Priority(3000) StartupEvent event) throws Throwable {
        var email = config.admin().email().filter(s -> !s.isBlank());
        var password = config.admin().password().filter(s -> !s.isBlank());
        if (email.isEmpty() || password.isEmpty()) {
            LOG.info("ADMIN_EMAIL / ADMIN_PASSWORD not both set: no admin account is created");
            return;
        }
        VertxContextSupport.subscribeAndAwait(() -> accounts.ensureAdmin(email.get(), password.get()));
        LOG.infof("admin account %s is ready", email.get());
    }
}
