package io.shelfwatch.product.rest;

import java.util.UUID;
import java.util.regex.Pattern;

import jakarta.ws.rs.BadRequestException;

/** Path ids are taken as text and parsed here: a malformed UUID on /api/v1/** is a 400 (doc E). */
final class PathIds {

    private static final Pattern UUID_TEXT = Pattern.compile(
            "[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}");

    private PathIds() {
    }

    static UUID parse(String value, String what) {
        if (value == null || !UUID_TEXT.matcher(value).matches()) {
            throw new BadRequestException("Invalid " + what + " id: must be a UUID");
        }
        return UUID.fromString(value);
    }
}
