package io.shelfwatch.connector.repository;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.UUID;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.hibernate.reactive.panache.Panache;
import io.shelfwatch.connector.mapping.InventoryReportParser.InventoryRow;
import io.smallrye.mutiny.Multi;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * A day's inventory report per user and marketplace, with its rows and CSV. Saving a day again
 * replaces the earlier report and its rows (so a re-fetch never duplicates). Runs inside the
 * caller's transaction.
 */
@ApplicationScoped
public class InventoryStore {

    /** Rows per INSERT statement. */
    private static final int CHUNK = 200;
    private static final String ROW_COLUMNS = "(id, inventory_report_id, user_id, marketplace_id, report_date,"
            + " line_number, sku, fnsku, asin, product_name, item_condition, your_price, mfn_fulfillable_quantity,"
            + " afn_fulfillable_quantity, afn_reserved_quantity, afn_unsellable_quantity, afn_total_quantity, columns)";

    public record SavedReport(UUID id, boolean replaced) {
    }

    private final ObjectMapper json;

    public InventoryStore(ObjectMapper json) {
        this.json = json;
    }

    public Uni<SavedReport> replace(UUID userId, UUID activityId, String marketplaceId, LocalDate reportDate,
            String reportId, String reportDocumentId, List<InventoryRow> rows, String csv, OffsetDateTime now) {
        UUID id = UUID.randomUUID();
        return Panache.getSession().flatMap(session -> session.createNativeQuery(
                "DELETE FROM inventory_reports WHERE user_id = :u AND marketplace_id = :m AND report_date = :d")
                .setParameter("u", userId).setParameter("m", marketplaceId).setParameter("d", reportDate)
                .executeUpdate()
                .flatMap(deleted -> session.createNativeQuery("INSERT INTO inventory_reports (id, user_id,"
                        + " activity_id, marketplace_id, report_date, report_id, report_document_id, row_count, csv,"
                        + " created_at) VALUES (:id, :u, :a, :m, :d, :r, :doc, :n, :csv, :now)")
                        .setParameter("id", id).setParameter("u", userId).setParameter("a", activityId)
                        .setParameter("m", marketplaceId).setParameter("d", reportDate).setParameter("r", reportId)
                        .setParameter("doc", reportDocumentId).setParameter("n", rows.size())
                        .setParameter("csv", csv).setParameter("now", now)
                        .executeUpdate()
                        .flatMap(inserted -> insertRows(id, userId, marketplaceId, reportDate, rows))
                        .map(ignored -> new SavedReport(id, deleted > 0))));
    }

    private Uni<Void> insertRows(UUID reportId, UUID userId, String marketplaceId, LocalDate reportDate,
            List<InventoryRow> rows) {
        if (rows.isEmpty()) {
            return Uni.createFrom().voidItem();
        }
        List<List<InventoryRow>> chunks = new java.util.ArrayList<>();
        for (int i = 0; i < rows.size(); i += CHUNK) {
            chunks.add(rows.subList(i, Math.min(rows.size(), i + CHUNK)));
        }
        return Multi.createFrom().iterable(chunks).onItem().transformToUniAndConcatenate(chunk -> Panache.getSession()
                .flatMap(session -> {
                    StringBuilder sql = new StringBuilder("INSERT INTO inventory_items ").append(ROW_COLUMNS)
                            .append(" VALUES ");
                    for (int i = 0; i < chunk.size(); i++) {
                        if (i > 0) {
                            sql.append(',');
                        }
                        sql.append("(:id").append(i).append(", :report, :user, :market, :day, :line").append(i)
                                .append(", :sku").append(i).append(", :fnsku").append(i).append(", :asin").append(i)
                                .append(", :name").append(i).append(", :cond").append(i).append(", :price").append(i)
                                .append(", :mfn").append(i).append(", :afn").append(i).append(", :reserved").append(i)
                                .append(", :unsellable").append(i).append(", :total").append(i).append(", :cols")
                                .append(i).append(')');
                    }
                    var query = session.createNativeQuery(sql.toString()).setParameter("report", reportId)
                            .setParameter("user", userId).setParameter("market", marketplaceId)
                            .setParameter("day", reportDate);
                    for (int i = 0; i < chunk.size(); i++) {
                        InventoryRow row = chunk.get(i);
                        query.setParameter("id" + i, UUID.randomUUID())
                                .setParameter("line" + i, row.lineNumber())
                                .setParameter("sku" + i, row.text("sku"))
                                .setParameter("fnsku" + i, row.text("fnsku"))
                                .setParameter("asin" + i, row.text("asin"))
                                .setParameter("name" + i, row.text("product-name"))
                                .setParameter("cond" + i, row.text("condition"))
                                .setParameter("price" + i, row.decimal("your-price"))
                                .setParameter("mfn" + i, row.integer("mfn-fulfillable-quantity"))
                                .setParameter("afn" + i, row.integer("afn-fulfillable-quantity"))
                                .setParameter("reserved" + i, row.integer("afn-reserved-quantity"))
                                .setParameter("unsellable" + i, row.integer("afn-unsellable-quantity"))
                                .setParameter("total" + i, row.integer("afn-total-quantity"))
                                .setParameter("cols" + i, write(row));
                    }
                    return query.executeUpdate();
                }))
                .collect().last().replaceWithVoid();
    }

    public Uni<Void> deleteAll(UUID userId) {
        return Panache.getSession().flatMap(session -> session
                .createNativeQuery("DELETE FROM inventory_reports WHERE user_id = :u").setParameter("u", userId)
                .executeUpdate()).replaceWithVoid();
    }

    private String write(InventoryRow row) {
        try {
            return json.writeValueAsString(row.columns());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("inventory row could not be written", e);
        }
    }
}
