package io.shelfwatch.gateway.routing;

import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.http.HttpHeaders;
import io.vertx.core.http.HttpServerRequest;
import io.vertx.core.http.HttpVersion;
import io.vertx.core.streams.ReadStream;
import io.vertx.httpproxy.Body;
import io.vertx.httpproxy.ProxyContext;
import io.vertx.httpproxy.ProxyInterceptor;
import io.vertx.httpproxy.ProxyRequest;
import io.vertx.httpproxy.ProxyResponse;

/**
 * Caps a streamed (chunked) request body, one that declared no Content-Length and so passed
 * the edge's size check. The body is counted as it flows to the upstream; the moment it
 * passes the limit the stream fails, the library resets the upstream request (the upstream
 * never sees a complete body), and {@link UpstreamFailureInterceptor} answers 413. Counting
 * instead of buffering keeps memory flat however large the body is.
 */
final class RequestBodyCap implements ProxyInterceptor {

    private static final String EXCEEDED = "shelfwatch.request-body-exceeded";

    private final long maxBytes;

    RequestBodyCap(long maxBytes) {
        this.maxBytes = maxBytes;
    }

    /** True when this exchange failed because the client's body passed the limit. */
    static boolean exceeded(ProxyContext context) {
        return Boolean.TRUE.equals(context.get(EXCEEDED, Boolean.class));
    }

    @Override
    public Future<ProxyResponse> handleProxyRequest(ProxyContext context) {
        ProxyRequest request = context.request();
        Body body = request.getBody();
        // Only a streamed body needs counting; a request without one (most GETs) is left untouched.
        if (body != null && body.length() < 0 && streamsABody(request.proxiedRequest())) {
            request.setBody(Body.body(new CappedStream(body.stream(), maxBytes, () -> context.set(EXCEEDED, true)), -1));
        }
        return context.sendRequest();
    }

    /** A body of no declared length: chunked (HTTP/1.1), or HTTP/2 frames. */
    static boolean streamsABody(HttpServerRequest request) {
        return request.version() == HttpVersion.HTTP_2 || request.headers().contains(HttpHeaders.TRANSFER_ENCODING);
    }

    /** Thrown into the body's pipe when the limit is passed. */
    static final class BodyTooLargeException extends RuntimeException {
        BodyTooLargeException(long maxBytes) {
            super("request body exceeds " + maxBytes + " bytes", null, false, false);
        }
    }

    /** Passes buffers through while the running total stays within the limit, then fails once. */
    private static final class CappedStream implements ReadStream<Buffer> {

        private final ReadStream<Buffer> source;
        private final long maxBytes;
        private final Runnable onExceeded;
        private long seen;
        private boolean failed;
        private Handler<Throwable> exceptionHandler;

        CappedStream(ReadStream<Buffer> source, long maxBytes, Runnable onExceeded) {
            this.source = source;
            this.maxBytes = maxBytes;
            this.onExceeded = onExceeded;
        }

        @Override
        public ReadStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
            this.exceptionHandler = handler;
            source.exceptionHandler(handler);
            return this;
        }

        @Override
        public ReadStream<Buffer> handler(Handler<Buffer> handler) {
            if (handler == null) {
                source.handler(null);
                return this;
            }
            source.handler(chunk -> {
                if (failed) {
                    return; // drop the rest: the upstream request is already reset
                }
                seen += chunk.length();
                if (seen > maxBytes) {
                    failed = true;
                    onExceeded.run();
                    if (exceptionHandler != null) {
                        exceptionHandler.handle(new BodyTooLargeException(maxBytes));
                    }
                    return;
                }
                handler.handle(chunk);
            });
            return this;
        }

        @Override
        public ReadStream<Buffer> endHandler(Handler<Void> handler) {
            source.endHandler(handler == null ? null : end -> {
                if (!failed) {
                    handler.handle(end);
                }
            });
            return this;
        }

        @Override
        public ReadStream<Buffer> pause() {
            source.pause();
            return this;
        }

        @Override
        public ReadStream<Buffer> resume() {
            source.resume();
            return this;
        }

        @Override
        public ReadStream<Buffer> fetch(long amount) {
            source.fetch(amount);
            return this;
        }
    }
}
