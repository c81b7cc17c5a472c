package io.shelfwatch.etl.alerts;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class MarketAlertRepository implements PanacheRepositoryBase<MarketAlert, UUID> {

    /** Unresolved alerts, newest first, of one ASIN or of all. */
    public Uni<List<MarketAlert>> active(String asin, int limit) {
        var query = asin == null
                ? find("resolved = false", Sort.descending("createdAt"))
                : find("resolved = false and asin = ?1", Sort.descending("createdAt"), asin);
        return query.page(0, limit).list();
    }

    /** [alert_type, severity, count] of alerts raised since a moment. */
    public Uni<List<Object[]>> countsSince(OffsetDateTime since) {
        return getSession().flatMap(s -> s.createQuery("select a.alertType, a.severity, count(a) from MarketAlert a"
                + " where a.createdAt >= :since group by a.alertType, a.severity", Object[].class)
                .setParameter("since", since).getResultList());
    }
}
