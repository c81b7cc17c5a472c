package io.shelfwatch.auth.rest;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import jakarta.ws.rs.BadRequestException;

/** What a request's token says about its caller, and path ids as doc E wants them checked. */
final class Callers {

    private Callers() {
    }

    static UUID userId(JsonWebToken jwt) {
        return UUID.fromString(jwt.getSubject());
    }

    static boolean isAdmin(JsonWebToken jwt) {
        return jwt.getGroups() != null && jwt.getGroups().contains("admin");
    }

    /** The `scope` claim of a token obtained for an API key; empty for a sign-in token. */
    static List<String> scopes(JsonWebToken jwt) {
        Object scope = jwt.getClaim("scope");
        if (scope == null) {
            return List.of();
        }
        String text = scope.toString().replace("\"", "").trim();
        return text.isEmpty() ? List.of() : Arrays.asList(text.split(" +"));
    }

    /** A malformed UUID in a `/api/v1/**` path is 400 (doc E); a well-formed unknown one is the caller's 404. */
    static UUID pathId(String raw) {
        try {
            UUID id = UUID.fromString(raw);
            if (!id.toString().equalsIgnoreCase(raw)) {
                throw new IllegalArgumentException();
            }
            return id;
        } catch (IllegalArgumentException e) {
            throw new BadRequestException("Invalid id: not a UUID");
        }
    }
}
