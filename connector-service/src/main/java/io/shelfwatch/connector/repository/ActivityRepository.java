package io.shelfwatch.connector.repository;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.shelfwatch.connector.Activity;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class ActivityRepository implements PanacheRepositoryBase<Activity, UUID> {

    /** The filters of doc B's `GET /api/activities/`; null means "any". */
    public record Filter(UUID userId, String marketplaceId, String status, String activityType, String search,
            OffsetDateTime from, OffsetDateTime before) {
    }

    public record Page(List<Activity> activities, long total) {
    }

    public Uni<Activity> findOwned(UUID userId, UUID id) {
        return find("id = ?1 and userId = ?2", id, userId).firstResult();
    }

    public Uni<Page> page(Filter filter, int page, int pageSize) {
        StringBuilder query = new StringBuilder("userId = :user");
        Parameters parameters = Parameters.with("user", filter.userId());
        if (filter.marketplaceId() != null) {
            query.append(" and marketplaceId = :marketplace");
            parameters.and("marketplace", filter.marketplaceId());
        }
        if (filter.status() != null) {
            query.append(" and status = :status");
            parameters.and("status", filter.status());
        }
        if (filter.activityType() != null) {
            query.append(" and activityType = :type");
            parameters.and("type", filter.activityType());
        }
        if (filter.search() != null) {
            query.append(" and (lower(coalesce(detail, '')) like :search escape '\\'"
                    + " or lower(coalesce(errorMessage, '')) like :search escape '\\'"
                    + " or lower(coalesce(marketplaceId, '')) like :search escape '\\')");
            parameters.and("search", "%" + filter.search().toLowerCase().replace("\\", "\\\\").replace("%", "\\%")
                    .replace("_", "\\_") + "%");
        }
        if (filter.from() != null) {
            query.append(" and createdAt >= :from");
            parameters.and("from", filter.from());
        }
        if (filter.before() != null) {
            query.append(" and createdAt < :before");
            parameters.and("before", filter.before());
        }
        var found = find(query.toString(), Sort.descending("createdAt").and("id"), parameters);
        return found.count().flatMap(total -> {
            // A long: (page - 1) × page size overflows an int for pages near Integer.MAX_VALUE.
            long first = (long) (page - 1) * pageSize;
            if (first >= total) {
                return Uni.createFrom().item(new Page(List.of(), total));
            }
            long last = Math.min(first + pageSize, total) - 1;
            return found.range((int) first, (int) last).list().map(list -> new Page(list, total));
        });
    }

    public Uni<List<Activity>> since(UUID userId, OffsetDateTime since, String marketplaceId) {
        if (marketplaceId == null) {
            return find("userId = ?1 and createdAt >= ?2", Sort.descending("createdAt"), userId, since).list();
        }
        return find("userId = ?1 and createdAt >= ?2 and marketplaceId = ?3", Sort.descending("createdAt"), userId,
                since, marketplaceId).list();
    }

    /**
     * Claims the oldest background job no replica is running (pending, or its lease ran out),
     * skipping rows another replica is claiming this moment.
     */
    public Uni<Activity> lockRunnable() {
        return getSession().flatMap(session -> session.createNativeQuery("SELECT * FROM activities"
                + " WHERE background AND (status = 'pending' OR (status = 'in_progress' AND lease_until < now()))"
                + " ORDER BY created_at LIMIT 1 FOR UPDATE SKIP LOCKED", Activity.class)
                .getResultList())
                .map(rows -> rows.isEmpty() ? null : rows.get(0));
    }

    public Uni<Long> deleteFor(UUID userId) {
        return delete("userId", userId);
    }
}
