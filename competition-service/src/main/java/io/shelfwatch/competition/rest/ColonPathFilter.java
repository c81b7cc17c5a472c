package io.shelfwatch.competition.rest;

import java.net.URI;
import java.util.regex.Pattern;

import org.jboss.resteasy.reactive.server.ServerRequestFilter;

import jakarta.ws.rs.container.ContainerRequestContext;

/**
 * Doc A's `…/report:refresh` is matched with its literal colon; clients that percent-encode the
 * colon (`report%3Arefresh`, as many URL builders do) reach the same endpoint instead of a 404.
 */
public class ColonPathFilter {

    private static final Pattern ENCODED = Pattern.compile("/report%3[aA]refresh(?=/?$)");

    @ServerRequestFilter(preMatching = true)
    public void decodeColon(ContainerRequestContext request) {
        URI uri = request.getUriInfo().getRequestUri();
        String raw = uri.getRawPath();
        if (raw != null && ENCODED.matcher(raw).find()) {
            String path = ENCODED.matcher(raw).replaceFirst("/report:refresh");
            String query = uri.getRawQuery();
            request.setRequestUri(URI.create(uri.getScheme() + "://" + uri.getRawAuthority() + path
                    + (query == null ? "" : "?" + query)));
        }
    }
}
