package io.shelfwatch.gateway.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RequestIdHandlerTest {

    @ParameterizedTest
    @ValueSource(strings = { "a", "req-1", "A.b_c-9", "0b7c6f1e-1111-4c2b-9f00-000000000001" })
    void keepsASaneId(String id) {
        assertEquals(id, RequestIdHandler.acceptOrGenerate(id));
    }

    @Test
    void keepsAnIdOfExactly128Characters() {
        String id = "x".repeat(128);
        assertEquals(id, RequestIdHandler.acceptOrGenerate(id));
    }

    @ParameterizedTest
    @ValueSource(strings = { "", "has space", "semi;colon", "new\nline", "ünïcode", "{json}" })
    void replacesAnUnsafeId(String id) {
        String replaced = RequestIdHandler.acceptOrGenerate(id);
        assertNotEquals(id, replaced);
        assertEquals(replaced, UUID.fromString(replaced).toString());
    }

    @Test
    void replacesATooLongIdAndGeneratesAMissingOne() {
        String replaced = RequestIdHandler.acceptOrGenerate("x".repeat(129));
        assertEquals(replaced, UUID.fromString(replaced).toString());
        String generated = RequestIdHandler.acceptOrGenerate(null);
        assertEquals(generated, UUID.fromString(generated).toString());
    }
}
