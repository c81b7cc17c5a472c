package io.shelfwatch.connector.client;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.ThreadLocalRandom;
import java.util.function.Function;
import java.util.function.Supplier;

import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.jboss.logging.Logger;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import io.shelfwatch.connector.config.ConnectorConfig;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.Response;

/**
 * One SP-API request done right: waits for the connection's token bucket, retries 429 and
 * 5xx with exponential backoff and full jitter under an overall deadline, renews the access
 * token once on a 401/403, and goes through the operation's circuit breaker.
 */
@ApplicationScoped
public class SpApiCaller {

    public static final String RATE_LIMIT_HEADER = "x-amzn-RateLimit-Limit";
    private static final Logger LOG = Logger.getLogger(SpApiCaller.class);
    /** Stands for "no answer at all" inside this class only (retried like a 5xx); never shown to anyone. */
    private static final int NO_ANSWER = 599;

    @JsonIgnoreProperties(ignoreUnknown = true)
    record ErrorList(List<OrdersV0Models.Error> errors) {
    }

    private final RateLimiter limiter;
    private final SpApiBreakers breakers;
    private final ConnectorConfig config;

    public SpApiCaller(RateLimiter limiter, SpApiBreakers breakers, ConnectorConfig config) {
        this.limiter = limiter;
        this.breakers = breakers;
        this.config = config;
    }

    /**
     * @param bucket  who is calling (the connection), so each keeps its own rate limit
     * @param request the HTTP request, given the access token to send
     */
    public <T> Uni<T> call(String bucket, SpApiOperation operation, AccessTokenSource tokens,
            Function<String, Uni<Response>> request, Class<T> type) {
        Instant deadline = Instant.now().plus(config.spApi().deadline());
        String bucketKey = bucket + ":" + operation.operationId();
        return tokens.current().flatMap(token -> attempt(1, false, token, bucketKey, operation, tokens, request,
                type, deadline));
    }

    private <T> Uni<T> attempt(int attempt, boolean renewed, String token, String bucketKey,
            SpApiOperation operation, AccessTokenSource tokens, Function<String, Uni<Response>> request,
            Class<T> type, Instant deadline) {
        return limiter.reserve(bucketKey, operation.limit()).flatMap(waitMs -> {
            if (Instant.now().plusMillis(waitMs).isAfter(deadline)) {
                return Uni.createFrom().failure(timeout(operation));
            }
            Uni<Void> pause = waitMs > 0
                    ? Uni.createFrom().voidItem().onItem().delayIt().by(Duration.ofMillis(waitMs))
                            .emitOn(ContextExecutor.current())
                    : Uni.createFrom().voidItem();
            return pause.flatMap(ignored -> guarded(operation, () -> request.apply(token)))
                    .onFailure(SpApiBreakers.ServerError.class)
                    .recoverWithItem(failure -> ((SpApiBreakers.ServerError) failure).response())
                    .onFailure(CircuitBreakerOpenException.class).transform(open -> new SpApiException(503,
                            operation.operationId(), "Amazon's " + operation.operationId()
                                    + " is failing; calls are paused, try again later", null))
                    .onFailure(failure -> !(failure instanceof SpApiException)).recoverWithItem(failure -> {
                        // No answer at all (connection refused, timeout): retried like a 5xx.
                        LOG.warnf("SP-API %s: no answer (%s)", operation.operationId(),
                                failure.getClass().getSimpleName());
                        return null;
                    })
                    .flatMap(response -> handle(response, attempt, renewed, token, bucketKey, operation, tokens,
                            request, type, deadline));
        });
    }

