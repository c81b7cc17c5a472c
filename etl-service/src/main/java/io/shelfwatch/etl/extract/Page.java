package io.shelfwatch.etl.extract;

import java.net.URI;

/** A fetched page: where it finally came from (after redirects), its status and its text. */
public record Page(URI url, int status, String contentType, String body) {
}
