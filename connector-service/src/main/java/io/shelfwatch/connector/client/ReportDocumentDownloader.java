package io.shelfwatch.connector.client;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.zip.GZIPInputStream;

import org.jboss.logging.Logger;

import io.shelfwatch.connector.client.ReportsModels.ReportDocument;
import io.shelfwatch.connector.config.ConnectorConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Downloads a report document from the presigned URL `getReportDocument` gave (no access
 * token: the URL is the credential, and it is never logged), gunzipping it when Amazon says
 * `compressionAlgorithm: GZIP`. A failed download is tried again a few times; the URL lasts 5 minutes.
 */
@ApplicationScoped
public class ReportDocumentDownloader {

    /** The document as served (`raw`, compressed or not) and as text bytes (`content`, never compressed). */
    public record Downloaded(byte[] raw, byte[] content, boolean gzip) {
    }

    private static final Logger LOG = Logger.getLogger(ReportDocumentDownloader.class);
    private static final int ATTEMPTS = 3;

    private final ConnectorConfig config;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(10))
            .followRedirects(HttpClient.Redirect.NORMAL).build();

    public ReportDocumentDownloader(ConnectorConfig config) {
        this.config = config;
    }

    public Uni<Downloaded> download(ReportDocument document) {
        URI url;
        try {
            url = URI.create(document.url());
        } catch (RuntimeException e) {
            return Uni.createFrom().failure(failure(document, "Amazon gave an unusable document URL"));
        }
        if (!"https".equals(url.getScheme()) && !"http".equals(url.getScheme())) {
            return Uni.createFrom().failure(failure(document, "Amazon gave an unusable document URL"));
        }
        java.util.concurrent.Executor back = ContextExecutor.current();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(config.spApi().downloadTimeout()).GET().build();
        return Uni.createFrom().completionStage(() -> http.sendAsync(request, HttpResponse.BodyHandlers.ofByteArray()))
                .emitOn(back)
                .map(response -> {
                    if (response.statusCode() >= 500) {
                        throw new UncheckedIOException(new IOException("document download answered "
                                + response.statusCode()));
                    }
                    if (response.statusCode() != 200) {
                        throw failure(document, "the report document could not be downloaded (HTTP "
                                + response.statusCode() + ")");
                    }
                    return unpack(document, response.body());
                })
                .onFailure(failure -> !(failure instanceof SpApiException)).retry()
                .withBackOff(config.spApi().backoffBase(), config.spApi().backoffMax()).atMost(ATTEMPTS - 1)
                .emitOn(back)
                .onFailure(failure -> !(failure instanceof SpApiException)).transform(failure -> {
                    LOG.warnf("report document %s not downloaded: %s", document.reportDocumentId(),
                            failure.getClass().getSimpleName());
                    return failure(document, "the report document could not be downloaded");
                });
    }

    private Downloaded unpack(ReportDocument document, byte[] body) {
        if (body.length > config.spApi().documentMaxBytes()) {
            throw failure(document, "the report document is larger than " + config.spApi().documentMaxBytes()
                    + " bytes");
        }
        if (!document.gzip()) {
            return new Downloaded(body, body, false);
        }
        try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
            ByteArrayOutputStream out = new ByteArrayOutputStream(body.length * 4);
            byte[] buffer = new byte[64 * 1024];
            long total = 0;
            for (int n; (n = in.read(buffer)) > 0;) {
                total += n;
                if (total > config.spApi().documentMaxBytes()) {
                    throw failure(document, "the report document is larger than "
                            + config.spApi().documentMaxBytes() + " bytes");
                }
                out.write(buffer, 0, n);
            }
            return new Downloaded(body, out.toByteArray(), true);
        } catch (IOException e) {
            throw failure(document, "the report document is not valid gzip");
        }
    }

    private static SpApiException failure(ReportDocument document, String message) {
        return new SpApiException(502, "getReportDocument",
                "Amazon's report document " + document.reportDocumentId() + ": " + message, null);
    }
}
