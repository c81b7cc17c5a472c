package io.shelfwatch.gateway.messaging;

import java.time.Instant;
import java.time.format.DateTimeParseException;

import jakarta.enterprise.context.ApplicationScoped;

import org.eclipse.microprofile.reactive.messaging.Incoming;
import org.jboss.logging.Logger;

import io.shelfwatch.gateway.auth.Revocations;
import io.vertx.core.json.DecodeException;
import io.vertx.core.json.JsonObject;

/**
 * account.revocations (contracts/schemas/account.revocations): {@code api_key_revoked} evicts
 * the key's exchanged JWT, {@code tokens_revoked} voids the user's earlier tokens. Every replica
 * reads every record (a group per replica, see application.properties). A record that does not
 * parse goes to the dead-letter topic; a tombstone is nothing to do.
 */
@ApplicationScoped
public class RevocationsConsumer {

    private static final Logger LOG = Logger.getLogger(RevocationsConsumer.class);

    private final Revocations revocations;

    RevocationsConsumer(Revocations revocations) {
        this.revocations = revocations;
    }

    @Incoming("account-revocations")
    public void consume(String value) {
        if (value == null) {
            return;
        }
        JsonObject event;
        try {
            event = new JsonObject(value);
        } catch (DecodeException e) {
            throw new IllegalArgumentException("account.revocations record is not JSON", e);
        }
        JsonObject data = event.getJsonObject("data");
        String type = event.getString("type");
        if (data == null || type == null) {
            throw new IllegalArgumentException("account.revocations record without type or data");
        }
        String userId = required(data, "user_id");
        switch (type) {
            case "api_key_revoked" -> {
                revocations.apiKeyRevoked(userId, required(data, "key_prefix"));
                LOG.infof("API key %s of user %s revoked", data.getString("key_prefix"), userId);
            }
            case "tokens_revoked" -> {
                revocations.tokensRevoked(userId, instant(required(data, "revoked_at")));
                LOG.infof("Tokens of user %s revoked", userId);
            }
            default -> LOG.debugf("Ignoring account.revocations record of type %s", type);
        }
    }

    private static String required(JsonObject data, String field) {
        String value = data.getString(field);
        if (value == null || value.isBlank()) {
            throw new IllegalArgumentException("account.revocations record without " + field);
        }
        return value;
    }

    private static Instant instant(String value) {
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("account.revocations revoked_at is not ISO 8601", e);
        }
    }
}
