package io.shelfwatch.connector.rest;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.eclipse.microprofile.jwt.JsonWebToken;

import com.fasterxml.jackson.annotation.JsonProperty;

import io.quarkus.security.Authenticated;
import io.shelfwatch.connector.Export;
import io.shelfwatch.connector.mapping.ExportLayout;
import io.shelfwatch.connector.repository.ExportRepository;
import io.shelfwatch.connector.service.ProcessedCache;
import io.smallrye.mutiny.Uni;
import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.NotFoundException;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

/**
 * Doc B's processed data: cache keys (Redis), the CSV of a layout (from the cache, else the
 * stored export of that key) and the status of the stored exports. Only the caller's own.
 */
@Path("/api")
@Authenticated
public class ProcessedDataResource {

    private static final DateTimeFormatter FILE_TIME = DateTimeFormatter.ofPattern("yyyyMMdd_HHmmss");
    private static final Map<String, String> COUNTRY = Map.of("ATVPDKIKX0DER", "US", "A2EUQ1WTGCTBG2", "CA",
            "A1F83G8C2ARO7P", "UK", "A1PA6795UKMFR9", "DE", "A13V1IB3VIYZZH", "FR", "APJ6JRA9NG5V4", "IT",
            "A1RKKUPIHCS9HS", "ES");

    public record DownloadRequest(
            @NotBlank @JsonProperty("cache_key") String cacheKey,
            @NotNull @Pattern(regexp = "mssql|azure", message = "must be mssql or azure")
            @JsonProperty("data_type") String dataType) {
    }

    public record CacheList(@JsonProperty("cache_keys") List<String> cacheKeys,
            @JsonProperty("cache_info") Map<String, ProcessedCache.Info> cacheInfo) {
    }

    public record ExportInfo(@JsonProperty("cache_key") String cacheKey,
            @JsonProperty("data_type") String dataType,
            @JsonProperty("marketplace_id") String marketplaceId,
            @JsonProperty("rows") int rows,
            @JsonProperty("created_at") String createdAt) {
    }

    public record Status(@JsonProperty("cached_keys") Integer cachedKeys,
            @JsonProperty("total_exports") long totalExports,
            @JsonProperty("latest_exports") List<ExportInfo> latestExports) {
    }

    private final ProcessedCache cache;
    private final ExportRepository exports;
    private final JsonWebToken jwt;

    public ProcessedDataResource(ProcessedCache cache, ExportRepository exports, JsonWebToken jwt) {
        this.cache = cache;
        this.exports = exports;
        this.jwt = jwt;
    }

    @GET
    @Path("/download-processed")
    public Uni<CacheList> list() {
        UUID user = caller();
        return cache.list(user).flatMap(infos -> {
            if (infos != null) {
                return Uni.createFrom().item(infos);
            }
            // Redis unreachable: the keys of the stored exports.
            return exports.latest(user, 100).map(stored -> {
                Map<String, ProcessedCache.Info> byKey = new LinkedHashMap<>();
                for (Export e : stored) {
                    byKey.putIfAbsent(e.cacheKey, new ProcessedCache.Info(e.cacheKey, e.marketplaceId, e.rowCount,
                            e.createdAt.toInstant().toString(), null));
                }
                return new ArrayList<>(byKey.values());
            });
        }).map(infos -> {
            Map<String, ProcessedCache.Info> info = new LinkedHashMap<>();
            infos.forEach(i -> info.put(i.cacheKey(), i));
            return new CacheList(new ArrayList<>(info.keySet()), info);
        });
    }

    @POST
    @Path("/download-processed")
    public Uni<Response> download(@Valid @NotNull DownloadRequest request) {
        UUID user = caller();
        ExportLayout layout = ExportLayout.of(request.dataType()).orElseThrow();
        return cache.get(user, request.cacheKey()).flatMap(entry -> {
            if (entry != null) {
                return Uni.createFrom().item(csv(layout, entry.info().marketplaceId(), layout.csv(entry.rows())));
            }
            return exports.find(user, request.cacheKey(), layout.dataType()).map(stored -> {
                if (stored == null) {
                    throw new NotFoundException("No processed data for cache_key " + request.cacheKey());
                }
                return csv(layout, stored.marketplaceId, stored.csv);
            });
        });
    }

    @GET
    @Path("/processed-status")
    public Uni<Status> status() {
        UUID user = caller();
        return cache.list(user).flatMap(cached -> exports.countFor(user)
                .flatMap(total -> exports.latest(user, 10).map(latest -> new Status(
                        cached == null ? null : cached.size(), total,
                        latest.stream().map(e -> new ExportInfo(e.cacheKey, e.dataType, e.marketplaceId, e.rowCount,
                                e.createdAt.toInstant().toString())).toList()))));
    }

    private static Response csv(ExportLayout layout, String marketplaceId, String csv) {
        String file = layout.name() + "_data_" + COUNTRY.getOrDefault(marketplaceId, marketplaceId) + "_"
                + FILE_TIME.format(java.time.Instant.now().atZone(ZoneOffset.UTC)) + ".csv";
        return Response.ok(csv, "text/csv; charset=UTF-8")
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + file + "\"").build();
    }

    private UUID caller() {
        return UUID.fromString(jwt.getSubject());
    }
}
