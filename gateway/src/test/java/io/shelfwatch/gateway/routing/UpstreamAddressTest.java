package io.shelfwatch.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

class UpstreamAddressTest {

    @Test
    void parsesHostPortAndScheme() {
        assertEquals(new UpstreamAddress("127.0.0.1", 8082, false), UpstreamAddress.parse("http://127.0.0.1:8082"));
        assertEquals(new UpstreamAddress("product.internal", 443, true), UpstreamAddress.parse("https://product.internal/"));
        assertEquals(new UpstreamAddress("product", 80, false), UpstreamAddress.parse("http://product"));
    }

    @Test
    void refusesWhatItCannotHonour() {
        assertThrows(IllegalArgumentException.class, () -> UpstreamAddress.parse("http://product:8082/prefix"));
        assertThrows(IllegalArgumentException.class, () -> UpstreamAddress.parse("ftp://product"));
    }
}
