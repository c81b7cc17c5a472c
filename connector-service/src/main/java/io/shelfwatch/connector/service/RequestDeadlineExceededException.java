package io.shelfwatch.connector.service;

import java.time.Duration;

import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;

/**
 * A request's work outlived `connector.request-deadline` and was stopped: doc B's "408: Upstream
 * timeout", in its `{"error": …}` shape like any other status this service answers.
 */
public class RequestDeadlineExceededException extends WebApplicationException {

    public RequestDeadlineExceededException(Duration deadline) {
        super("Amazon did not answer in time: the operation was stopped after " + deadline.toSeconds()
                + " s; try again later", Response.Status.REQUEST_TIMEOUT);
    }
}
