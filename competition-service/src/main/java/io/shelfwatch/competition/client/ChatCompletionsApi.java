package io.shelfwatch.competition.client;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;

import io.smallrye.mutiny.Uni;
import jakarta.ws.rs.Consumes;
import jakarta.ws.rs.HeaderParam;
import jakarta.ws.rs.POST;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;

/**
 * An OpenAI-compatible chat-completions endpoint (`POST {base}/chat/completions`, OpenAI's API
 * reference): the request and answer fields this service uses. Built by {@link LlmAnalyst} only
 * when `LLM_BASE_URL` is set.
 */
@Path("/chat/completions")
interface ChatCompletionsApi {

    @JsonInclude(JsonInclude.Include.NON_NULL)
    record Message(@JsonProperty("role") String role, @JsonProperty("content") String content) {
    }

    /** `{"type": "json_object"}`: the model must answer with one JSON object. */
    record ResponseFormat(@JsonProperty("type") String type) {
    }

    record ChatRequest(
            @JsonProperty("model") String model,
            @JsonProperty("messages") List<Message> messages,
            @JsonProperty("temperature") double temperature,
            @JsonProperty("response_format") ResponseFormat responseFormat) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record AnswerMessage(
            @JsonProperty("role") String role,
            @JsonProperty("content") String content,
            @JsonProperty("refusal") String refusal) {
    }

    @JsonIgnoreProperties(ignoreUnknown = true)
    record Choice(
            @JsonProperty("index") int index,
            @JsonProperty("message") AnswerMessage message,
            @JsonProperty("finish_reason") String finishReason) {
    }

    /** The `chat.completion` object; `model` is the model that actually answered. */
    @JsonIgnoreProperties(ignoreUnknown = true)
    record ChatCompletion(
            @JsonProperty("id") String id,
            @JsonProperty("model") String model,
            @JsonProperty("choices") List<Choice> choices) {
    }

    /** `authorization` is `Bearer <LLM_API_KEY>`, or null (no header) for endpoints without keys. */
    @POST
    @Consumes(MediaType.APPLICATION_JSON)
    @Produces(MediaType.APPLICATION_JSON)
    Uni<ChatCompletion> create(@HeaderParam("Authorization") String authorization, ChatRequest request);
}
