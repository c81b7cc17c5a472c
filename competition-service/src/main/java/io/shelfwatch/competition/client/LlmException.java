package io.shelfwatch.competition.client;

/**
 * The LLM gave no usable analysis. The message says why in words fit for a report's record:
 * never the API key, never the model's raw answer.
 */
public class LlmException extends RuntimeException {

    public LlmException(String message) {
        super(message);
    }

    /** Worth another attempt: the endpoint could not be reached, timed out, was overloaded or failed (5xx, 429). */
    public static class Unavailable extends LlmException {

        public Unavailable(String message) {
            super(message);
        }
    }
}
