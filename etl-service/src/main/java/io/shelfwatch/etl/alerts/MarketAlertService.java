package io.shelfwatch.etl.alerts;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

import org.hibernate.id.uuid.UuidVersion7Strategy;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shelfwatch.etl.config.EtlConfig;
import io.shelfwatch.etl.messaging.EventEnvelope;
import io.shelfwatch.etl.messaging.OutboxRows;
import io.shelfwatch.etl.pipeline.Observation;
import io.shelfwatch.etl.pipeline.ObservationListener;
import io.smallrye.mutiny.Uni;
import io.vertx.mutiny.sqlclient.SqlConnection;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Doc A's market alerts: each observation that changed a product is compared with the one
 * before; a price or rank move past its threshold raises one alert, stored and published on
 * `alerts` in the pipeline's transaction, a batch's alerts in one statement. A repeated observation changes nothing, so raises nothing.
 */
@ApplicationScoped
public class MarketAlertService implements ObservationListener {

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    // The batch's alerts in one statement; the observation's id keeps it to one alert per move and type.
    private static final String INSERT = """
            INSERT INTO market_alerts (id, product_key, asin, alert_type, severity, current_value, previous_value,
                change_percent, message, source_event_id, created_at)
            SELECT t.id, t.product_key, t.asin, t.alert_type, t.severity, CAST(t.current_value AS numeric),
                   CAST(t.previous_value AS numeric), CAST(t.change_percent AS numeric), t.message, t.source_event_id,
                   t.created_at
              FROM unnest($1::uuid[], $2::text[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[],
                          $8::text[], $9::text[], $10::uuid[], $11::timestamptz[])
                   AS t(id, product_key, asin, alert_type, severity, current_value, previous_value, change_percent,
                        message, source_event_id, created_at)
            ON CONFLICT (source_event_id, alert_type) DO NOTHING
            """;

    private final MarketAlertRepository alerts;
    private final EtlConfig config;

    public MarketAlertService(MarketAlertRepository alerts, EtlConfig config) {
        this.alerts = alerts;
        this.config = config;
    }

