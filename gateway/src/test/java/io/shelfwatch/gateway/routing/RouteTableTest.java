package io.shelfwatch.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Optional;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.FieldSource;
import org.junit.jupiter.params.provider.MethodSource;

import io.shelfwatch.gateway.routing.RouteSamples.Sample;

class RouteTableTest {

    static Stream<Sample> samples() {
        return RouteSamples.ALL.stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("samples")
    void routesEachSampleToItsService(Sample sample) {
        assertEquals(Optional.of(sample.upstream()), RouteTable.upstreamFor(sample.path()));
    }

    @ParameterizedTest(name = "{0}")
    @FieldSource("io.shelfwatch.gateway.routing.RouteSamples#UNROUTED")
    void leavesUnknownAndInternalPathsUnrouted(String path) {
        assertEquals(Optional.empty(), RouteTable.upstreamFor(path));
    }

    @Test
    void everyTableEntryHasASample() {
        for (RouteTable.Route route : RouteTable.ROUTES) {
            assertTrue(RouteSamples.ALL.stream().anyMatch(sample -> route.path().matches(sample.path())),
                    "no sample for " + route.path());
        }
    }

    @Test
    void competitorProductsGoToProductServiceButTheRestOfCompetitorsDoesNot() {
        assertEquals(Optional.of(Upstream.PRODUCT), RouteTable.upstreamFor("/api/v1/competitors/42/products"));
        assertEquals(Optional.of(Upstream.COMPETITION), RouteTable.upstreamFor("/api/v1/competitors/42"));
    }
}
