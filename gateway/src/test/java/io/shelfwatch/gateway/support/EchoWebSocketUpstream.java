package io.shelfwatch.gateway.support;

import java.util.Map;
import java.util.concurrent.TimeUnit;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;
import io.shelfwatch.gateway.routing.Upstream;
import io.vertx.core.Future;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpServerRequest;

/**
 * product-service played by a tiny Vert.x server that upgrades /ws/updates to a WebSocket
 * echoing every text message; it remembers the X-Request-Id of the last upgrade it accepted.
 */
public class EchoWebSocketUpstream implements QuarkusTestResourceLifecycleManager {

    public static final String PATH = "/ws/updates";

    private static volatile String lastRequestId;

    private Vertx vertx;

    @Override
    public Map<String, String> start() {
        vertx = Vertx.vertx();
        int port = await(vertx.createHttpServer()
                .requestHandler(EchoWebSocketUpstream::handle)
                .listen(0, "127.0.0.1")).actualPort();
        Map<String, String> config = UpstreamProperties.allUnreachable();
        config.put(UpstreamProperties.urlProperty(Upstream.PRODUCT), "http://127.0.0.1:" + port);
        config.put(JwksServer.PROPERTY, JwksServer.url());
        return config;
    }

    // Upgrading from the request handler (rather than a server webSocketHandler) keeps
    // the decision explicit: only /ws/updates becomes a WebSocket, anything else is a 404.
    private static void handle(HttpServerRequest request) {
        if (!PATH.equals(request.path())) {
            request.response().setStatusCode(404).end();
            return;
        }
        String requestId = request.getHeader("X-Request-Id");
        request.toWebSocket().onSuccess(socket -> {
            lastRequestId = requestId;
            socket.textMessageHandler(socket::writeTextMessage);
        });
    }

    @Override
    public void stop() {
        if (vertx != null) {
            await(vertx.close());
        }
    }

    public static String lastRequestId() {
        return lastRequestId;
    }

    private static <T> T await(Future<T> future) {
        try {
            return future.toCompletionStage().toCompletableFuture().get(10, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }
}
