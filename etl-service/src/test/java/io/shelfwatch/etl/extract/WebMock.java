package io.shelfwatch.etl.extract;

import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * One WireMock for every extraction test, playing product pages and stores on 127.0.0.1. Tests
 * tell their pages apart by path or Host header, so they never reset each other's stubs.
 */
public final class WebMock {

    private static WireMockServer server;

    private WebMock() {
    }

    public static synchronized WireMockServer server() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1").maxRequestJournalEntries(5000));
            server.start();
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return server;
    }

    /** A URL on one of the test hosts (all resolve to WireMock). */
    public static String url(String host, String path) {
        return "http://" + host + ":" + server().port() + path;
    }
}
