package io.shelfwatch.auth.service;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.shelfwatch.auth.SigningKey;
import io.shelfwatch.auth.repository.SigningKeyRepository;
import io.shelfwatch.auth.security.SecretCipher;
import io.shelfwatch.auth.security.SigningKeyRing;
import jakarta.inject.Inject;

/** The generated signing key lives in PostgreSQL, encrypted, and is the same key after a restart. */
@QuarkusTest
class SigningKeyServiceTest {

    @Inject
    SigningKeyService service;
    @Inject
    SigningKeyRepository repository;
    @Inject
    SigningKeyRing ring;
    @Inject
    SecretCipher cipher;

    @Test
    void theKeyIsStoredEncryptedAndSurvivesAReload() throws Throwable {
        List<SigningKey> stored = VertxContextSupport.subscribeAndAwait(() -> repository.listNewestFirst());
        // One key at start-up; another test may have rotated in more, the newest of which signs.
        SigningKey key = stored.get(0);
        String kidBefore = ring.signingKey().kid();
        assertEquals(key.kid, kidBefore);

        byte[] pkcs8 = ring.signingKey().privateKey().getEncoded();
        assertFalse(containsSubsequence(key.privateKeyEncrypted, Arrays.copyOfRange(pkcs8, 40, 80)),
                "the private key is not stored in plain text");
        assertArrayEquals(pkcs8, cipher.decrypt(key.privateKeyEncrypted));

        // What a restart does: load again from the database.
        VertxContextSupport.subscribeAndAwait(() -> service.load());
        assertEquals(kidBefore, ring.signingKey().kid(), "a restart keeps the key");
        assertEquals(stored.size(),
                VertxContextSupport.<List<SigningKey>>subscribeAndAwait(() -> repository.listNewestFirst()).size(),
                "a restart generates no key");
    }

    private static boolean containsSubsequence(byte[] haystack, byte[] needle) {
        outer:
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            for (int j = 0; j < needle.length; j++) {
                if (haystack[i + j] != needle[j]) {
                    continue outer;
                }
            }
            return true;
        }
        return false;
    }
}
