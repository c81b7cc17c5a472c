package io.shelfwatch.gateway.routing;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.net.URI;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import io.quarkus.test.common.WithTestResource;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.shelfwatch.gateway.support.EchoWebSocketUpstream;
import io.shelfwatch.gateway.support.Tokens;
import io.vertx.core.Vertx;
import io.vertx.core.http.WebSocket;
import io.vertx.core.http.WebSocketClient;
import io.vertx.core.http.WebSocketConnectOptions;

/** /ws/updates: the upgrade and the frames both ways pass through the gateway to product-service. */
@QuarkusTest
@WithTestResource(EchoWebSocketUpstream.class)
class WebSocketPassThroughTest {

    @TestHTTPResource("/")
    URI gateway;

    @Inject
    Vertx vertx;

    @Test
    void echoesThroughTheGateway() throws Exception {
        WebSocketClient client = vertx.createWebSocketClient();
        try {
            WebSocketConnectOptions options = new WebSocketConnectOptions()
                    .setHost(gateway.getHost())
                    .setPort(gateway.getPort())
                    .setURI(EchoWebSocketUpstream.PATH + "?access_token=" + Tokens.forUser(Tokens.USER_ID))
                    .addHeader("X-Request-Id", "ws-test-1");
            WebSocket socket = client.connect(options).toCompletionStage().toCompletableFuture().get(5, TimeUnit.SECONDS);
            BlockingQueue<String> received = new LinkedBlockingQueue<>();
            socket.textMessageHandler(received::add);

            socket.writeTextMessage("hello");
            assertEquals("hello", received.poll(5, TimeUnit.SECONDS));

            // Longer than the upstream timeout (2 s in tests): it bounds waiting for an answer, not a live socket.
            Thread.sleep(2_500);
            socket.writeTextMessage("still there");
            assertEquals("still there", received.poll(5, TimeUnit.SECONDS));

            assertEquals("ws-test-1", EchoWebSocketUpstream.lastRequestId());
            socket.close();
        } finally {
            client.close();
        }
    }
}
