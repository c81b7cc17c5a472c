package io.shelfwatch.connector.client;

import java.time.temporal.ChronoUnit;
import java.util.function.Supplier;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;

import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/**
 * One circuit breaker per SP-API operation: when most recent attempts of an operation end in
 * a 5xx or no answer, further calls fail at once for a while instead of piling onto Amazon.
 * A 429 or a 4xx is an answer, not a failure of the operation.
 */
@ApplicationScoped
public class SpApiBreakers {

    /** An attempt that Amazon answered with a 5xx: a failure for the breaker, retried by the caller. */
    public static class ServerError extends RuntimeException {
        private final Response response;

        public ServerError(Response response) {
            super("SP-API answered " + response.getStatus(), null, false, false);
            this.response = response;
        }

        public Response response() {
            return response;
        }
    }

    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public Uni<Response> getOrders(Supplier<Uni<Response>> attempt) {
        return guarded(attempt);
    }

    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public Uni<Response> getOrderItems(Supplier<Uni<Response>> attempt) {
        return guarded(attempt);
    }

    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public Uni<Response> createReport(Supplier<Uni<Response>> attempt) {
        return guarded(attempt);
    }

    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public Uni<Response> getReport(Supplier<Uni<Response>> attempt) {
        return guarded(attempt);
    }

    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public Uni<Response> getReportDocument(Supplier<Uni<Response>> attempt) {
        return guarded(attempt);
    }

    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public Uni<Response> createReportSchedule(Supplier<Uni<Response>> attempt) {
        return guarded(attempt);
    }

    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public Uni<Response> getReportSchedules(Supplier<Uni<Response>> attempt) {
        return guarded(attempt);
    }

    @CircuitBreaker(requestVolumeThreshold = 20, failureRatio = 0.75, delay = 30, delayUnit = ChronoUnit.SECONDS)
    public Uni<Response> cancelReportSchedule(Supplier<Uni<Response>> attempt) {
        return guarded(attempt);
    }

    private static Uni<Response> guarded(Supplier<Uni<Response>> attempt) {
        return attempt.get().map(response -> {
            if (response.getStatus() >= 500) {
                throw new ServerError(response);
            }
            return response;
        });
    }
}
