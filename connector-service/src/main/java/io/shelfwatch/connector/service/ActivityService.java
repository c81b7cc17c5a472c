package io.shelfwatch.connector.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.function.Function;
import java.util.function.Supplier;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.shelfwatch.connector.Activity;
import io.shelfwatch.connector.client.LwaClient.LwaException;
import io.shelfwatch.connector.client.SpApiException;
import io.shelfwatch.connector.config.ConnectorConfig;
import io.shelfwatch.connector.repository.ActivityRepository;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.WebApplicationException;

/**
 * Records what users' operations did (doc B's activity log). Each change is a transaction of
 * its own, committed at once, so a running operation is visible while it runs.
 */
@ApplicationScoped
public class ActivityService {

    public static final String ORDERS = "orders";
    public static final String REPORTS = "reports";
    public static final String SCHEDULES = "schedules";
    public static final String SYNC = "sync";

    /** Records handled: `processed` in all, of which `created`, `updated` and `failed`. */
    public record Counts(int processed, int created, int updated, int failed) {
        public static final Counts NONE = new Counts(0, 0, 0, 0);
    }

    /** How an operation's outcome is written down. */
    public record Outcome(String detail, Counts counts, Object result) {
    }

    private final ActivityRepository activities;
    private final ObjectMapper json;
    private final ConnectorConfig config;

    public ActivityService(ActivityRepository activities, ObjectMapper json, ConnectorConfig config) {
        this.activities = activities;
        this.json = json;
        this.config = config;
    }

    /** An operation starting now, in this request. */
    public Uni<Activity> start(UUID userId, String type, String action, String marketplaceId, String detail) {
        Activity activity = create(userId, type, action, marketplaceId, detail, Activity.IN_PROGRESS);
        activity.startedAt = activity.createdAt;
        return Panache.withTransaction(() -> activities.persist(activity));
    }

    /** Background work: pending until a replica's job runner claims it. */
    public Uni<Activity> enqueue(UUID userId, String type, String action, String marketplaceId, String detail,
            Object request) {
        Activity activity = create(userId, type, action, marketplaceId, detail, Activity.PENDING);
        activity.background = true;
        activity.request = write(request);
        return Panache.withTransaction(() -> activities.persist(activity));
    }

    /** Runs `work` as a recorded activity: completed with its outcome, or failed with a safe message. */
    public <T> Uni<T> record(UUID userId, String type, String action, String marketplaceId, String detail,
            Supplier<Uni<T>> work, Function<T, Outcome> outcome) {
        return start(userId, type, action, marketplaceId, detail).flatMap(activity -> work.get()
                .call(value -> {
                    Outcome o = outcome.apply(value);
                    return complete(activity.id, o.detail(), o.counts(), o.result());
                })
                .onFailure().call(failure -> fail(activity.id, messageOf(failure), Counts.NONE)));
    }

    /** Progress of a running activity; also renews a background job's lease. */
    public Uni<Void> progress(UUID id, String detail, Object progress) {
        return update(id, a -> {
            if (detail != null) {
                a.detail = detail;
            }
            if (progress != null) {
                a.progress = write(progress);
            }
            if (a.background) {
                a.leaseUntil = now().plus(config.jobs().lease());
            }
        });
    }

    public Uni<Void> complete(UUID id, String detail, Counts counts, Object result) {
        return finish(id, Activity.COMPLETED, detail, null, counts, result);
    }

    public Uni<Void> fail(UUID id, String errorMessage, Counts counts) {
        return finish(id, Activity.FAILED, null, errorMessage, counts, null);
    }

    public Uni<Void> cancel(UUID id, String errorMessage) {
        return finish(id, Activity.CANCELLED, null, errorMessage, Counts.NONE, null);
    }

    /** What a failure may tell a user: our own messages, never an exception's internals. */
    public static String messageOf(Throwable failure) {
        if (failure instanceof SpApiException || failure instanceof WebApplicationException) {
            return failure.getMessage();
        }
        if (failure instanceof LwaException lwa) {
            return "Amazon rejected the credentials (" + lwa.error() + ")";
        }
        return "Unexpected error (" + failure.getClass().getSimpleName() + ")";
    }

    private Uni<Void> finish(UUID id, String status, String detail, String error, Counts counts, Object result) {
        return update(id, a -> {
            a.status = status;
            if (detail != null) {
                a.detail = detail;
            }
            a.errorMessage = error;
            if (counts != null && counts != Counts.NONE) {
                a.recordsProcessed = counts.processed();
                a.recordsCreated = counts.created();
                a.recordsUpdated = counts.updated();
                a.recordsFailed = counts.failed();
            }
            if (result != null) {
                a.result = write(result);
            }
            a.completedAt = now();
            if (a.startedAt == null) {
                a.startedAt = a.completedAt;
            }
            a.leaseUntil = null;
        });
    }

    private Uni<Void> update(UUID id, java.util.function.Consumer<Activity> change) {
        return Panache.withTransaction(() -> activities.findById(id).invoke(a -> {
            if (a != null) {
                change.accept(a);
                a.updatedAt = now();
            }
        })).replaceWithVoid();
    }

    private static Activity create(UUID userId, String type, String action, String marketplaceId, String detail,
            String status) {
        Activity activity = new Activity();
        activity.id = UUID.randomUUID();
        activity.userId = userId;
        activity.activityType = type;
        activity.action = action;
        activity.marketplaceId = marketplaceId;
        activity.status = status;
        activity.detail = detail;
        activity.createdAt = now();
        activity.updatedAt = activity.createdAt;
        return activity;
    }

    public String write(Object value) {
        if (value == null) {
            return null;
        }
        try {
            return json.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("activity data could not be written", e);
        }
    }

    public <T> T read(String text, Class<T> type) {
        if (text == null) {
            return null;
        }
        try {
            return json.readValue(text, type);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("activity data could not be read", e);
        }
    }

    private static OffsetDateTime now() {
        return OffsetDateTime.now(ZoneOffset.UTC);
    }
}
