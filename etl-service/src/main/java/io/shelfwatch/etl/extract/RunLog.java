package io.shelfwatch.etl.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;

/** What one extraction job did, per target: kept in extract_fetch_log and summed up in the job's record. */
public final class RunLog {

    public static final String FETCHED = "fetched";
    public static final String FAILED = "failed";
    public static final String REFUSED = "refused";
    public static final String QUARANTINED = "quarantined";

    public record Entry(String target, String url, String outcome, String detail) {
    }

    private final UUID jobId;
    private final List<Entry> entries = Collections.synchronizedList(new ArrayList<>());

    public RunLog(UUID jobId) {
        this.jobId = jobId;
    }

    public UUID jobId() {
        return jobId;
    }

    public void add(String target, String url, String outcome, String detail) {
        entries.add(new Entry(target, url, outcome, detail));
    }

    public void failure(String target, String url, Throwable error) {
        if (error instanceof FetchException f) {
            add(target, url, f.refused() ? REFUSED : FAILED, f.getMessage());
        } else {
            add(target, url, FAILED, "unexpected error: " + error.getClass().getSimpleName());
        }
    }

    public List<Entry> entries() {
        synchronized (entries) {
            return List.copyOf(entries);
        }
    }

    public int count(String outcome) {
        return (int) entries().stream().filter(e -> e.outcome().equals(outcome)).count();
    }

    /** Failures, refusals and quarantined values in a few lines for the job's error_message; null when none. */
    public String summary(int max) {
        List<Entry> problems = entries().stream().filter(e -> !e.outcome().equals(FETCHED)).toList();
        if (problems.isEmpty()) {
            return null;
        }
        String text = problems.size() + " problem(s): " + problems.stream()
                .map(e -> e.outcome() + " " + (e.url() != null ? e.url() : e.target()) + ": " + e.detail())
                .collect(Collectors.joining("; "));
        return text.length() > max ? text.substring(0, max - 1) + "…" : text;
    }
}