    @Override
    public Uni<Void> changed(SqlConnection conn, List<Observation> observations, OutboxRows outbox) {
        List<MarketAlert> raised = new ArrayList<>();
        for (Observation o : observations) {
            for (MarketAlert alert : raisedBy(o)) {
                raised.add(alert);
                publish(o, alert, outbox);
            }
        }
        if (raised.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        int n = raised.size();
        UUID[] ids = new UUID[n], events = new UUID[n];
        String[] keys = new String[n], asins = new String[n], types = new String[n], severities = new String[n],
                current = new String[n], previous = new String[n], changes = new String[n], messages = new String[n];
        OffsetDateTime[] created = new OffsetDateTime[n];
        for (int i = 0; i < n; i++) {
            MarketAlert a = raised.get(i);
            ids[i] = a.id;
            keys[i] = a.productKey;
            asins[i] = a.asin;
            types[i] = a.alertType;
            severities[i] = a.severity;
            current[i] = text(a.currentValue);
            previous[i] = text(a.previousValue);
            changes[i] = text(a.changePercent);
            messages[i] = a.message;
            events[i] = a.sourceEventId;
            created[i] = a.createdAt;
        }
        return conn.preparedQuery(INSERT).execute(Tuple.from(new Object[] { ids, keys, asins, types, severities,
                current, previous, changes, messages, events, created })).replaceWithVoid();
    }

    private List<MarketAlert> raisedBy(Observation o) {
        if (o.first()) {
            return List.of();
        }
        List<MarketAlert> raised = new ArrayList<>(2);
        BigDecimal priceChange = percentChange(o.previous().price(), o.current().price());
        if (priceChange != null && priceChange.abs().doubleValue() >= config.alerts().priceChangePercent()) {
            String type = priceChange.signum() < 0 ? "price_drop" : "price_increase";
            raised.add(alert(o, type, priceSeverity(priceChange), o.previous().price(), o.current().price(), priceChange,
                    // Concatenated rather than formatted: String.format was a tenth of raising an alert.
                    "Price " + (priceChange.signum() < 0 ? "dropped" : "rose") + " " + priceChange.abs().toPlainString()
                            + "% from " + o.previous().price().toPlainString() + " to "
                            + o.current().price().toPlainString()));
        }
        BigDecimal bsrChange = o.previous().bsr() == null || o.current().bsr() == null ? null
                : percentChange(BigDecimal.valueOf(o.previous().bsr()), BigDecimal.valueOf(o.current().bsr()));
        if (bsrChange != null && bsrChange.abs().doubleValue() >= config.alerts().bsrChangePercent()) {
            String type = bsrChange.signum() > 0 ? "bsr_increase" : "bsr_decrease";
            raised.add(alert(o, type, bsrSeverity(bsrChange), BigDecimal.valueOf(o.previous().bsr()),
                    BigDecimal.valueOf(o.current().bsr()), bsrChange,
                    "Best Sellers Rank moved " + bsrChange.toPlainString() + "% from #" + o.previous().bsr() + " to #"
                            + o.current().bsr()));
        }
        return raised;
    }

    /** Marks an alert resolved (once: a second call keeps the first resolver); null when there is none. */
    @WithTransaction
    public Uni<MarketAlert> resolve(UUID alertId, String resolvedBy) {
        return alerts.findById(alertId).invoke(alert -> {
            if (alert != null && !alert.resolved) {
                alert.resolved = true;
                alert.resolvedBy = resolvedBy;
                alert.resolvedAt = OffsetDateTime.now(ZoneOffset.UTC);
            }
        });
    }

    private static void publish(Observation o, MarketAlert alert, OutboxRows outbox) {
        AlertRaised data = new AlertRaised(alert.id, "market", null, null, alert.productKey, alert.asin,
                o.competitorId(), alert.alertType, alert.severity, alert.message, alert.previousValue,
                alert.currentValue, alert.changePercent, alert.createdAt.toInstant());
        outbox.add(AlertRaised.TOPIC, alert.productKey, EventEnvelope.of(AlertRaised.TYPE, data), o.requestId());
    }

    private static String text(BigDecimal value) {
        return value == null ? null : value.toPlainString();
    }

    /** (new − old) / old × 100, signed: 100 → 80 is −20. */
    static BigDecimal percentChange(BigDecimal previous, BigDecimal current) {
        if (previous == null || current == null || previous.signum() == 0) {
            return null;
        }
        return current.subtract(previous).multiply(HUNDRED).divide(previous, 2, RoundingMode.HALF_UP);
    }

    static String priceSeverity(BigDecimal change) {
        double size = change.abs().doubleValue();
        return size >= 50 ? "critical" : size >= 30 ? "high" : size >= 20 ? "medium" : "low";
    }

    /** Ranks move far more than prices: a doubling is a big move, a 30 % one an ordinary one. */
    static String bsrSeverity(BigDecimal change) {
        double size = change.abs().doubleValue();
        return size >= 200 ? "critical" : size >= 100 ? "high" : size >= 50 ? "medium" : "low";
    }

    private static MarketAlert alert(Observation o, String type, String severity, BigDecimal previous,
            BigDecimal current, BigDecimal change, String message) {
        MarketAlert alert = new MarketAlert();
        // Time-ordered (version 7): a batch's thousands of alerts append to the primary key's index instead
        // of landing on random pages of it (each a page written again to the WAL after a checkpoint).
        alert.id = UuidVersion7Strategy.INSTANCE.generateUuid(null);
        alert.productKey = o.productKey();
        alert.asin = o.asin();
        alert.alertType = type;
        alert.severity = severity;
        alert.previousValue = previous;
        alert.currentValue = current;
        alert.changePercent = change;
        alert.message = message;
        alert.sourceEventId = o.eventId();
        alert.createdAt = OffsetDateTime.now(ZoneOffset.UTC);
        return alert;
    }
}
