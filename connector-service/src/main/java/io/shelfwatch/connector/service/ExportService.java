package io.shelfwatch.connector.service;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import io.quarkus.hibernate.reactive.panache.common.WithTransaction;
import io.shelfwatch.connector.Export;
import io.shelfwatch.connector.mapping.ExportLayout;
import io.shelfwatch.connector.mapping.ProcessedRow;
import io.shelfwatch.connector.repository.ExportRepository;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** Doc B's "save to MSSQL and Azure": both layouts of a fetch stored as CSV in PostgreSQL. */
@ApplicationScoped
public class ExportService {

    private final ExportRepository exports;

    public ExportService(ExportRepository exports) {
        this.exports = exports;
    }

    /** Writes (or rewrites) every layout of this cache key. */
    @WithTransaction
    public Uni<Void> saveAll(UUID userId, String cacheKey, String marketplaceId, List<ProcessedRow> rows,
            OffsetDateTime createdAt) {
        return Multi.createFrom().items(ExportLayout.values()).onItem().transformToUniAndConcatenate(layout ->
                exports.find(userId, cacheKey, layout.dataType()).flatMap(existing -> {
                    Export export = existing != null ? existing : new Export();
                    if (existing == null) {
                        export.id = UUID.randomUUID();
                    }
                    export.userId = userId;
                    export.cacheKey = cacheKey;
                    export.dataType = layout.dataType();
                    export.marketplaceId = marketplaceId;
                    export.rowCount = rows.size();
                    export.csv = layout.csv(rows);
                    export.createdAt = createdAt;
                    return exports.persist(export);
                })).collect().last().replaceWithVoid();
    }
}
