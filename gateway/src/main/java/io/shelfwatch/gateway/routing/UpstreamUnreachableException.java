package io.shelfwatch.gateway.routing;

/**
 * No connection to the upstream could be had (refused, no route, connect timeout).
 * Kept apart from failures after the request went out, which mean something else (504, 502).
 */
public final class UpstreamUnreachableException extends RuntimeException {

    public UpstreamUnreachableException(Upstream upstream, Throwable cause) {
        super(upstream.serviceName() + " is unreachable: " + cause.getMessage(), cause, false, false);
    }
}
