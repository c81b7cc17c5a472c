package io.shelfwatch.connector.client;

import io.smallrye.mutiny.Uni;

/** Where an SP-API call gets its LWA access token, and a new one after Amazon rejected it. */
public interface AccessTokenSource {

    Uni<String> current();

    /** A replacement for a token Amazon answered 401/403 to; fails when none can be had. */
    Uni<String> replace(String rejected);

    /** A token given for one call only (doc B's `access_token` in a body): it cannot be renewed. */
    static AccessTokenSource fixed(String token) {
        return new AccessTokenSource() {
            @Override
            public Uni<String> current() {
                return Uni.createFrom().item(token);
            }

            @Override
            public Uni<String> replace(String rejected) {
                return Uni.createFrom().failure(new SpApiException(401, "token",
                        "Amazon rejected the access_token given in the request", null));
            }
        };
    }
}
