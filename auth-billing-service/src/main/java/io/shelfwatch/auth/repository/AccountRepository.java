package io.shelfwatch.auth.repository;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Page;
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

    /** One page (1-based) of all accounts, oldest first. */
    public Uni<List<Account>> page(int page, int perPage) {
        return findAll(Sort.by("createdAt").and("id")).page(Page.of(page - 1, perPage)).list();
    }
}
