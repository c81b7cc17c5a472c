package io.shelfwatch.etl.alerts;

import java.util.List;

import io.quarkus.hibernate.reactive.panache.PanacheQuery;
import io.smallrye.mutiny.Uni;

/**
 * The rows of doc E's 1-based `page` of `per_page` rows. The offset is computed as a long: `page` may be
 * as large as an int allows, and Panache's own `page()` multiplies in int and overflows into a negative
 * offset. A page that starts beyond what an int offset can reach is past the end of any list: empty.
 */
final class PageWindow {

    private PageWindow() {
    }

    static <T> Uni<List<T>> list(PanacheQuery<T> query, int page, int perPage) {
        long first = (page - 1L) * perPage;
        if (first > Integer.MAX_VALUE - (long) perPage) {
            return Uni.createFrom().item(List.of());
        }
        return query.range((int) first, (int) first + perPage - 1).list();
    }
}
