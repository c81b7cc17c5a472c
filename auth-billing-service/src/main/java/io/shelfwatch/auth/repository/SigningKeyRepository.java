package io.shelfwatch.auth.repository;

import java.util.List;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.shelfwatch.auth.SigningKey;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class SigningKeyRepository implements PanacheRepositoryBase<SigningKey, String> {

    /** Every stored key, newest first: the first unretired one signs, all of them verify. */
    public Uni<List<SigningKey>> listNewestFirst() {
        return list("order by createdAt desc");
    }

    /**
     * Serialises key generation across replicas: the first to take the lock generates, the
     * others wait and then find its key.
     */
    public Uni<Void> lockForGeneration() {
        return getSession()
                .flatMap(session -> session.createNativeQuery("SELECT pg_advisory_xact_lock(4242001)")
                        .getSingleResult())
                .replaceWithVoid();
    }
}
