package io.shelfwatch.gateway.routing;

import static com.github.tomakehurst.wiremock.client.WireMock.anyRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.anyUrl;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlEqualTo;
import static io.restassured.RestAssured.given;

import java.util.Set;
import java.util.UUID;
import java.util.stream.Stream;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import com.github.tomakehurst.wiremock.http.RequestMethod;
import com.github.tomakehurst.wiremock.matching.RequestPatternBuilder;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shelfwatch.gateway.support.Tokens;
import io.restassured.specification.RequestSpecification;
import io.shelfwatch.gateway.routing.RouteSamples.Sample;
import io.shelfwatch.gateway.support.WireMockUpstreams;

/** Every route-table entry, through the running gateway, to the right WireMock and back. */
@QuarkusTest
@WithTestResource(WireMockUpstreams.class)
class ProxyRoutingTest {

    private static final Set<String> METHODS_WITH_BODY = Set.of("POST", "PUT", "PATCH");

    static Stream<Sample> samples() {
        return RouteSamples.ALL.stream();
    }

    @AfterEach
    void resetUpstreams() {
        WireMockUpstreams.resetAll();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void forwardsToTheOwningServiceAndBack(Sample sample) {
        String testCase = UUID.randomUUID().toString();
        String body = "{\"test_case\":\"" + testCase + "\"}";
        boolean hasBody = METHODS_WITH_BODY.contains(sample.method());

        RequestSpecification request = given().header("Authorization", Tokens.bearer()).urlEncodingEnabled(false).header("X-Test-Case", testCase);
        if (hasBody) {
            request.contentType("application/json").body(body);
        }
        request.when().request(sample.method(), sample.uri())
                .then()
                .statusCode(WireMockUpstreams.PROXIED_STATUS)
                .header(WireMockUpstreams.UPSTREAM_HEADER, sample.upstream().serviceName())
                .header("Content-Type", "application/json")
                .body("served_by", org.hamcrest.Matchers.equalTo(sample.upstream().serviceName()));

        RequestPatternBuilder expected = new RequestPatternBuilder(RequestMethod.fromString(sample.method()), urlEqualTo(sample.uri()))
                .withHeader("X-Test-Case", equalTo(testCase));
        if (hasBody) {
            expected.withHeader("Content-Type", containing("application/json")).withRequestBody(equalToJson(body));
        }
        WireMockUpstreams.server(sample.upstream()).verify(1, expected);
        for (Upstream other : Upstream.values()) {
            if (other != sample.upstream()) {
                WireMockUpstreams.server(other).verify(0, anyRequestedFor(anyUrl()).withHeader("X-Test-Case", equalTo(testCase)));
            }
        }
    }
}
