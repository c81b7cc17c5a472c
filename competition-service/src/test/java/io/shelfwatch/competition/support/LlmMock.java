package io.shelfwatch.competition.support;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.containing;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.client.MappingBuilder;
import com.github.tomakehurst.wiremock.client.ResponseDefinitionBuilder;
import com.github.tomakehurst.wiremock.verification.LoggedRequest;

import io.quarkus.test.common.QuarkusTestResourceLifecycleManager;

/**
 * WireMock imitating an OpenAI-compatible chat-completions API (`POST /v1/chat/completions`,
 * shaped as OpenAI's API reference shows: a `chat.completion` object, errors as
 * `{"error":{message,type,param,code}}`). Tests tell their calls apart by the main ASIN in the
 * prompt, so they never reset each other.
 */
public class LlmMock implements QuarkusTestResourceLifecycleManager {

    public static final String PATH = "/v1/chat/completions";
    public static final String API_KEY = "sk-test-0123456789abcdef";
    public static final String ANSWERING_MODEL = "gpt-4o-mini-2024-07-18";

    private static final ObjectMapper JSON = new ObjectMapper();
    private static WireMockServer server;

    @Override
    public Map<String, String> start() {
        server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
        server.start();
        return Map.of("competition.llm.base-url", "http://127.0.0.1:" + server.port() + "/v1",
                "competition.llm.api-key", API_KEY);
    }

    @Override
    public void stop() {
        if (server != null) {
            server.stop();
        }
    }

    /** Calls whose prompt is about this main ASIN. */
    public static MappingBuilder callAbout(String asinMain) {
        return post(urlPathEqualTo(PATH)).withRequestBody(containing(asinMain));
    }

    public static void stub(MappingBuilder call, ResponseDefinitionBuilder answer) {
        server.stubFor(call.willReturn(answer));
    }

    public static List<LoggedRequest> callsAbout(String asinMain) {
        return server.findAll(postRequestedFor(urlPathEqualTo(PATH)).withRequestBody(containing(asinMain)));
    }

    /** A `chat.completion` whose assistant message is the given content. */
    public static ResponseDefinitionBuilder completion(String content) {
        try {
            String body = """
                    {"id":"chatcmpl-B9MBs8CjcvOU2jLn4n570S5qMJKcT","object":"chat.completion","created":1741569952,
                     "model":"%s",
                     "choices":[{"index":0,"message":{"role":"assistant","content":%s,"refusal":null,"annotations":[]},
                                 "logprobs":null,"finish_reason":"stop"}],
                     "usage":{"prompt_tokens":512,"completion_tokens":180,"total_tokens":692,
                              "prompt_tokens_details":{"cached_tokens":0,"audio_tokens":0},
                              "completion_tokens_details":{"reasoning_tokens":0,"audio_tokens":0,
                                "accepted_prediction_tokens":0,"rejected_prediction_tokens":0}},
                     "service_tier":"default","system_fingerprint":"fp_06737a9306"}
                    """.formatted(ANSWERING_MODEL, JSON.writeValueAsString(content));
            return aResponse().withStatus(200).withHeader("Content-Type", "application/json").withBody(body);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    /** OpenAI's error object with the given status. */
    public static ResponseDefinitionBuilder error(int status, String type, String message) {
        return aResponse().withStatus(status).withHeader("Content-Type", "application/json")
                .withBody("{\"error\":{\"message\":\"" + message + "\",\"type\":\"" + type
                        + "\",\"param\":null,\"code\":null}}");
    }

    /** A well-formed analysis, as a model asked for JSON answers. */
    public static String analysisJson(String summary) {
        return """
                {"executive_summary":"%s",
                 "price_position":{"assessment":"premium","details":"7.5%% above the competitor."},
                 "market_position":{"assessment":"competitive","details":"Ranks better, fewer reviews."},
                 "advantages":["Better Best Sellers Rank"],
                 "recommendations":["Test a price closer to the competitor's."],
                 "confidence":0.8}
                """.formatted(summary);
    }
}
