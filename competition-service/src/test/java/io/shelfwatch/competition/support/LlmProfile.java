package io.shelfwatch.competition.support;

import java.util.List;
import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The service with an LLM configured (WireMock), short timeouts and short pauses between retries. */
public class LlmProfile implements QuarkusTestProfile {

    private static final String ANALYSE = "quarkus.fault-tolerance.\"io.shelfwatch.competition.client.LlmAnalyst/analyse\"";

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("competition.llm.read-timeout", "1500ms",
                ANALYSE + ".retry.delay", "100",
                ANALYSE + ".retry.delay-unit", "millis",
                ANALYSE + ".retry.jitter", "0");
    }

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(LlmMock.class));
    }
}