    private <T> Uni<T> handle(Response response, int attempt, boolean renewed, String token, String bucketKey,
            SpApiOperation operation, AccessTokenSource tokens, Function<String, Uni<Response>> request,
            Class<T> type, Instant deadline) {
        int status = response == null ? NO_ANSWER : response.getStatus();
        Uni<Void> learned = response == null ? Uni.createFrom().voidItem()
                : limiter.learn(bucketKey, amazonRate(response));
        if (status >= 200 && status < 300) {
            return learned.map(ignored -> response.readEntity(type));
        }
        if ((status == 401 || status == 403) && !renewed) {
            LOG.infof("SP-API %s answered %d: renewing the access token once", operation.operationId(), status);
            return learned.flatMap(ignored -> tokens.replace(token)).flatMap(fresh -> attempt(attempt, true, fresh,
                    bucketKey, operation, tokens, request, type, deadline));
        }
        if (status == 429 || status >= 500) {
            Duration backoff = backoff(attempt);
            if (attempt >= config.spApi().maxAttempts() || Instant.now().plus(backoff).isAfter(deadline)) {
                return Uni.createFrom().failure(status == 429 ? new SpApiException(503, operation.operationId(),
                        "Amazon's rate limit for " + operation.operationId() + " was still exceeded after "
                                + attempt + " attempts",
                        errors(response))
                        : new SpApiException(502, operation.operationId(), "Amazon's " + operation.operationId()
                                + " failed after " + attempt + " attempts (" + (status == NO_ANSWER
                                        ? "no answer: the connection failed or timed out"
                                        : "HTTP " + status) + ")", errors(response)));
            }
            LOG.debugf("SP-API %s answered %d; attempt %d again in %d ms", operation.operationId(), status,
                    attempt + 1, backoff.toMillis());
            return learned.onItem().delayIt().by(backoff).emitOn(ContextExecutor.current()).flatMap(ignored -> attempt(attempt + 1, renewed, token,
                    bucketKey, operation, tokens, request, type, deadline));
        }
        List<OrdersV0Models.Error> errors = errors(response);
        String amazonMessage = errors.isEmpty() ? "HTTP " + status
                : errors.get(0).code() + ": " + errors.get(0).message();
        return Uni.createFrom().failure(new SpApiException(status, operation.operationId(),
                "Amazon refused " + operation.operationId() + " (" + amazonMessage + ")", errors));
    }

    private Uni<Response> guarded(SpApiOperation operation, Supplier<Uni<Response>> attempt) {
        return switch (operation) {
            case GET_ORDERS -> breakers.getOrders(attempt);
            case GET_ORDER_ITEMS -> breakers.getOrderItems(attempt);
            case CREATE_REPORT -> breakers.createReport(attempt);
            case GET_REPORT -> breakers.getReport(attempt);
            case GET_REPORT_DOCUMENT -> breakers.getReportDocument(attempt);
            case CREATE_REPORT_SCHEDULE -> breakers.createReportSchedule(attempt);
            case GET_REPORT_SCHEDULES -> breakers.getReportSchedules(attempt);
            case CANCEL_REPORT_SCHEDULE -> breakers.cancelReportSchedule(attempt);
        };
    }

    /** Exponential with jitter: between half and all of base × 2^(attempt-1), capped, so retries spread out. */
    private Duration backoff(int attempt) {
        long base = config.spApi().backoffBase().toMillis();
        long ceiling = Math.min(config.spApi().backoffMax().toMillis(), base << Math.min(attempt - 1, 20));
        return Duration.ofMillis(ceiling / 2 + ThreadLocalRandom.current().nextLong(ceiling / 2 + 1));
    }

    private static double amazonRate(Response response) {
        String header = response.getHeaderString(RATE_LIMIT_HEADER);
        if (header == null || header.isBlank()) {
            return 0;
        }
        try {
            return Double.parseDouble(header.trim());
        } catch (NumberFormatException e) {
            return 0;
        }
    }

    private static List<OrdersV0Models.Error> errors(Response response) {
        if (response == null) {
            return List.of();
        }
        try {
            ErrorList body = response.readEntity(ErrorList.class);
            return body == null || body.errors() == null ? List.of() : body.errors();
        } catch (RuntimeException unreadable) {
            return List.of();
        }
    }

    private static SpApiException timeout(SpApiOperation operation) {
        return new SpApiException(504, operation.operationId(),
                "Amazon's " + operation.operationId() + " did not answer within the deadline", null);
    }
}
