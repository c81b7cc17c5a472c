package io.shelfwatch.systemtests;

import static java.nio.charset.StandardCharsets.US_ASCII;
import static java.nio.charset.StandardCharsets.UTF_8;
import static org.hamcrest.MatcherAssert.assertThat;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A rolling update stops a replica with SIGTERM while clients are talking to it: the request it is
 * in the middle of still gets its answer, a client arriving meanwhile is still served, and the
 * replica exits once it is done. The gateway, and a service behind it (auth-billing-service, which
 * answers the same sign-in and key set itself; the other services without WebSockets are set alike).
 */
class RollingStopJourneyTest {

    @BeforeAll
    static void startSuite() throws Exception {
        Suite.start();
    }

    @ParameterizedTest
    @ValueSource(strings = { "gateway", "auth-billing-service" })
    void aRequestInFlightWhenAReplicaIsStoppedStillGetsItsAnswer(String module) throws Exception {
        int port = Suite.startReplica(module);
        byte[] body = ("{\"email\":\"" + Suite.ADMIN_EMAIL + "\",\"password\":\"" + Suite.ADMIN_PASSWORD + "\"}").getBytes(UTF_8);
        CompletableFuture<Void> stopped = null;
        try (Socket client = new Socket("127.0.0.1", port)) {
            client.setSoTimeout(15_000);
            // A slow client: its sign-in body is half sent when the replica is told to stop.
            OutputStream out = client.getOutputStream();
            out.write(("POST /api/v1/auth/login HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\n"
                    + "Connection: close\r\nContent-Length: " + body.length + "\r\n\r\n").getBytes(US_ASCII));
            out.write(body, 0, body.length / 2);
            out.flush();
            // Time for the replica to read the head and begin the request (it only waits for requests begun).
            Thread.sleep(1_000);

            stopped = CompletableFuture.runAsync(() -> {
                try {
                    Suite.stopReplica(port);
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                }
            });
            Thread.sleep(1_000);
            assertFalse(stopped.isDone(), "the replica exited with a request in flight");

            // Someone arriving meanwhile (before the load balancer has heard) is still answered.
            HttpResponse<String> newcomer = HttpClient.newHttpClient().send(
                    HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/.well-known/jwks.json"))
                            .timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertEquals(200, newcomer.statusCode());
            assertThat(newcomer.body(), containsString("\"keys\""));

            out.write(body, body.length / 2, body.length - body.length / 2);
            out.flush();
            String answer = new String(client.getInputStream().readAllBytes(), UTF_8);
            assertThat(answer, startsWith("HTTP/1.1 200"));
            assertThat(answer, containsString("\"access_token\""));
        } finally {
            if (stopped == null) {
                Suite.stopReplica(port);
            }
        }
        // Nothing left in flight: the replica goes.
        stopped.get(30, TimeUnit.SECONDS);
    }
}
