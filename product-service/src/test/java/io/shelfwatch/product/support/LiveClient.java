package io.shelfwatch.product.support;

import java.net.URI;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

import io.quarkus.websockets.next.BasicWebSocketConnector;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.WebSocketClientConnection;

/** A /ws/updates client as a browser or a script would open it; keeps every message it receives. */
public final class LiveClient implements AutoCloseable {

    public final List<String> messages = new CopyOnWriteArrayList<>();
    /** When each message arrived, in the order of {@link #messages}. */
    public final List<Long> arrivedAtMillis = new CopyOnWriteArrayList<>();
    public volatile CloseReason closedWith;
    private final WebSocketClientConnection connection;

    private LiveClient(BasicWebSocketConnector connector) {
        this.connection = connector
                .onTextMessage((connection, message) -> {
                    arrivedAtMillis.add(System.currentTimeMillis());
                    messages.add(message);
                })
                .onClose((connection, reason) -> closedWith = reason)
                .connectAndAwait();
    }

    /** The token in the Authorization header. */
    public static LiveClient withHeader(URI root, String token) {
        return new LiveClient(BasicWebSocketConnector.create().baseUri(root).path("/ws/updates")
                .addHeader("Authorization", "Bearer " + token));
    }

    /** The token as `?access_token=`, as a browser's WebSocket must send it. */
    public static LiveClient withQueryToken(URI root, String token) {
        // The connector keeps the base URI's query on the request it sends.
        URI withToken = URI.create(root.toString().replaceAll("/$", "") + "/?access_token=" + token);
        return new LiveClient(BasicWebSocketConnector.create().baseUri(withToken).path("/ws/updates"));
    }

    /** No token at all. */
    public static LiveClient anonymous(URI root) {
        return new LiveClient(BasicWebSocketConnector.create().baseUri(root).path("/ws/updates"));
    }

    public boolean isOpen() {
        return connection.isOpen();
    }

    @Override
    public void close() {
        if (connection.isOpen()) {
            connection.closeAndAwait();
        }
    }
}
