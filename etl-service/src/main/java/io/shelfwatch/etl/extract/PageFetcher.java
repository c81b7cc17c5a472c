package io.shelfwatch.etl.extract;

import java.net.Inet6Address;
import java.net.URI;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import io.vertx.core.Vertx;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.HttpRequest;
import io.vertx.ext.web.client.HttpResponse;
import io.vertx.ext.web.client.WebClient;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.ext.web.codec.BodyCodec;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Fetches a user-supplied URL politely and safely: every hop (the URL and each redirect) is
 * cleared by {@link UrlGuard} and connected to the address it checked; per-host limits from
 * {@link HostGate}; connect and total timeouts; a size cap; retries with backoff on 429, 5xx and
 * connection errors; robots.txt respected. Failures are {@link FetchException}s whose message says why.
 */
@ApplicationScoped
public class PageFetcher {

    private static final Pattern CHARSET = Pattern.compile("charset=\"?([\\w.:-]+)", Pattern.CASE_INSENSITIVE);

    private final UrlGuard guard;
    private final HostGate gate;
    private final ExtractConfig config;
    private final WebClient client;
    private final Map<String, CachedRobots> robots = new ConcurrentHashMap<>();
    private static final long ROBOTS_TTL_MILLIS = 3_600_000;

    public PageFetcher(Vertx vertx, UrlGuard guard, HostGate gate, ExtractConfig config) {
        this.guard = guard;
        this.gate = gate;
        this.config = config;
        this.client = WebClient.create(vertx, new WebClientOptions()
                .setUserAgentEnabled(false)
                .setFollowRedirects(false)
                .setConnectTimeout((int) config.connectTimeout().toMillis())
                .setIdleTimeout((int) config.totalTimeout().toSeconds() + 1)
                .setTryUseCompression(true)
                .setForceSni(true)
                .setMaxPoolSize(Math.max(4, config.concurrency() * 2)));
    }

    @PreDestroy
    void close() {
        client.close();
    }

    /** GET the URL (following up to {@code maxRedirects} checked redirects); answers a 2xx page. */
    public Uni<Page> fetch(String url, String accept) {
        Context caller = Vertx.currentContext();
        Uni<Page> page;
        try {
            page = hop(UrlGuard.parse(url), 0, accept);
        } catch (FetchException e) {
            page = Uni.createFrom().failure(e);
        }
        // Timers and connections answer on their own event loop; the caller continues on its context.
        return caller == null ? page : page.emitOn(task -> caller.runOnContext(v -> task.run()));
    }

    private Uni<Page> hop(URI uri, int redirects, String accept) {
        return guard.check(uri).call(target -> robotsAllow(target)).flatMap(target -> attempt(target, accept)
                .onFailure(e -> e instanceof FetchException f && f.retryable())
                .retry().withBackOff(config.retryBackoff(), config.retryMaxBackoff()).atMost(config.retries())
                .flatMap(response -> {
                    int status = response.status();
                    if (status >= 300 && status < 400 && response.location() != null) {
                        if (redirects >= config.maxRedirects()) {
                            return Uni.createFrom().failure(new FetchException(FetchException.Kind.FAILED,
                                    "more than " + config.maxRedirects() + " redirects"));
                        }
                        URI next;
                        try {
                            next = uri.resolve(UrlGuard.parse(response.location()));
                        } catch (FetchException | IllegalArgumentException e) {
                            return Uni.createFrom().failure(new FetchException(FetchException.Kind.FAILED,
                                    "a redirect to an invalid URL"));
                        }
                        return hop(next, redirects + 1, accept);
                    }
                    if (status < 200 || status >= 300) {
                        return Uni.createFrom().failure(new FetchException(FetchException.Kind.FAILED,
                                "HTTP " + status + " from " + target.host()));
                    }
                    return Uni.createFrom().item(new Page(uri, status, response.contentType(), response.body()));
                }));
    }

