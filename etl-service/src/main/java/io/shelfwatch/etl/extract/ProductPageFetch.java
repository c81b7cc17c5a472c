package io.shelfwatch.etl.extract;

import java.util.Locale;

import io.shelfwatch.etl.config.EtlConfig;
import io.shelfwatch.etl.ingest.Marketplaces;
import io.shelfwatch.etl.extract.ObservationPublisher.Subject;
import io.shelfwatch.etl.extract.TrackedTargets.ProductTarget;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/** One tracked product page: fetch, parse, publish; the outcome goes into the job's log. */
@ApplicationScoped
public class ProductPageFetch {

    static final String HTML = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    private final PageFetcher fetcher;
    private final ObservationPublisher observations;
    private final ExtractConfig config;
    private final EtlConfig etlConfig;

    public ProductPageFetch(PageFetcher fetcher, ObservationPublisher observations, ExtractConfig config,
            EtlConfig etlConfig) {
        this.fetcher = fetcher;
        this.observations = observations;
        this.config = config;
        this.etlConfig = etlConfig;
    }

    public Uni<Void> fetch(RunLog log, ProductTarget target) {
        String url = pageUrl(target);
        if (url == null) {
            log.add(target.productKey(), null, RunLog.FAILED, "no URL or ASIN to fetch");
            return Uni.createFrom().voidItem();
        }
        return fetcher.fetch(url, HTML)
                .flatMap(page -> {
                    ParsedProduct parsed = ProductPageParser.parse(page.body(), page.url());
                    if (parsed.isEmpty()) {
                        throw new FetchException(FetchException.Kind.FAILED,
                                "no product data on the page (not a product page, or a captcha)");
                    }
                    String asin = target.asin() != null ? target.asin() : parsed.asin();
                    Subject subject = new Subject(target.productKey(), asin, url, null, ObservationPublisher.SCRAPER);
                    return observations.snapshot(log, subject, parsed, page.url().toString())
                            .invoke(() -> log.add(target.productKey(), url, RunLog.FETCHED,
                                    "fields: " + String.join(", ", parsed.values().keySet())));
                })
                .replaceWithVoid()
                .onFailure().recoverWithItem(e -> {
                    log.failure(target.productKey(), url, e);
                    return null;
                });
    }

    /** The tracked URL, else the ASIN's page on its marketplace's Amazon site. */
    String pageUrl(ProductTarget target) {
        if (target.url() != null) {
            return target.url();
        }
        if (target.asin() == null) {
            return null;
        }
        String key = target.productKey();
        String marketplace = key.startsWith("asin:") && key.split(":").length == 3 ? key.split(":")[1]
                : etlConfig.defaultMarketplace();
        String site = config.amazonBaseUrl().orElse(Marketplaces.siteOf(marketplace.toUpperCase(Locale.ROOT))
                .orElse("https://www.amazon.com"));
        return site.replaceAll("/+$", "") + "/dp/" + target.asin();
    }
}
