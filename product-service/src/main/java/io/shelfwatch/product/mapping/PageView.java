package io.shelfwatch.product.mapping;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Doc E's paginated list envelope, used by every paginated list here. */
public record PageView<T>(List<T> items, long total, int page, @JsonProperty("per_page") int perPage) {
}
