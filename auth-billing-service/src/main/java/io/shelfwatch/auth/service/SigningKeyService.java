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
import io.quarkus.scheduler.Scheduled;
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

    /**
     * Every replica re-reads the stored keys now and then, so a key another replica rotated in
     * is in its JWKS and signs here too within one interval.
     */
    @Scheduled(every = "${auth.jwt.key-reload-interval:60s}", delayed = "${auth.jwt.key-reload-interval:60s}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> reloadPeriodically() {
        return config.jwt().signingKey().filter(s -> !s.isBlank()).isPresent()
                ? Uni.createFrom().voidItem()
                : loadOrGenerateStored().invoke(ring::replace).replaceWithVoid();
    }

    /**
     * A new key signs from now on; the old one is retired but stays in the JWKS until every
     * token it signed has expired. Not possible with a fixed JWT_SIGNING_KEY.
     */
    public Uni<String> rotate() {
        if (config.jwt().signingKey().filter(s -> !s.isBlank()).isPresent()) {
            return Uni.createFrom().failure(new jakarta.ws.rs.ClientErrorException(
                    "The signing key is fixed by JWT_SIGNING_KEY", 409));
        }
        return retireAndGenerate().invoke(ring::replace).map(keys -> keys.get(0).kid());
    }

    @WithTransaction
    Uni<List<SigningKeyRing.LoadedKey>> retireAndGenerate() {
        OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
        return repository.lockForGeneration()
                .flatMap(locked -> repository.listNewestFirst())
                .invoke(stored -> stored.stream().filter(k -> k.retiredAt == null).forEach(k -> k.retiredAt = now))
                .flatMap(stored -> generate().map(created -> {
                    List<SigningKey> all = new ArrayList<>(stored);
                    all.add(0, created);
                    return all;
                }))
                .map(this::decryptAll);
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
        // A retired key verifies until the longest-lived token it can have signed has expired.
        OffsetDateTime stillVerifying = OffsetDateTime.now(ZoneOffset.UTC)
                .minus(config.jwt().accessTokenTtl()).minus(config.jwt().clockSkew());
        for (SigningKey key : newestFirst) {
            if (key.retiredAt != null && key.retiredAt.isBefore(stillVerifying)) {
                continue;
            }
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
