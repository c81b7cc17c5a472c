package io.shelfwatch.connector.service;

import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.shelfwatch.connector.Activity;
import io.shelfwatch.connector.client.AccessTokenSource;
import io.shelfwatch.connector.repository.OrderStore;
import io.shelfwatch.connector.service.ActivityService.Counts;
import io.shelfwatch.connector.service.OrderFetchService.FetchPlan;
import io.shelfwatch.connector.service.jobs.BackgroundJob;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * `POST /api/fetch-data/` with `"background": true`: the period is fetched one day at a time;
 * after each day the activity records where it got to, so a run interrupted by a restart
 * resumes with the next day instead of starting over. At the end the stored orders of the
 * whole period are processed as a foreground fetch would (cache_key, exports with auto_save).
 */
@ApplicationScoped
public class FetchDataJob implements BackgroundJob {

    public static final String ACTION = "fetch_data";
    static final Duration WINDOW = Duration.ofDays(1);

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Request(@JsonProperty("marketplace_id") String marketplaceId,
            @JsonProperty("created_after") Instant createdAfter, @JsonProperty("created_before") Instant createdBefore,
            @JsonProperty("max_orders") Integer maxOrders, @JsonProperty("auto_save") boolean autoSave) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    public record Progress(@JsonProperty("resume_from") Instant resumeFrom, @JsonProperty("orders") int orders,
            @JsonProperty("order_items") int items, @JsonProperty("pages") int pages,
            @JsonProperty("failed_orders") List<String> failedOrders) {
    }

    private final OrderFetchService fetcher;
    private final ConnectionService connections;
    private final ActivityService activities;
    private final OrderStore store;

    public FetchDataJob(OrderFetchService fetcher, ConnectionService connections, ActivityService activities,
            OrderStore store) {
        this.fetcher = fetcher;
        this.connections = connections;
        this.activities = activities;
        this.store = store;
    }

    @Override
    public String action() {
        return ACTION;
    }

    @Override
    public Uni<Void> run(Activity activity) {
        Request request = activities.read(activity.request, Request.class);
        Progress progress = activity.progress != null ? activities.read(activity.progress, Progress.class)
                : new Progress(request.createdAfter(), 0, 0, 0, List.of());
        return window(activity, request, connections.tokens(activity.userId), progress);
    }

    private Uni<Void> window(Activity activity, Request request, AccessTokenSource tokens, Progress progress) {
        boolean full = request.maxOrders() != null && progress.orders() >= request.maxOrders();
        if (full || !progress.resumeFrom().isBefore(request.createdBefore())) {
            return finish(activity, request, progress);
        }
        Instant end = progress.resumeFrom().plus(WINDOW);
        if (end.isAfter(request.createdBefore())) {
            end = request.createdBefore();
        }
        Integer remaining = request.maxOrders() == null ? null : request.maxOrders() - progress.orders();
        FetchPlan plan = new FetchPlan(request.marketplaceId(), progress.resumeFrom(), end, remaining, false);
        Instant windowEnd = end;
        return fetcher.fetchAndStore(activity.userId, tokens, plan).flatMap(got -> {
            List<String> failed = new ArrayList<>(progress.failedOrders());
            failed.addAll(got.failedOrders());
            Progress next = new Progress(windowEnd, progress.orders() + got.orders(), progress.items() + got.items(),
                    progress.pages() + got.pages(), failed);
            return activities.progress(activity.id, "Fetched orders up to " + windowEnd + ": " + next.orders()
                    + " orders, " + next.items() + " items", next)
                    .flatMap(ignored -> window(activity, request, tokens, next));
        });
    }

    private Uni<Void> finish(Activity activity, Request request, Progress progress) {
        FetchPlan plan = new FetchPlan(request.marketplaceId(), request.createdAfter(), request.createdBefore(),
                request.maxOrders(), request.autoSave());
        return Panache.withSession(() -> store.processedRows(activity.userId, request.marketplaceId(),
                request.createdAfter().atOffset(ZoneOffset.UTC), request.createdBefore().atOffset(ZoneOffset.UTC),
                request.maxOrders()))
                .flatMap(rows -> fetcher.processRows(activity.userId, plan, rows))
                .flatMap(processed -> {
                    Map<String, Object> result = new LinkedHashMap<>();
                    result.put("marketplace_id", request.marketplaceId());
                    result.put("start_date", request.createdAfter().toString());
                    result.put("end_date", request.createdBefore().toString());
                    result.put("statistics", new OrderFetchService.Statistics(progress.orders(), progress.items(),
                            progress.failedOrders().size(), progress.pages()));
                    result.put("failed_orders", progress.failedOrders());
                    result.put("processed_data", processed);
                    return activities.complete(activity.id, "Fetched " + progress.orders() + " orders and "
                            + progress.items() + " items" + (progress.failedOrders().isEmpty() ? ""
                                    : "; items of " + progress.failedOrders().size()
                                            + " orders failed (POST /api/fetch-missing-items/)"),
                            new Counts(progress.orders(), progress.items(), 0, progress.failedOrders().size()),
                            result);
                });
    }
}
