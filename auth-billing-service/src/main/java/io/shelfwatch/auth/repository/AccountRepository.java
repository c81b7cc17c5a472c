package io.shelfwatch.auth.repository;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.shelfwatch.auth.Account;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class AccountRepository implements PanacheRepositoryBase<Account, UUID> {

    /** Emails compare case-insensitively; they are stored lower-cased. */
    public Uni<Account> findByEmail(String email) {
        return find("email", email.trim().toLowerCase(Locale.ROOT)).firstResult();
    }

    /** One page (1-based) of all accounts, oldest first; a page past the end is empty. */
    public Uni<List<Account>> page(int page, int perPage) {
        // `page` may be as large as an int goes: the offset is a long, so it cannot wrap around.
        long offset = (long) (page - 1) * perPage;
        // Hibernate takes an int offset; no table here comes near one that large, so such a page is past the end.
        if (offset > Integer.MAX_VALUE - perPage) {
            return Uni.createFrom().item(List.of());
        }
        return findAll(Sort.by("createdAt").and("id")).range((int) offset, (int) offset + perPage - 1).list();
    }
}
