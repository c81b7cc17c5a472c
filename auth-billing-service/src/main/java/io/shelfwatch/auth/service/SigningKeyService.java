package io.shelfwatch.auth.service;

import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.interfaces.RSAPublicKey;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.quarkus.runtime.StartupEvent;
import io.quarkus.vertx.VertxContextSupport;
import io.shelfwatch.auth.SigningKey;
import io.shelfwatch.auth.config.AuthConfig;
import io.shelfwatch.auth.repository.SigningKeyRepository;
import io.shelfwatch.auth.security.RsaKeys;
import io.shelfwatch.auth.security.SecretCipher;
import io.shelfwatch.auth.security.SigningKeyRing;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;

/**
 * Loads the token signing key at start-up: JWT_SIGNING_KEY when set, otherwise the key
 * stored (encrypted) in the database, generated once by whichever replica starts first.
 */
@ApplicationScoped
public class SigningKeyService {

    private static final Logger LOG = Logger.getLogger(SigningKeyService.class);

    private final AuthConfig config;
    private final SigningKeyRepository repository;
    private final SecretCipher cipher;
    private final SigningKeyRing ring;

    public SigningKeyService(AuthConfig config, SigningKeyRepository repository, SecretCipher cipher,
            SigningKeyRing ring) {
        this.config = config;
        this.repository = repository;
        this.cipher = cipher;
        this.ring = ring;
    }

    void onStart(@Observes StartupEvent event) throws Throwable {
        VertxContextSupport.subscribeAndAwait(this::load);
    }

    public Uni<Void> load() {
        var configured = config.jwt().signingKey().filter(s -> !s.isBlank());
        if (configured.isPresent()) {
            KeyPair pair = RsaKeys.fromConfiguredPem(configured.get());
            RSAPublicKey publicKey = (RSAPublicKey) pair.getPublic();
            ring.replace(List.of(new SigningKeyRing.LoadedKey(RsaKeys.kid(publicKey), publicKey, pair.getPrivate())));
            LOG.info("token signing key taken from JWT_SIGNING_KEY");
            return Uni.createFrom().voidItem();
        }
        return loadOrGenerateStored().invoke(ring::replace).replaceWithVoid();
    }

    @WithTransaction
    Uni<List<SigningKeyRing.LoadedKey>> loadOrGenerateStored() {
        return repository.lockForGeneration()
                .flatMap(locked -> repository.listNewestFirst())
                .flatMap(stored -> stored.stream().anyMatch(k -> k.retiredAt == null)
                        ? Uni.createFrom().item(stored)
                        : generate().map(created -> {
                            List<SigningKey> all = new ArrayList<>(stored);
                            all.add(0, created);
                            return all;
                        }))
                .map(this::decryptAll);
    }

    private Uni<SigningKey> generate() {
        KeyPair pair = RsaKeys.generate();
        SigningKey key = new SigningKey();
        key.kid = RsaKeys.kid((RSAPublicKey) pair.getPublic());
        key.publicKey = pair.getPublic().getEncoded();
        key.privateKeyEncrypted = cipher.encrypt(pair.getPrivate().getEncoded());
        key.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        LOG.infof("generated a new token signing key %s", key.kid);
        return repository.persist(key);
    }

    private List<SigningKeyRing.LoadedKey> decryptAll(List<SigningKey> newestFirst) {
        List<SigningKeyRing.LoadedKey> loaded = new ArrayList<>();
        for (SigningKey key : newestFirst) {
            try {
                loaded.add(new SigningKeyRing.LoadedKey(key.kid, RsaKeys.publicKey(key.publicKey),
                        RsaKeys.privateKey(cipher.decrypt(key.privateKeyEncrypted))));
            } catch (GeneralSecurityException e) {
                throw new IllegalStateException("stored signing key " + key.kid + " is unreadable");
            }
        }
        return loaded;
    }
}
