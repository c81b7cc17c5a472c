package io.shelfwatch.gateway.docs;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;

import jakarta.enterprise.context.ApplicationScoped;

import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.ext.web.Router;

/**
 * doc C's documentation addresses: the merged OpenAPI at /api/openapi.json and ReDoc at
 * /api/redoc, its bundle from the org.webjars:redoc jar served under the page's own path
 * (Swagger UI at /api/docs is Quarkus's bundled one, configured in application.properties
 * to read the merged document). Both pages are static and need nothing from a CDN.
 */
@ApplicationScoped
public class DocsRoutes {

    private final OpenApiMerger merger;
    private final Buffer redocPage;
    private final Buffer redocBundle;

    DocsRoutes(OpenApiMerger merger) {
        this.merger = merger;
        this.redocPage = resource("docs/redoc.html");
        String version = webjarVersion("redoc");
        this.redocBundle = resource("META-INF/resources/webjars/redoc/" + version + "/redoc.standalone.js");
    }

    public void install(Router router) {
        router.get("/api/openapi.json").handler(ctx -> merger.document().subscribe().with(
                document -> ctx.response()
                        .putHeader(HttpHeaders.CONTENT_TYPE, "application/json")
                        .putHeader(HttpHeaders.CACHE_CONTROL, "no-cache")
                        .end(document.encode()),
                ctx::fail));
        router.getWithRegex("/api/redoc/?").handler(ctx -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "text/html; charset=utf-8")
                .end(redocPage));
        router.get("/api/redoc/redoc.standalone.js").handler(ctx -> ctx.response()
                .putHeader(HttpHeaders.CONTENT_TYPE, "application/javascript")
                .putHeader(HttpHeaders.CACHE_CONTROL, "public, max-age=86400")
                .end(redocBundle));
    }

    private static String webjarVersion(String name) {
        Properties properties = new Properties();
        try (InputStream in = open("META-INF/maven/org.webjars/" + name + "/pom.properties")) {
            properties.load(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return properties.getProperty("version");
    }

    private static Buffer resource(String path) {
        try (InputStream in = open(path)) {
            return Buffer.buffer(in.readAllBytes());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static InputStream open(String path) {
        InputStream in = Thread.currentThread().getContextClassLoader().getResourceAsStream(path);
        if (in == null) {
            throw new IllegalStateException("Missing on the class path: " + path);
        }
        return in;
    }
}
