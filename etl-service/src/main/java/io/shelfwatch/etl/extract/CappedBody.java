package io.shelfwatch.etl.extract;

import io.vertx.core.AsyncResult;
import io.vertx.core.Future;
import io.vertx.core.Handler;
import io.vertx.core.buffer.Buffer;
import io.vertx.core.streams.WriteStream;

/** Collects a response body and fails the download once it grows past the cap. */
final class CappedBody implements WriteStream<Buffer> {

    private final long cap;
    private final Buffer body = Buffer.buffer();
    private boolean exceeded;

    CappedBody(long cap) {
        this.cap = cap;
    }

    boolean exceeded() {
        return exceeded;
    }

    Buffer body() {
        return body;
    }

    @Override
    public WriteStream<Buffer> exceptionHandler(Handler<Throwable> handler) {
        return this;
    }

    @Override
    public Future<Void> write(Buffer data) {
        if (exceeded || body.length() + (long) data.length() > cap) {
            exceeded = true;
            return Future.failedFuture(new FetchException(FetchException.Kind.FAILED,
                    "the response is larger than " + cap + " bytes"));
        }
        body.appendBuffer(data);
        return Future.succeededFuture();
    }

    @Override
    public void write(Buffer data, Handler<AsyncResult<Void>> handler) {
        Future<Void> result = write(data);
        if (handler != null) {
            handler.handle(result);
        }
    }

    @Override
    public void end(Handler<AsyncResult<Void>> handler) {
        if (handler != null) {
            handler.handle(exceeded ? Future.failedFuture(new FetchException(FetchException.Kind.FAILED,
                    "the response is larger than " + cap + " bytes")) : Future.succeededFuture());
        }
    }

    @Override
    public WriteStream<Buffer> setWriteQueueMaxSize(int maxSize) {
        return this;
    }

    @Override
    public boolean writeQueueFull() {
        return false;
    }

    @Override
    public WriteStream<Buffer> drainHandler(Handler<Void> handler) {
        return this;
    }
}
