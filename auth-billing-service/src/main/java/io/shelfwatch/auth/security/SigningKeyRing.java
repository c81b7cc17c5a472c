package io.shelfwatch.auth.security;

import java.security.PrivateKey;
import java.security.interfaces.RSAPublicKey;
import java.util.List;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;

/** The keys in use, in memory: the newest signs, every one verifies. */
@ApplicationScoped
public class SigningKeyRing {

    public record LoadedKey(String kid, RSAPublicKey publicKey, PrivateKey privateKey) {
    }

    private volatile List<LoadedKey> keys = List.of();

    public void replace(List<LoadedKey> newestFirst) {
        this.keys = List.copyOf(newestFirst);
    }

    public LoadedKey signingKey() {
        List<LoadedKey> current = keys;
        if (current.isEmpty()) {
            throw new IllegalStateException("no signing key loaded yet");
        }
        return current.get(0);
    }

    public Optional<RSAPublicKey> verificationKey(String kid) {
        return keys.stream().filter(k -> k.kid().equals(kid)).map(LoadedKey::publicKey).findFirst();
    }

    public List<LoadedKey> all() {
        return keys;
    }
}
