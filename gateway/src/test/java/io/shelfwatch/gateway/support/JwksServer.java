package io.shelfwatch.gateway.support;

import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import com.github.tomakehurst.wiremock.WireMockServer;

/**
 * auth-billing's /.well-known/jwks.json with the test key, on its own WireMock that lives as
 * long as the test JVM, so every test resource can point gateway.jwt.jwks-url at it.
 */
public final class JwksServer {

    public static final String PROPERTY = "gateway.jwt.jwks-url";

    private static WireMockServer server;

    private JwksServer() {
    }

    public static synchronized String url() {
        if (server == null) {
            server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
            server.start();
            server.stubFor(get("/.well-known/jwks.json").willReturn(okJson(Tokens.jwksJson())));
            Runtime.getRuntime().addShutdownHook(new Thread(server::stop));
        }
        return "http://127.0.0.1:" + server.port() + "/.well-known/jwks.json";
    }
}
