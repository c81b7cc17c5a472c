package io.shelfwatch.product.rest;

import java.time.Instant;
import java.util.UUID;

import org.eclipse.microprofile.jwt.Claims;
import org.eclipse.microprofile.jwt.JsonWebToken;

import io.quarkus.security.Authenticated;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.websockets.next.CloseReason;
import io.quarkus.websockets.next.OnClose;
import io.quarkus.websockets.next.OnOpen;
import io.quarkus.websockets.next.OnPongMessage;
import io.quarkus.websockets.next.WebSocket;
import io.quarkus.websockets.next.WebSocketConnection;
import io.shelfwatch.product.service.LiveFeed;
import io.shelfwatch.product.service.LiveUpdates;
import io.smallrye.mutiny.Uni;
import io.vertx.core.buffer.Buffer;

/**
 * Doc C's `/ws/updates`: live `price_update` and `alert` messages for the products the
 * caller tracks or watches, and the caller's own rule alerts. The upgrade needs a valid
 * token (`Authorization: Bearer`, or `?access_token=` for browsers, see AccessTokenQuery);
 * without one it is refused with 401. Quarkus closes the connection when the token expires, and
 * account.revocations when the user's tokens are revoked (RevocationsConsumer).
 * The client sends nothing; the server pings it (auto-ping-interval) and closes a connection
 * whose client has stopped answering (LiveUpdates' idle handling).
 * <p>
 * Not a `Multi` returned from {@code @OnOpen}: each connection's messages go through a
 * {@link LiveFeed}, which must see when the socket has taken a message to bound what a slow
 * client can have waiting.
 */
@WebSocket(path = "/ws/updates")
@Authenticated
public class UpdatesWebSocket {

    private final LiveUpdates live;
    private final SecurityIdentity identity;

    public UpdatesWebSocket(LiveUpdates live, SecurityIdentity identity) {
        this.live = live;
        this.identity = identity;
    }

    @OnOpen
    public void open(WebSocketConnection connection) {
        JsonWebToken token = (JsonWebToken) identity.getPrincipal();
        Instant issuedAt = token.containsClaim(Claims.iat.name()) ? Instant.ofEpochSecond(token.getIssuedAtTime()) : null;
        live.open(user(), connection.id(), issuedAt, new LiveFeed.Socket() {
            @Override
            public Uni<Void> send(String text) {
                return connection.sendText(text);
            }

            @Override
            public void close(int code, String reason) {
                connection.close(new CloseReason(code, reason)).subscribe().with(closed -> {
                }, failure -> {
                });
            }
        });
    }

    /** The answer to the server's auto-ping: the client is alive (see LiveUpdates' idle handling). */
    @OnPongMessage
    public void pong(WebSocketConnection connection, Buffer data) {
        live.heard(user(), connection.id());
    }

    @OnClose
    public void close(WebSocketConnection connection) {
        live.close(user(), connection.id());
    }

    private UUID user() {
        return UUID.fromString(((JsonWebToken) identity.getPrincipal()).getSubject());
    }
}
