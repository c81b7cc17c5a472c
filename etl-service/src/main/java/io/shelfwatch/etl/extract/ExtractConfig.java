package io.shelfwatch.etl.extract;

import java.time.Duration;
import java.util.List;
import java.util.Optional;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;

/** How the extractor fetches pages and stores; each setting has a default for the one-machine run. */
@ConfigMapping(prefix = "etl.extract")
public interface ExtractConfig {

    /** Sent with every request: sites answer a browser differently from an unnamed client (SCRAPER_USER_AGENT). */
    @WithDefault("Mozilla/5.0 (Windows NT 10.0; Win64; x64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/131.0.0.0 Safari/537.36")
    String userAgent();

    /** Hosts that may resolve to private or loopback addresses, `*.name` for a whole domain (SCRAPER_ALLOWED_PRIVATE_HOSTS); none by default. */
    Optional<List<String>> allowedPrivateHosts();

    /** How long to wait for a TCP/TLS connection. */
    @WithDefault("5s")
    Duration connectTimeout();

    /** How long one request may take from sending to the last byte. */
    @WithDefault("20s")
    Duration totalTimeout();

    /** Largest response body read; a larger page is refused, not truncated. */
    @WithDefault("5242880")
    long maxResponseBytes();

    /** Whether a site's robots.txt (`User-agent: *`) may forbid a page; off only for sites that agreed otherwise. */
    @WithDefault("true")
    boolean respectRobotsTxt();

    /** Most redirects followed for one fetch. */
    @WithDefault("5")
    int maxRedirects();

    /** Further attempts after a 429, a 5xx or a connection error. */
    @WithDefault("2")
    int retries();

    /** First wait before a retry; it doubles up to {@link #retryMaxBackoff()}. */
    @WithDefault("1s")
    Duration retryBackoff();

    /** Longest wait between two attempts. */
    @WithDefault("15s")
    Duration retryMaxBackoff();

    /** Requests in flight at once to one host. */
    @WithDefault("1")
    int perHostConcurrency();

    /** Least time between the starts of two requests to one host. */
    @WithDefault("2s")
    Duration perHostDelay();

    /** Targets fetched at once in one run (each still subject to its host's limits). */
    @WithDefault("8")
    int concurrency();

    /** How often the scheduler looks for due targets (bounds "at once" after a target is first tracked). */
    @WithDefault("15s")
    Duration tick();

    /** Most targets one scheduler tick starts. */
    @WithDefault("200")
    int batchSize();

    /** Cadence of the plans' scan_frequency values. */
    Cadence cadence();

    /** Where ASIN-only products are fetched; unset: the marketplace's own Amazon site. */
    Optional<String> amazonBaseUrl();

    /** Products asked for per `/products.json` page (Shopify answers at most 250). */
    @WithDefault("250")
    int shopifyPageSize();

    /** Most `/products.json` pages read in one Shopify scan (250 products each). */
    @WithDefault("40")
    int storeMaxPages();

    /** Most product pages fetched in one scan of a non-Shopify store. */
    @WithDefault("100")
    int storeMaxProductPages();

    /** Days a job's per-target fetch record is kept (GET /v1/etl/extract/jobs/{job_id}). */
    @WithDefault("30")
    int fetchLogDays();

    /** A price this many times above or below the last one is held until the next fetch confirms it. */
    @WithDefault("100")
    double implausibleFactor();

    interface Cadence {
        /** enterprise plans. */
        @WithDefault("1h")
        Duration hourly();

        /** pro plans. */
        @WithDefault("24h")
        Duration daily();

        /** free plans, and trackers whose account has not arrived yet. */
        @WithDefault("7d")
        Duration weekly();
    }
}
