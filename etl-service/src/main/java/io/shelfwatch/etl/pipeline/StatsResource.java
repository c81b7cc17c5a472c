package io.shelfwatch.etl.pipeline;

import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.TreeMap;

import org.apache.kafka.common.Metric;
import org.apache.kafka.common.MetricName;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.hibernate.reactive.panache.common.WithSession;
import io.quarkus.security.Authenticated;
import io.shelfwatch.etl.pipeline.JobsResource.JobExecutionResponse;
import io.smallrye.mutiny.Uni;
import io.smallrye.reactive.messaging.kafka.KafkaClientService;
import io.smallrye.reactive.messaging.kafka.KafkaConsumer;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;

/** Doc A's `GET /v1/etl/stats`: the pipeline's state at a glance. */
@Path("/v1/etl/stats")
public class StatsResource {

    private final JobExecutionRepository jobs;
    private final KafkaClientService kafka;

    public StatsResource(JobExecutionRepository jobs, KafkaClientService kafka) {
        this.jobs = jobs;
        this.kafka = kafka;
    }

    @GET
    @Authenticated
    @WithSession
    public Uni<Map<String, Object>> stats() {
        Map<String, Object> stats = new LinkedHashMap<>();
        Context context = Vertx.currentContext();
        return countBy("SELECT status, COUNT(*) FROM raw_events GROUP BY status")
                .invoke(counts -> stats.put("events", counts))
                .flatMap(ignored -> countBy("SELECT CASE WHEN is_resolved THEN 'resolved' ELSE 'active' END, COUNT(*)"
                        + " FROM market_alerts GROUP BY 1"))
                .invoke(counts -> stats.put("alerts", counts))
                .flatMap(ignored -> jobs.recent(10))
                .invoke(recent -> stats.put("recent_jobs", recent.stream().map(JobExecutionResponse::of).toList()))
                // The lag is read on the Kafka client's thread; the session is closed back on this request's context.
                .flatMap(ignored -> consumerLag().emitOn(task -> context.runOnContext(v -> task.run())))
                .map(lag -> {
                    stats.put("consumer_lag", lag);
                    return stats;
                });
    }

    private static Uni<Map<String, Long>> countBy(String sql) {
        return Panache.getSession().flatMap(s -> s.createNativeQuery(sql, Object[].class).getResultList())
                .map(rows -> {
                    Map<String, Long> counts = new TreeMap<>();
                    for (Object[] row : rows) {
                        counts.put(String.valueOf(row[0]), ((Number) row[1]).longValue());
                    }
                    return counts;
                });
    }

    /** Records the pipeline's consumer is behind the broker (the client's own records-lag-max); null when unknown. */
    private Uni<Long> consumerLag() {
        KafkaConsumer<Object, Object> consumer = kafka.getConsumer("raw-events-in");
        if (consumer == null) {
            return Uni.createFrom().nullItem();
        }
        return consumer.runOnPollingThread(c -> {
            Map<MetricName, ? extends Metric> metrics = c.metrics();
            return metrics.entrySet().stream()
                    .filter(e -> e.getKey().name().equals("records-lag-max") && !e.getKey().tags().containsKey("topic"))
                    .map(e -> e.getValue().metricValue())
                    .filter(v -> v instanceof Double d && !d.isNaN())
                    .map(v -> Math.round((Double) v))
                    .findFirst().orElse(null);
        }).ifNoItem().after(Duration.ofSeconds(2)).recoverWithItem((Long) null)
                .onFailure().recoverWithNull();
    }
}
