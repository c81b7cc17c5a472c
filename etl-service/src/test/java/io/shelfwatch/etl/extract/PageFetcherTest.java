package io.shelfwatch.etl.extract;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.ok;
import static com.github.tomakehurst.wiremock.client.WireMock.temporaryRedirect;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.util.Comparator;
import java.util.List;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;

import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;

/**
 * Politeness and safety of every fetch, against WireMock: User-Agent, per-host spacing and
 * concurrency, retries on 429/5xx, the size cap, the total timeout, and redirects checked like
 * the first URL (none to a forbidden address is ever made).
 */
@QuarkusTest
@QuarkusTestResource(WebMockResource.class)
class PageFetcherTest {

    private static final String HTML = "text/html";

    @Inject
    PageFetcher fetcher;

    private final WireMockServer web = WebMock.server();

    private static String unique(String prefix) {
        return "/" + prefix + "-" + UUID.randomUUID();
    }

    private FetchException failure(String url) {
        return assertThrows(FetchException.class, () -> fetcher.fetch(url, HTML).await().atMost(Duration.ofSeconds(30)));
    }

    @Test
    void aPageIsAskedForLikeABrowserWouldAndPresentsTheSitesOwnHostName() {
        String path = unique("ua");
        web.stubFor(get(urlEqualTo(path)).willReturn(ok("<html>hi</html>").withHeader("Content-Type", "text/html; charset=utf-8")));
        Page page = fetcher.fetch(WebMock.url("pages.test", path), HTML).await().atMost(Duration.ofSeconds(10));
        assertEquals(200, page.status());
        assertTrue(page.body().contains("hi"));
        web.verify(getRequestedFor(urlEqualTo(path))
                .withHeader("User-Agent", containing("Mozilla/5.0"))
                .withHeader("User-Agent", containing("Chrome/"))
                .withHeader("Host", equalTo("pages.test:" + web.port()))
                .withHeader("Accept", containing("text/html")));
    }

    @Test
    void requestsToOneHostGoOneAtATimeAndSpacedOut() {
        String prefix = unique("polite");
        web.stubFor(get(urlPathMatching(prefix + "/.*")).willReturn(ok("<html></html>").withFixedDelay(300)));
        List<Uni<Page>> fetches = List.of(1, 2, 3, 4).stream()
                .map(i -> fetcher.fetch(WebMock.url("pages.test", prefix + "/" + i), HTML)).toList();
        Uni.join().all(fetches).andFailFast().await().atMost(Duration.ofSeconds(20));

        List<ServeEvent> served = web.getAllServeEvents().stream()
                .filter(e -> e.getRequest().getUrl().startsWith(prefix))
                .sorted(Comparator.comparing(e -> e.getRequest().getLoggedDate())).toList();
        assertEquals(4, served.size());
        for (int i = 1; i < served.size(); i++) {
            long gap = served.get(i).getRequest().getLoggedDate().getTime() - served.get(i - 1).getRequest().getLoggedDate().getTime();
            // 300 ms per answer with one request in flight per host: the next starts after the last ended.
            assertTrue(gap >= 280, "request " + i + " started " + gap + " ms after the one before");
        }
    }

    @Test
    void a503IsRetriedWithBackoffUntilThePageComes() {
        String path = unique("flaky");
        String scenario = "flaky" + path;
        web.stubFor(get(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs(Scenario.STARTED)
                .willReturn(aResponse().withStatus(503)).willSetStateTo("second"));
        web.stubFor(get(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs("second")
                .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "1")).willSetStateTo("third"));
        web.stubFor(get(urlEqualTo(path)).inScenario(scenario).whenScenarioStateIs("third")
                .willReturn(ok("<html>finally</html>")));
        Page page = fetcher.fetch(WebMock.url("pages.test", path), HTML).await().atMost(Duration.ofSeconds(10));
        assertTrue(page.body().contains("finally"));
        web.verify(3, getRequestedFor(urlEqualTo(path)));
    }

