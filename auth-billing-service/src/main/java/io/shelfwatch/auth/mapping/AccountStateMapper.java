package io.shelfwatch.auth.mapping;

import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.shelfwatch.auth.Account;
import io.shelfwatch.auth.Plan;
import io.shelfwatch.auth.messaging.EventEnvelope;

/** An account's full state as `account.events` carries it (contracts/schemas/account.events/account_state). */
public final class AccountStateMapper {

    public static final String TOPIC = "account.events";
    public static final String TYPE = "account_state";

    private AccountStateMapper() {
    }

    public record AccountState(
            @JsonProperty("user_id") UUID userId,
            @JsonProperty("email") String email,
            @JsonProperty("created_at") String createdAt,
            @JsonProperty("is_active") boolean isActive,
            @JsonProperty("deleted") boolean deleted,
            @JsonProperty("roles") List<String> roles,
            @JsonProperty("plan") String plan,
            @JsonProperty("max_competitors") int maxCompetitors,
            @JsonProperty("max_products") int maxProducts,
            @JsonProperty("scan_frequency") String scanFrequency,
            @JsonProperty("alerts_enabled") boolean alertsEnabled) {
    }

    public static EventEnvelope<AccountState> stateOf(Account account, boolean deleted) {
        Plan plan = account.planLimits();
        return EventEnvelope.of(TYPE, new AccountState(account.id, account.email,
                account.createdAt.withOffsetSameInstant(ZoneOffset.UTC).toInstant().toString(),
                account.active, deleted, account.roles(), plan.tier, plan.maxCompetitors, plan.maxProducts,
                plan.scanFrequency, plan.alertsEnabled));
    }
}
