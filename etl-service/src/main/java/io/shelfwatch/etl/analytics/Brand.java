package io.shelfwatch.etl.analytics;

import java.util.UUID;

/** A brand whose search-query performance a user loads; the user owns it and everything loaded for it. */
public record Brand(UUID id, UUID userId, String name) {
}
