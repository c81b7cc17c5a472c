package io.shelfwatch.connector.client;

import java.util.concurrent.Executor;

import io.vertx.core.Context;
import io.vertx.core.Vertx;

/**
 * Brings a pipeline back to the Vert.x context it started on after a timer or a
 * non-Vert.x client (the JDK's HttpClient) resumed it elsewhere; Hibernate Reactive and
 * the request's MDC need that context.
 */
public final class ContextExecutor {

    private ContextExecutor() {
    }

    /** An executor running on the caller's current Vert.x context; without one, on the calling thread. */
    public static Executor current() {
        Context context = Vertx.currentContext();
        return context == null ? Runnable::run : task -> context.runOnContext(ignored -> task.run());
    }
}
