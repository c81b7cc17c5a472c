package io.shelfwatch.etl.alerts;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.panache.common.Sort;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class AlertHistoryRepository implements PanacheRepositoryBase<AlertHistoryEntry, UUID> {

    private static final Sort NEWEST_FIRST = Sort.descending("triggeredAt").and("id");

    public Uni<List<AlertHistoryEntry>> pageOfRule(UUID ruleId, int page, int perPage) {
        return PageWindow.list(find("ruleId", NEWEST_FIRST, ruleId), page, perPage);
    }

    public Uni<Long> countOfRule(UUID ruleId) {
        return count("ruleId", ruleId);
    }

    public Uni<List<AlertHistoryEntry>> pageOfUser(UUID userId, int page, int perPage) {
        return PageWindow.list(find("userId", NEWEST_FIRST, userId), page, perPage);
    }

    public Uni<Long> countOfUser(UUID userId) {
        return count("userId", userId);
    }
}
