package io.shelfwatch.connector.service;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.Executor;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.function.Supplier;

import org.jboss.logging.Logger;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.shelfwatch.connector.Activity;
import io.shelfwatch.connector.client.ContextExecutor;
import io.shelfwatch.connector.client.LwaClient.LwaException;
import io.shelfwatch.connector.client.SpApiException;
import io.shelfwatch.connector.config.ConnectorConfig;
import io.shelfwatch.connector.repository.ActivityRepository;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
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

    /** Why a request's activity ended when its client hung up (or the gateway gave up on it). */
    public static final String CLIENT_GONE = "Stopped: the client stopped waiting before the operation finished";

    private static final Logger LOG = Logger.getLogger(ActivityService.class);

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
    private final Vertx vertx;

    public ActivityService(ActivityRepository activities, ObjectMapper json, ConnectorConfig config, Vertx vertx) {
        this.activities = activities;
        this.json = json;
        this.config = config;
        this.vertx = vertx;
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

    /**
     * Runs `work`, a request's own work, as a recorded activity that always ends: completed with its
     * outcome, failed with a safe message, failed as out of time after `connector.request-deadline`
     * (answered 408), or failed when the client stops waiting (the work is stopped then).
     */
    public <T> Uni<T> record(UUID userId, String type, String action, String marketplaceId, String detail,
            Supplier<Uni<T>> work, Function<T, Outcome> outcome) {
        return start(userId, type, action, marketplaceId, detail).flatMap(activity -> {
            Executor requestContext = ContextExecutor.current();
            return work.get()
                    // The timer fires on another thread; the failure is recorded on the request's context,
                    // which Hibernate Reactive needs.
                    .ifNoItem().after(config.requestDeadline()).recoverWithUni(() -> Uni.createFrom()
                            .<T> failure(new RequestDeadlineExceededException(config.requestDeadline()))
                            .emitOn(requestContext))
                    .call(value -> {
                        Outcome o = outcome.apply(value);
                        return complete(activity.id, o.detail(), o.counts(), o.result());
                    })
                    .onFailure().call(failure -> fail(activity.id, messageOf(failure), Counts.NONE))
                    .onCancellation().invoke(() -> endAbandoned(activity.id));
        });
    }

    /**
     * The client hung up, so the request's work was cancelled: its activity is marked failed, unless it
     * ended meanwhile. Runs on a context of its own, since the cancelled request's may still be in use.
     */
    private void endAbandoned(UUID id) {
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        // Hibernate Reactive accepts only a context marked safe (used by one flow at a time), as a request's is.
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> update(id, a -> {
            if (Activity.IN_PROGRESS.equals(a.status)) {
                ending(Activity.FAILED, null, CLIENT_GONE, Counts.NONE, null).accept(a);
            }
        }).subscribe().with(done -> LOG.infof("activity %s: the client stopped waiting", id),
                failure -> LOG.warnf("activity %s could not be marked failed: %s", id,
                        failure.getClass().getSimpleName())));
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
            return messageOf(lwa);
        }
        // The client sees no exception names; the operator finds the cause in the log.
        LOG.warnf(failure, "activity failed unexpectedly");
        return "Unexpected error; try again later";
    }

    /** Told apart as the HTTP answer is (AmazonErrorMappers): refused credentials, or Amazon out of reach. */
    private static String messageOf(LwaException lwa) {
        if (lwa.status() >= 400 && lwa.status() < 500) {
            return "Amazon rejected the credentials (" + lwa.error() + ")";
        }
        if (LwaTokenExchange.UNREACHABLE.equals(lwa.error())) {
            return "Login with Amazon could not be reached; try again later";
        }
        return "Login with Amazon is unavailable (" + lwa.error() + "); try again later";
    }

    private Uni<Void> finish(UUID id, String status, String detail, String error, Counts counts, Object result) {
        return update(id, ending(status, detail, error, counts, result));
    }

    private Consumer<Activity> ending(String status, String detail, String error, Counts counts,
            Object result) {
        return a -> {
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
        };
    }

    private Uni<Void> update(UUID id, Consumer<Activity> change) {
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
