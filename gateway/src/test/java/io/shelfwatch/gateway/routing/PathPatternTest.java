package io.shelfwatch.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PathPatternTest {

    @Test
    void anythingBelowIncludesTheBaseWithAndWithoutSlash() {
        PathPattern pattern = PathPattern.of("/api/inventory/**");
        assertTrue(pattern.matches("/api/inventory"));
        assertTrue(pattern.matches("/api/inventory/"));
        assertTrue(pattern.matches("/api/inventory/reports/1"));
        assertFalse(pattern.matches("/api/inventoryx"));
        assertFalse(pattern.matches("/api"));
    }

    @Test
    void exactPathAllowsOnlyATrailingSlash() {
        PathPattern pattern = PathPattern.of("/api/v1/usage");
        assertTrue(pattern.matches("/api/v1/usage"));
        assertTrue(pattern.matches("/api/v1/usage/"));
        assertFalse(pattern.matches("/api/v1/usage/x"));
    }

    @Test
    void variableIsExactlyOneSegment() {
        PathPattern pattern = PathPattern.of("/api/v1/competitors/{id}/products");
        assertTrue(pattern.matches("/api/v1/competitors/abc/products"));
        assertTrue(pattern.matches("/api/v1/competitors/abc/products/"));
        assertFalse(pattern.matches("/api/v1/competitors/products"));
        assertFalse(pattern.matches("/api/v1/competitors/a/b/products"));
    }

    @Test
    void dotsAreLiteral() {
        PathPattern pattern = PathPattern.of("/.well-known/jwks.json");
        assertTrue(pattern.matches("/.well-known/jwks.json"));
        assertFalse(pattern.matches("/.well-known/jwksXjson"));
    }

    @Test
    void refusesARelativePattern() {
        assertThrows(IllegalArgumentException.class, () -> PathPattern.of("api/x"));
    }
}