    /** The site's robots.txt, read at most once an hour per site; a missing or unreadable one allows all. */
    private Uni<Void> robotsAllow(UrlGuard.Target target) {
        if (!config.respectRobotsTxt() || target.pathAndQuery().equals("/robots.txt")) {
            return Uni.createFrom().voidItem();
        }
        String origin = (target.https() ? "https://" : "http://") + target.host() + ":" + target.port();
        long now = System.currentTimeMillis();
        CachedRobots cached = robots.get(origin);
        Uni<RobotsRules> rules;
        if (cached != null && cached.expiresAt() > now) {
            rules = cached.rules();
        } else {
            rules = hop(UrlGuard.parse(origin + "/robots.txt"), config.maxRedirects() - 1, "text/plain")
                    .map(page -> RobotsRules.parse(page.body()))
                    .onFailure().recoverWithItem(RobotsRules.ALLOW_ALL)
                    .memoize().indefinitely();
            robots.put(origin, new CachedRobots(rules, now + ROBOTS_TTL_MILLIS));
        }
        return rules.map(r -> {
            if (!r.allows(target.pathAndQuery())) {
                throw new FetchException(FetchException.Kind.REFUSED, "robots.txt of " + target.host() + " disallows "
                        + target.uri().getRawPath());
            }
            return null;
        });
    }

    private record CachedRobots(Uni<RobotsRules> rules, long expiresAt) {
    }

    private record Response(int status, String location, String contentType, String body) {
    }

    private Uni<Response> attempt(UrlGuard.Target target, String accept) {
        return gate.run(target.host(), () -> send(target, accept))
                .onFailure(e -> !(e instanceof FetchException))
                .transform(e -> new FetchException(FetchException.Kind.RETRYABLE,
                        "could not reach " + target.host() + ": " + describe(e)));
    }

    private Uni<Response> send(UrlGuard.Target target, String accept) {
        String address = target.address().getHostAddress();
        if (target.address() instanceof Inet6Address) {
            int zone = address.indexOf('%');
            address = zone >= 0 ? address.substring(0, zone) : address;
        }
        CappedBody sink = new CappedBody(config.maxResponseBytes());
        HttpRequest<Void> request = client.request(HttpMethod.GET, target.port(), address, target.pathAndQuery())
                // Connect to the checked address; Host header and TLS name stay the site's own.
                .virtualHost(target.host())
                .ssl(target.https())
                .followRedirects(false)
                .timeout(config.totalTimeout().toMillis())
                .putHeader("User-Agent", config.userAgent())
                .putHeader("Accept", accept)
                .putHeader("Accept-Language", "en-US,en;q=0.9")
                .as(BodyCodec.pipe(sink));
        return Uni.createFrom().completionStage(() -> request.send().toCompletionStage())
                .ifNoItem().after(config.totalTimeout())
                .failWith(() -> new FetchException(FetchException.Kind.RETRYABLE,
                        target.host() + " did not answer within " + config.totalTimeout().toSeconds() + "s"))
                .onFailure(e -> sink.exceeded()).transform(e -> new FetchException(FetchException.Kind.FAILED,
                        "the response is larger than " + config.maxResponseBytes() + " bytes"))
                .map(response -> toResponse(target, response, sink));
    }

    private Response toResponse(UrlGuard.Target target, HttpResponse<Void> response, CappedBody sink) {
        int status = response.statusCode();
        if (status == 429 || status >= 500) {
            throw new FetchException(FetchException.Kind.RETRYABLE, "HTTP " + status + " from " + target.host());
        }
        String contentType = response.getHeader("Content-Type");
        return new Response(status, response.getHeader("Location"), contentType,
                sink.body().toString(charset(contentType)));
    }

    private static Charset charset(String contentType) {
        if (contentType != null) {
            Matcher m = CHARSET.matcher(contentType);
            if (m.find()) {
                try {
                    return Charset.forName(m.group(1).toUpperCase(Locale.ROOT));
                } catch (IllegalArgumentException unknown) {
                    return StandardCharsets.UTF_8;
                }
            }
        }
        return StandardCharsets.UTF_8;
    }

    private static String describe(Throwable e) {
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message.length() > 200 ? message.substring(0, 200) : message;
    }
}