    @Test
    void aSiteThatKeepsFailingIsGivenUpAfterTheRetries() {
        String path = unique("down");
        web.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(502)));
        FetchException e = failure(WebMock.url("pages.test", path));
        assertTrue(e.getMessage().contains("HTTP 502"), e.getMessage());
        web.verify(3, getRequestedFor(urlEqualTo(path)));
    }

    @Test
    void aNotFoundIsNotRetried() {
        String path = unique("gone");
        web.stubFor(get(urlEqualTo(path)).willReturn(aResponse().withStatus(404)));
        FetchException e = failure(WebMock.url("pages.test", path));
        assertTrue(e.getMessage().contains("HTTP 404"), e.getMessage());
        web.verify(1, getRequestedFor(urlEqualTo(path)));
    }

    @Test
    void aResponseLargerThanTheCapIsRefused() {
        String path = unique("huge");
        web.stubFor(get(urlEqualTo(path)).willReturn(ok("<html>" + "x".repeat(300_000) + "</html>")));
        FetchException e = failure(WebMock.url("pages.test", path));
        assertTrue(e.getMessage().contains("larger than 200000 bytes"), e.getMessage());
    }

    @Test
    void aPageThatNeverFinishesTimesOut() {
        String path = unique("slow");
        web.stubFor(get(urlEqualTo(path)).willReturn(ok("<html>late</html>").withFixedDelay(5000)));
        FetchException e = failure(WebMock.url("pages.test", path));
        assertTrue(e.getMessage().contains("did not answer within 3s") || e.getMessage().contains("could not reach"),
                e.getMessage());
    }

    @Test
    void redirectsAreFollowedAndCheckedLikeTheFirstUrl() {
        String start = unique("moved");
        String target = unique("here");
        web.stubFor(get(urlEqualTo(start)).willReturn(temporaryRedirect(target)));
        web.stubFor(get(urlEqualTo(target)).willReturn(ok("<html>arrived</html>")));
        Page page = fetcher.fetch(WebMock.url("pages.test", start), HTML).await().atMost(Duration.ofSeconds(10));
        assertTrue(page.body().contains("arrived"));
        assertEquals(WebMock.url("pages.test", target), page.url().toString());
    }

    @Test
    void noRedirectToAForbiddenAddressIsEverFollowed() {
        String secret = unique("secret");
        web.stubFor(get(urlEqualTo(secret)).willReturn(ok("credentials")));
        List<String> forbidden = List.of(
                "http://innocent-shop.com:" + web.port() + secret,
                "http://metadata.example.com/latest/meta-data/iam/security-credentials/",
                "http://169.254.169.254/latest/meta-data/",
                "http://[::ffff:127.0.0.1]:" + web.port() + secret,
                "http://2130706433:" + web.port() + secret,
                "http://0177.0.0.1:" + web.port() + secret,
                "file:///etc/passwd");
        for (String location : forbidden) {
            String start = unique("redirect");
            web.stubFor(get(urlEqualTo(start)).willReturn(aResponse().withStatus(302).withHeader("Location", location)));
            FetchException e = failure(WebMock.url("pages.test", start));
            assertTrue(e.refused(), location + " → " + e.getMessage());
        }
        web.verify(0, getRequestedFor(urlEqualTo(secret)));
    }

    @Test
    void atMostFiveRedirectsAreFollowed() {
        String base = unique("hop");
        for (int i = 0; i < 6; i++) {
            web.stubFor(get(urlEqualTo(base + "/" + i)).willReturn(temporaryRedirect(base + "/" + (i + 1))));
        }
        web.stubFor(get(urlEqualTo(base + "/6")).willReturn(ok("<html>end</html>")));
        FetchException e = failure(WebMock.url("pages.test", base + "/0"));
        assertTrue(e.getMessage().contains("more than 5 redirects"), e.getMessage());
        web.verify(0, getRequestedFor(urlEqualTo(base + "/6")));

        Page page = fetcher.fetch(WebMock.url("pages.test", base + "/1"), HTML).await().atMost(Duration.ofSeconds(10));
        assertTrue(page.body().contains("end"), "five redirects are fine");
    }

    @Test
    void aPageTheSitesRobotsTxtDisallowsIsNotFetched() {
        String host = "robots-" + UUID.randomUUID().toString().substring(0, 8) + ".shop.test";
        String hostHeader = host + ":" + web.port();
        web.stubFor(get(urlEqualTo("/robots.txt")).withHeader("Host", equalTo(hostHeader)).willReturn(ok("""
                User-agent: Googlebot
                Disallow:

                User-agent: *
                Disallow: /checkout
                Disallow: /private/
                Allow: /private/catalog
                """)));
        web.stubFor(get(urlPathMatching("/(private|public)/.*")).withHeader("Host", equalTo(hostHeader))
                .willReturn(ok("<html>page</html>")));
        FetchException e = failure(WebMock.url(host, "/private/orders"));
        assertTrue(e.refused() && e.getMessage().contains("robots.txt"), e.getMessage());
        var robotsRead = getRequestedFor(urlEqualTo("/robots.txt")).withHeader("Host", equalTo(hostHeader)).build();
        int reads = web.countRequestsMatching(robotsRead).getCount();
        fetcher.fetch(WebMock.url(host, "/private/catalog/1"), HTML).await().atMost(Duration.ofSeconds(10));
        fetcher.fetch(WebMock.url(host, "/public/1"), HTML).await().atMost(Duration.ofSeconds(10));
        web.verify(0, getRequestedFor(urlEqualTo("/private/orders")).withHeader("Host", equalTo(hostHeader)));
        assertEquals(reads, web.countRequestsMatching(robotsRead).getCount(), "robots.txt is read once per site, then kept");
    }
}
