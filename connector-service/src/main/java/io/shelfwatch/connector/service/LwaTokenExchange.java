package io.shelfwatch.connector.service;

import java.time.Instant;

import org.eclipse.microprofile.rest.client.inject.RestClient;
import org.jboss.logging.Logger;

import io.shelfwatch.connector.client.LwaClient;
import io.shelfwatch.connector.client.LwaClient.LwaException;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** One refresh-token grant at Login with Amazon; stores nothing. */
@ApplicationScoped
public class LwaTokenExchange {

    /** The error code of an exchange that got no answer from Login with Amazon at all. */
    public static final String UNREACHABLE = "lwa_unavailable";

    private static final Logger LOG = Logger.getLogger(LwaTokenExchange.class);
    /** Amazon documents 3600 s; used when an answer leaves `expires_in` out. */
    private static final long DEFAULT_LIFETIME_SECONDS = 3600;

    private final LwaClient lwa;

    public LwaTokenExchange(@RestClient LwaClient lwa) {
        this.lwa = lwa;
    }

    public Uni<IssuedToken> exchange(AmazonCredentials credentials) {
        return lwa.refresh("refresh_token", credentials.refreshToken(), credentials.clientId(),
                credentials.clientSecret())
                .onFailure(failure -> !(failure instanceof LwaException)).transform(failure -> {
                    // Only the type: a client's message could one day echo what it sent.
                    LOG.warnf("Login with Amazon unreachable: %s", failure.getClass().getSimpleName());
                    return new LwaException(502, UNREACHABLE, "Login with Amazon could not be reached");
                })
                .onFailure(LwaException.class).invoke(failure -> LOG.infof("Login with Amazon refused a refresh: %s",
                        ((LwaException) failure).error()))
                .map(answer -> {
                    if (answer == null || answer.accessToken() == null || answer.accessToken().isBlank()) {
                        throw new LwaException(502, "invalid_response", "Login with Amazon returned no access token");
                    }
                    long lifetime = answer.expiresIn() != null ? answer.expiresIn() : DEFAULT_LIFETIME_SECONDS;
                    return new IssuedToken(answer.accessToken(),
                            answer.tokenType() != null ? answer.tokenType() : "bearer", lifetime,
                            Instant.now().plusSeconds(lifetime));
                });
    }
}
