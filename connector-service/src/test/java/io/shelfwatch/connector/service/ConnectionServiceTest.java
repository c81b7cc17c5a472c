package io.shelfwatch.connector.service;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.exactly;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.Test;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.vertx.VertxContextSupport;
import io.shelfwatch.connector.repository.AmazonConnectionRepository;
import io.shelfwatch.connector.support.AmazonMock;
import jakarta.inject.Inject;

@QuarkusTest
@QuarkusTestResource(AmazonMock.class)
class ConnectionServiceTest {

    @Inject
    ConnectionService service;

    @Inject
    LwaTokenExchange exchange;

    @Inject
    AmazonConnectionRepository repository;

    private String refresh;

    private UUID connect(String firstToken) throws Throwable {
        UUID user = UUID.randomUUID();
        refresh = "Atzr|svc-" + user;
        AmazonCredentials credentials = new AmazonCredentials("amzn1.application-oa2-client.svc", "svc-secret",
                refresh);
        AmazonMock.stubToken(credentials.clientId(), credentials.clientSecret(), refresh, firstToken);
        IssuedToken token = VertxContextSupport.subscribeAndAwait(() -> exchange.exchange(credentials));
        VertxContextSupport.subscribeAndAwait(() -> service.store(user, credentials, "A1F83G8C2ARO7P", token));
        return user;
    }

    /** The stored token now expires in `minutes`, as if issued long ago. */
    private void expireIn(UUID user, long minutes) throws Throwable {
        VertxContextSupport.subscribeAndAwait(() -> Panache.withTransaction(() -> repository.findById(user)
                .invoke(c -> c.accessTokenExpiresAt = OffsetDateTime.now(ZoneOffset.UTC).plusMinutes(minutes))));
    }

    private void amazonWillIssue(String accessToken) {
        // A slow answer, so concurrent callers really overlap with the refresh.
        AmazonMock.server().stubFor(AmazonMock.lwaGrant("amzn1.application-oa2-client.svc", "svc-secret", refresh)
                .willReturn(aResponse().withStatus(200).withFixedDelay(300)
                        .withHeader("Content-Type", "application/json")
                        .withBody("{\"access_token\":\"" + accessToken + "\",\"token_type\":\"bearer\","
                                + "\"expires_in\":3600,\"refresh_token\":\"" + refresh + "\"}")));
    }

    private int lwaCalls() {
        return AmazonMock.server().findAll(postRequestedFor(urlPathEqualTo(AmazonMock.LWA_PATH))
                .withFormParam("refresh_token", equalTo(refresh))).size();
    }

    @FunctionalInterface
    private interface Call {
        String run() throws Throwable;
    }

    private List<String> concurrently(int callers, Call call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(callers);
        try {
            List<Future<String>> futures = new ArrayList<>();
            for (int i = 0; i < callers; i++) {
                futures.add(pool.submit((Callable<String>) () -> {
                    try {
                        return call.run();
                    } catch (Exception e) {
                        throw e;
                    } catch (Throwable t) {
                        throw new IllegalStateException(t);
                    }
                }));
            }
            List<String> results = new ArrayList<>();
            for (Future<String> future : futures) {
                results.add(future.get(30, TimeUnit.SECONDS));
            }
            return results;
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void aFreshTokenIsReusedWithoutAskingAmazon() throws Throwable {
        UUID user = connect("Atza|fresh");
        int before = lwaCalls();
        assertEquals("Atza|fresh", VertxContextSupport.subscribeAndAwait(() -> service.accessToken(user)));
        assertEquals(before, lwaCalls());
    }

    @Test
    void aTokenAboutToExpireIsRefreshedOnceForManyConcurrentCallers() throws Throwable {
        UUID user = connect("Atza|old");
        expireIn(user, 2);
        amazonWillIssue("Atza|new");
        int before = lwaCalls();

        List<String> tokens = concurrently(8,
                () -> VertxContextSupport.subscribeAndAwait(() -> service.accessToken(user)));

        assertEquals(Set.of("Atza|new"), Set.copyOf(tokens));
        assertEquals(before + 1, lwaCalls());
        // The new token lasts an hour: the next caller does not ask again.
        assertEquals("Atza|new", VertxContextSupport.subscribeAndAwait(() -> service.accessToken(user)));
        assertEquals(before + 1, lwaCalls());
    }

    @Test
    void aTokenAmazonRejectedIsReplacedOnceEvenWhenSeveralCallersSawThe401() throws Throwable {
        UUID user = connect("Atza|rejected");
        amazonWillIssue("Atza|replacement");
        int before = lwaCalls();

        List<String> tokens = concurrently(4,
                () -> VertxContextSupport.subscribeAndAwait(() -> service.replaceRejected(user, "Atza|rejected")));

        assertEquals(Set.of("Atza|replacement"), Set.copyOf(tokens));
        assertEquals(before + 1, lwaCalls());
        AmazonMock.server().verify(exactly(before + 1), postRequestedFor(urlPathEqualTo(AmazonMock.LWA_PATH))
                .withFormParam("refresh_token", equalTo(refresh)));
    }
}
