package io.shelfwatch.gateway.docs;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import org.jboss.logging.Logger;

import io.shelfwatch.gateway.config.GatewayConfig;
import io.shelfwatch.gateway.routing.RouteTable;
import io.shelfwatch.gateway.routing.Upstream;
import io.smallrye.mutiny.Uni;
import io.vertx.core.json.JsonObject;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.ext.web.client.WebClient;

/**
 * One OpenAPI document for the whole suite: every service's own ({@code /q/openapi?format=json}),
 * keeping only the paths the gateway routes to that service (so nothing internal shows),
 * components merged (the first service to define a name keeps it). A service that does not
 * answer is left out and named in {@code x-unavailable-services}. Kept for a short while, so
 * a page load does not ask five services every time.
 */
@ApplicationScoped
public class OpenApiMerger {

    private static final Logger LOG = Logger.getLogger(OpenApiMerger.class);
    private static final Duration KEEP_FOR = Duration.ofSeconds(30);

    private final GatewayConfig config;
    private final WebClient client;
    private volatile JsonObject merged;
    private volatile long mergedAtNanos;

    OpenApiMerger(GatewayConfig config, Vertx vertx) {
        this.config = config;
        this.client = WebClient.create(vertx);
    }

    public Uni<JsonObject> document() {
        JsonObject current = merged;
        if (current != null && System.nanoTime() - mergedAtNanos < KEEP_FOR.toNanos()) {
            return Uni.createFrom().item(current);
        }
        List<Uni<JsonObject>> fetches = new ArrayList<>();
        for (Upstream upstream : Upstream.values()) {
            fetches.add(fetch(upstream));
        }
        return Uni.combine().all().unis(fetches).with(documents -> {
            JsonObject result = merge(documents);
            if (!result.containsKey("x-unavailable-services")) {
                merged = result;
                mergedAtNanos = System.nanoTime();
            }
            return result;
        });
    }

    private Uni<JsonObject> fetch(Upstream upstream) {
        return client.getAbs(upstream.baseUrl(config) + "/q/openapi?format=json")
                .putHeader("Accept", "application/json")
                .timeout(config.healthTimeout().toMillis())
                .send()
                .map(response -> response.statusCode() == 200 ? response.bodyAsJsonObject() : null)
                .onFailure().recoverWithItem(failure -> {
                    LOG.debugf("No OpenAPI from %s: %s", upstream.serviceName(), failure.getMessage());
                    return null;
                });
    }

    static JsonObject merge(List<?> documents) {
        JsonObject paths = new JsonObject();
        JsonObject components = new JsonObject();
        List<String> unavailable = new ArrayList<>();
        Upstream[] upstreams = Upstream.values();
        for (int i = 0; i < upstreams.length; i++) {
            Upstream upstream = upstreams[i];
            if (!(documents.get(i) instanceof JsonObject document)) {
                unavailable.add(upstream.serviceName());
                continue;
            }
            JsonObject servicePaths = document.getJsonObject("paths", new JsonObject());
            for (String path : servicePaths.fieldNames()) {
                if (RouteTable.upstreamFor(path).filter(upstream::equals).isPresent() && !paths.containsKey(path)) {
                    paths.put(path, servicePaths.getValue(path));
                }
            }
            JsonObject serviceComponents = document.getJsonObject("components", new JsonObject());
            for (String section : serviceComponents.fieldNames()) {
                JsonObject target = components.getJsonObject(section);
                if (target == null) {
                    target = new JsonObject();
                    components.put(section, target);
                }
                JsonObject entries = serviceComponents.getJsonObject(section, new JsonObject());
                for (String name : entries.fieldNames()) {
                    if (!target.containsKey(name)) {
                        target.put(name, entries.getValue(name));
                    }
                }
            }
        }
        JsonObject result = new JsonObject()
                .put("openapi", "3.0.3")
                .put("info", new JsonObject().put("title", "Shelfwatch API").put("version", "1.0"))
                .put("paths", paths)
                .put("components", components);
        if (!unavailable.isEmpty()) {
            result.put("x-unavailable-services", unavailable);
        }
        return result;
    }

    @PreDestroy
    void close() {
        client.close();
    }
}
