package io.shelfwatch.competition.client;

import java.net.URI;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import org.eclipse.microprofile.faulttolerance.CircuitBreaker;
import org.eclipse.microprofile.faulttolerance.Retry;
import org.eclipse.microprofile.faulttolerance.Timeout;
import org.eclipse.microprofile.faulttolerance.exceptions.CircuitBreakerOpenException;
import org.eclipse.microprofile.faulttolerance.exceptions.TimeoutException;

import com.fasterxml.jackson.databind.ObjectMapper;

import io.quarkus.rest.client.reactive.QuarkusRestClientBuilder;
import io.shelfwatch.competition.Analysis;
import io.shelfwatch.competition.client.ChatCompletionsApi.ChatCompletion;
import io.shelfwatch.competition.client.ChatCompletionsApi.ChatRequest;
import io.shelfwatch.competition.client.ChatCompletionsApi.Message;
import io.shelfwatch.competition.client.ChatCompletionsApi.ResponseFormat;
import io.shelfwatch.competition.config.CompetitionConfig;
import io.smallrye.faulttolerance.api.CircuitBreakerName;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Validator;
import jakarta.ws.rs.WebApplicationException;

/**
 * Asks the configured OpenAI-compatible LLM for a report's analysis and validates what it
 * answers. Owns the endpoint's timeouts, retries and circuit breaker; every failure leaves as an
 * {@link LlmException} (the caller then falls back to the built-in analyst).
 */
@ApplicationScoped
public class LlmAnalyst {

    /** The circuit breaker's name, for tests and operators resetting it. */
    public static final String BREAKER = "llm";

    /** What the LLM wrote, once validated, and the model that wrote it. */
    public record Answer(Analysis analysis, String model) {
    }

    private final CompetitionConfig.Llm config;
    private final ObjectMapper json;
    private final Validator validator;
    private final ChatCompletionsApi api;

    public LlmAnalyst(CompetitionConfig config, ObjectMapper json, Validator validator) {
        this.config = config.llm();
        this.json = json;
        this.validator = validator;
        this.api = this.config.baseUrl().map(this::client).orElse(null);
    }

    private ChatCompletionsApi client(URI baseUrl) {
        // `https://api.openai.com/v1/` and `…/v1` are the same base; the interface adds `/chat/completions`.
        String base = baseUrl.toString().replaceAll("/+$", "");
        return QuarkusRestClientBuilder.newBuilder()
                .baseUri(URI.create(base))
                .connectTimeout(config.connectTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .readTimeout(config.readTimeout().toMillis(), TimeUnit.MILLISECONDS)
                .build(ChatCompletionsApi.class);
    }

    /** True when `LLM_BASE_URL` is set; otherwise the built-in analyst writes every report. */
    public boolean configured() {
        return api != null;
    }

    /** The model asked, as configured (the answer names the model that actually answered). */
    public String model() {
        return config.model();
    }

    /**
     * One analysis. Unavailable endpoints are retried with a growing pause; repeated failures
     * open the breaker, so a dead endpoint costs reports nothing but the fallback.
     */
    @Timeout(value = 120, unit = ChronoUnit.SECONDS)
    @Retry(maxRetries = 2, delay = 1, delayUnit = ChronoUnit.SECONDS, jitter = 200,
            retryOn = LlmException.Unavailable.class, abortOn = CircuitBreakerOpenException.class)
    @CircuitBreaker(requestVolumeThreshold = 6, failureRatio = 0.8, delay = 60, delayUnit = ChronoUnit.SECONDS,
            failOn = { LlmException.Unavailable.class, TimeoutException.class })
    @CircuitBreakerName(BREAKER)
    public Uni<Answer> analyse(String system, String user) {
        if (api == null) {
            return Uni.createFrom().failure(new LlmException("no LLM is configured"));
        }
        ChatRequest request = new ChatRequest(config.model(),
                List.of(new Message("system", system), new Message("user", user)), 0.2,
                new ResponseFormat("json_object"));
        String authorization = config.apiKey().filter(k -> !k.isBlank()).map(k -> "Bearer " + k).orElse(null);
        return api.create(authorization, request)
                .onFailure().transform(LlmAnalyst::describe)
                .map(this::read);
    }

    private Answer read(ChatCompletion completion) {
        if (completion == null || completion.choices() == null || completion.choices().isEmpty()
                || completion.choices().get(0).message() == null) {
            throw new LlmException("the LLM answered without a message");
        }
        var choice = completion.choices().get(0);
        if (choice.message().refusal() != null && !choice.message().refusal().isBlank()) {
            throw new LlmException("the LLM refused to write the analysis");
        }
        if ("length".equals(choice.finishReason())) {
            throw new LlmException("the LLM's answer was cut off (finish_reason length)");
        }
        String content = Optional.ofNullable(choice.message().content()).map(String::strip).orElse("");
        Analysis analysis;
        try {
            analysis = json.readValue(withoutCodeFence(content), Analysis.class);
        } catch (Exception e) {
            throw new LlmException("the LLM's answer is not the analysis JSON object");
        }
        Set<ConstraintViolation<Analysis>> violations = validator.validate(analysis);
        if (!violations.isEmpty()) {
            throw new LlmException("the LLM's analysis is invalid: " + violations.stream()
                    .map(v -> v.getPropertyPath() + " " + v.getMessage()).sorted().collect(Collectors.joining("; ")));
        }
        String model = completion.model() == null || completion.model().isBlank() ? config.model() : completion.model();
        return new Answer(analysis, model);
    }

    /** Some models wrap JSON in a Markdown fence even when asked not to. */
    private static String withoutCodeFence(String content) {
        if (content.startsWith("```")) {
            int start = content.indexOf('\n');
            int end = content.lastIndexOf("```");
            if (start > 0 && end > start) {
                return content.substring(start + 1, end).strip();
            }
        }
        return content;
    }

    /** Failures in words: the status, never a body that might echo the key. */
    private static Throwable describe(Throwable failure) {
        if (failure instanceof LlmException) {
            return failure;
        }
        if (failure instanceof WebApplicationException http) {
            int status = http.getResponse().getStatus();
            String message = "the LLM endpoint answered HTTP " + status;
            return status == 429 || status == 408 || status >= 500 ? new LlmException.Unavailable(message)
                    : new LlmException(message);
        }
        if (failure instanceof com.fasterxml.jackson.core.JsonProcessingException
                || failure.getCause() instanceof com.fasterxml.jackson.core.JsonProcessingException) {
            return new LlmException("the LLM endpoint's answer is not a chat completion");
        }
        return new LlmException.Unavailable("the LLM endpoint could not be reached or did not answer in time ("
                + failure.getClass().getSimpleName() + ")");
    }
}
