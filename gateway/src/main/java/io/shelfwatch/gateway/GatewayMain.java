package io.shelfwatch.gateway;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;

/**
 * Starts the gateway with Quarkus's request-URI check off.
 *
 * <p>Quarkus parses every request URI with java.net.URI before any handler runs, and answers a
 * bare 400 (no body, no request id) to the characters the WHATWG URL standard leaves unencoded in
 * a query: browsers send {@code {}|^} as they are, and doc D's own navigation-context example puts
 * raw JSON in the query. The gateway accepts such a request and sends it upstream with those
 * characters percent-encoded ({@code routing.UpstreamUri}), so the services, which keep the check,
 * only ever see valid URIs. The switch is a system property read once as the HTTP layer starts,
 * hence here; tests set it in the pom.
 */
@QuarkusMain
public final class GatewayMain {

    private GatewayMain() {
    }

    public static void main(String... args) {
        System.setProperty("vertx.disableURIValidation", "true");
        Quarkus.run(args);
    }
}
