package io.shelfwatch.connector.service.jobs;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.scheduler.Scheduled;
import io.shelfwatch.connector.Activity;
import io.shelfwatch.connector.config.ConnectorConfig;
import io.shelfwatch.connector.repository.ActivityRepository;
import io.shelfwatch.connector.service.ActivityService;
import io.quarkus.vertx.core.runtime.context.VertxContextSafetyToggle;
import io.smallrye.common.vertx.VertxContext;
import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Instance;

/**
 * Runs background activities on whichever replica claims them first (row lock with SKIP
 * LOCKED). A replica owns a job while its lease lasts and renews the lease of every job it runs;
 * a job whose replica stopped is claimed again once the lease ran out, and resumes from its
 * recorded progress.
 */
@ApplicationScoped
public class BackgroundJobRunner {

    private static final Logger LOG = Logger.getLogger(BackgroundJobRunner.class);

    private final ActivityRepository activities;
    private final ActivityService activityService;
    private final ConnectorConfig config;
    private final Vertx vertx;
    private final Map<String, BackgroundJob> jobs;
    private final Set<UUID> running = ConcurrentHashMap.newKeySet();

    public BackgroundJobRunner(ActivityRepository activities, ActivityService activityService, ConnectorConfig config,
            Vertx vertx, Instance<BackgroundJob> jobs) {
        this.activities = activities;
        this.activityService = activityService;
        this.config = config;
        this.vertx = vertx;
        this.jobs = jobs.stream().collect(Collectors.toMap(BackgroundJob::action, Function.identity()));
    }

    @Scheduled(every = "${connector.jobs.poll-interval:2s}", delayed = "2s",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    Uni<Void> tick() {
        return renewLeases().flatMap(ignored -> running.size() >= config.jobs().concurrency()
                ? Uni.createFrom().voidItem()
                : claim().invoke(claimed -> {
                    if (claimed != null) {
                        launch(claimed);
                    }
                }).replaceWithVoid())
                .onFailure().recoverWithItem(failure -> {
                    LOG.warnf("background jobs: %s", failure.getClass().getSimpleName());
                    return null;
                });
    }

    /** Claims one runnable job; one that has been started too often is marked failed instead. */
    Uni<Activity> claim() {
        return Panache.withTransaction(() -> activities.lockRunnable().map(activity -> {
            if (activity == null) {
                return null;
            }
            OffsetDateTime now = OffsetDateTime.now(ZoneOffset.UTC);
            activity.attempts++;
            activity.updatedAt = now;
            if (activity.attempts > config.jobs().maxAttempts() || !jobs.containsKey(activity.action)) {
                activity.status = Activity.FAILED;
                activity.errorMessage = jobs.containsKey(activity.action)
                        ? "Stopped after " + (activity.attempts - 1) + " interrupted runs"
                        : "Unknown background operation " + activity.action;
                activity.completedAt = now;
                activity.leaseUntil = null;
                return null;
            }
            if (activity.attempts > 1) {
                LOG.infof("resuming background activity %s (%s), run %d", activity.id, activity.action,
                        activity.attempts);
            }
            activity.status = Activity.IN_PROGRESS;
            if (activity.startedAt == null) {
                activity.startedAt = now;
            }
            activity.leaseUntil = now.plus(config.jobs().lease());
            return activity;
        }));
    }

    /** Each job on a fresh duplicated context: its own Hibernate Reactive session, never shared. */
    private void launch(Activity activity) {
        BackgroundJob job = jobs.get(activity.action);
        running.add(activity.id);
        Context context = VertxContext.createNewDuplicatedContext(vertx.getOrCreateContext());
        // Hibernate Reactive accepts only a context marked safe (used by one flow at a time), as a request's is.
        VertxContextSafetyToggle.setContextSafe(context, true);
        context.runOnContext(ignored -> Uni.createFrom().deferred(() -> job.run(activity))
                .onFailure().call(failure -> {
                    LOG.warnf("background activity %s failed: %s", activity.id, failure.getClass().getSimpleName());
                    LOG.debug("background activity failure", failure);
                    return activityService.fail(activity.id, ActivityService.messageOf(failure),
                            ActivityService.Counts.NONE);
                })
                .onTermination().invoke(() -> running.remove(activity.id))
                .subscribe().with(done -> {
                }, failure -> LOG.debugf("background activity %s: %s", activity.id, failure)));
    }

    private Uni<Void> renewLeases() {
        if (running.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<UUID> ids = List.copyOf(running);
        return Panache.withTransaction(() -> activities.update(
                "leaseUntil = ?1 where id in ?2 and status = ?3",
                OffsetDateTime.now(ZoneOffset.UTC).plus(config.jobs().lease()), ids, Activity.IN_PROGRESS))
                .replaceWithVoid();
    }

    /** Jobs this replica is running now (for tests and metrics). */
    public int runningCount() {
        return running.size();
    }
}
