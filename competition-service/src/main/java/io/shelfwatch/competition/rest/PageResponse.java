package io.shelfwatch.competition.rest;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonProperty;

/** Doc E's paginated list: `{items, total, page, per_page}`. */
public record PageResponse<T>(List<T> items, long total, int page, @JsonProperty("per_page") int perPage) {
}
