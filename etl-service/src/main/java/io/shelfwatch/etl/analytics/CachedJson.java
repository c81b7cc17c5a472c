package io.shelfwatch.etl.analytics;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;

/**
 * Doc D's read responses: `Cache-Control: private, max-age=300` with `Vary: Authorization` (the data
 * is per user: a deliberate deviation from doc D's `public`), a strong ETag of the body, and 304 for
 * a matching `If-None-Match`.
 */
@ApplicationScoped
public class CachedJson {

    static final String CACHE_CONTROL = "private, max-age=300";

    private final ObjectMapper json;

    public CachedJson(ObjectMapper json) {
        this.json = json;
    }

    public Response ok(Object body, String ifNoneMatch) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("response not serializable", e);
        }
        String etag = "\"" + sha256(bytes).substring(0, 32) + "\"";
        Response.ResponseBuilder response = matches(ifNoneMatch, etag)
                ? Response.notModified()
                : Response.ok(bytes, MediaType.APPLICATION_JSON_TYPE);
        return response.header(HttpHeaders.ETAG, etag)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .header(HttpHeaders.VARY, HttpHeaders.AUTHORIZATION)
                .build();
    }

    /** `If-None-Match` lists tags (weak ones compare by their value) or is `*`. */
    static boolean matches(String ifNoneMatch, String etag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        for (String candidate : ifNoneMatch.split(",")) {
            String tag = candidate.trim();
            if (tag.startsWith("W/")) {
                tag = tag.substring(2);
            }
            if (tag.equals("*") || tag.equals(etag)) {
                return true;
            }
        }
        return false;
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
