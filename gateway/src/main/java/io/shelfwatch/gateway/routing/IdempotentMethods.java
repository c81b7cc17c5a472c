package io.shelfwatch.gateway.routing;

import java.util.Set;

import io.vertx.core.http.HttpMethod;

/** RFC 9110's idempotent methods (9.2.2): the only requests the gateway ever sends to an upstream twice. */
final class IdempotentMethods {

    private static final Set<HttpMethod> IDEMPOTENT = Set.of(
            HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS, HttpMethod.TRACE, HttpMethod.PUT, HttpMethod.DELETE);

    private IdempotentMethods() {
    }

    static boolean contains(HttpMethod method) {
        return IDEMPOTENT.contains(method);
    }
}
