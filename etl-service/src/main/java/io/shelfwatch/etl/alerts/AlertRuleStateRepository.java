package io.shelfwatch.etl.alerts;

import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.PanacheRepositoryBase;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

@ApplicationScoped
@WithSession
public class AlertRuleStateRepository implements PanacheRepositoryBase<AlertRuleState, AlertRuleState.Key> {

    public Uni<List<AlertRuleState>> ofProduct(String productKey) {
        return list("productKey", productKey);
    }

    /** Forgets where a rule stood, so a changed or re-enabled rule measures afresh. */
    public Uni<Long> forget(UUID ruleId) {
        return delete("ruleId", ruleId);
    }
}
