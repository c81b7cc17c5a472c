package io.shelfwatch.etl.extract;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

import org.jboss.logging.Logger;

/** What one extraction job did, per target: kept in extract_fetch_log and summed up in the job's record. */
public final class RunLog {

    public static final String FETCHED = "fetched";
    public static final String FAILED = "failed";
    public static final String REFUSED = "refused";
    public static final String QUARANTINED = "quarantined";

    public record Entry(String target, String url, String outcome, String detail) {
    }

    private static final Logger LOG = Logger.getLogger(RunLog.class);
    private static final Map<String, String> IN_WORDS = Map.of(
            FAILED, "could not be fetched or read",
            REFUSED, "refused (not an address the fetcher may reach)",
            QUARANTINED, "held back an implausible price");

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
            // A bug, not a page's problem: the stack trace is for the service log, not for the job's record.
            LOG.warnf(error, "product_sync %s: %s failed unexpectedly", jobId, url != null ? url : target);
            add(target, url, FAILED, "unexpected internal error");
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

    /**
     * Failures, refusals and quarantined values counted in plain words for the job's error_message; null
     * when none. Any signed-in user reads job records, so they name no URL (the targets are other users'
     * tracked pages and stores) and no exception: each target's detail goes to the service log and to
     * the job's fetch log, which only admins read.
     */
    public String summary() {
        List<Entry> problems = entries().stream().filter(e -> !e.outcome().equals(FETCHED)).toList();
        if (problems.isEmpty()) {
            return null;
        }
        problems.forEach(e -> LOG.infof("product_sync %s: %s %s: %s", jobId, e.outcome(),
                e.url() != null ? e.url() : e.target(), e.detail()));
        Map<String, Long> byOutcome = problems.stream()
                .collect(Collectors.groupingBy(Entry::outcome, TreeMap::new, Collectors.counting()));
        return problems.size() + " problem(s): " + byOutcome.entrySet().stream()
                .map(e -> e.getValue() + " " + IN_WORDS.getOrDefault(e.getKey(), e.getKey()))
                .collect(Collectors.joining(", ")) + " (per-target details: the job's fetch log, for admins)";
    }
}
