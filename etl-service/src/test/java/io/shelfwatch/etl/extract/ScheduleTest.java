package io.shelfwatch.etl.extract;

import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static org.awaitility.Awaitility.await;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;

import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shelfwatch.etl.support.Contracts;
import io.shelfwatch.etl.support.Kafka;
import io.smallrye.reactive.messaging.kafka.companion.KafkaCompanion;
import io.vertx.mutiny.sqlclient.Pool;
import io.vertx.mutiny.sqlclient.Tuple;
import jakarta.inject.Inject;

/**
 * When targets are fetched: at once when first tracked, then at the fastest cadence among the
 * trackers' plans (from account.events), and never once no one tracks them.
 */
@QuarkusTest
@QuarkusTestResource(WebMockResource.class)
class ScheduleTest {

    @Inject
    Pool pool;

    private final WireMockServer web = WebMock.server();

    private static String account(UUID userId, String plan, String frequency) {
        String value = """
                {"event_id":"%s","type":"account_state","occurred_at":"%s",
                 "data":{"user_id":"%s","email":"%s@example.com","created_at":"2026-02-12T10:00:00Z","is_active":true,
                  "deleted":false,"roles":["user"],"plan":"%s","max_competitors":5,"max_products":100,
                  "scan_frequency":"%s","alerts_enabled":true}}
                """.formatted(UUID.randomUUID(), Instant.now(), userId, userId, plan, frequency);
        Contracts.assertConforms("account.events", "account_state", value);
        return value;
    }

    private String page(String name) {
        String path = "/p/" + name + "-" + UUID.randomUUID();
        web.stubFor(get(urlEqualTo(path)).willReturn(ok(Pages.openGraphOnly(name, "10.00"))));
        return path;
    }

    private int fetches(String path) {
        return web.countRequestsMatching(getRequestedFor(urlEqualTo(path)).build()).getCount();
    }

    private void lastFetchedHoursAgo(UUID productId, int hours) {
        pool.preparedQuery("UPDATE extract_schedule SET last_run_at = now() - make_interval(hours => $2) WHERE target_id = $1")
                .execute(Tuple.of(productId, hours)).await().indefinitely();
    }

    @Test
    void theFastestTrackersPlanSetsTheCadenceAndUntrackedProductsStop() {
        UUID enterprise = UUID.randomUUID();
        UUID free = UUID.randomUUID();
        String shared = page("shared");
        String freeOnly = page("free-only");
        String dropped = page("dropped");
        UUID sharedId = UUID.randomUUID();
        UUID freeOnlyId = UUID.randomUUID();
        UUID droppedId = UUID.randomUUID();
        try (KafkaCompanion kafka = Kafka.companion()) {
            kafka.produceStrings().fromRecords(
                    new ProducerRecord<>(Kafka.topic("account.events"), enterprise.toString(), account(enterprise, "enterprise", "hourly")),
                    new ProducerRecord<>(Kafka.topic("account.events"), free.toString(), account(free, "free", "weekly")))
                    .awaitCompletion();
            for (Object[] p : new Object[][] { { sharedId, shared, List.of(free, enterprise) },
                    { freeOnlyId, freeOnly, List.of(free) }, { droppedId, dropped, List.of(free) } }) {
                String url = WebMock.url("pages.test", (String) p[1]);
                @SuppressWarnings("unchecked")
                List<UUID> trackers = (List<UUID>) p[2];
                Targets.send(kafka, "products", (UUID) p[0],
                        Targets.productState((UUID) p[0], "url:" + url, url, null, null, trackers, false));
            }
            // At once when first tracked.
            await().atMost(Duration.ofSeconds(30)).until(() -> fetches(shared) == 1 && fetches(freeOnly) == 1 && fetches(dropped) == 1);

            // No one tracks it any more: it stops, even for product_sync.
            String droppedUrl = WebMock.url("pages.test", dropped);
            Targets.send(kafka, "products", droppedId,
                    Targets.productState(droppedId, "url:" + droppedUrl, droppedUrl, null, null, List.of(), false));
            await().atMost(Duration.ofSeconds(30)).until(() -> pool.preparedQuery(
                    "SELECT cardinality(trackers) FROM tracked_product WHERE product_id = $1").execute(Tuple.of(droppedId))
                    .await().indefinitely().iterator().next().getInteger(0) == 0);
        }
        // Two hours later: hourly (enterprise) is due, weekly (free) is not.
        lastFetchedHoursAgo(sharedId, 2);
        lastFetchedHoursAgo(freeOnlyId, 2);
        await().atMost(Duration.ofSeconds(30)).until(() -> fetches(shared) == 2);

        Targets.productSync();
        assertEquals(3, fetches(shared), "product_sync fetches every tracked product");
        assertEquals(2, fetches(freeOnly), "once at first, once for product_sync, never for its weekly turn");
        assertEquals(1, fetches(dropped), "an untracked product is not fetched");

        lastFetchedHoursAgo(freeOnlyId, 24 * 8);
        await().atMost(Duration.ofSeconds(30)).until(() -> fetches(freeOnly) == 3);
    }
}
