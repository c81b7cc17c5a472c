package io.shelfwatch.etl.ingest;

import java.util.Locale;
import java.util.regex.Pattern;

import io.shelfwatch.etl.config.EtlConfig;
import jakarta.enterprise.context.ApplicationScoped;

/** A product's identity across services (DESIGN.md, Product identity). */
@ApplicationScoped
public class ProductKeys {

    public static final Pattern ASIN = Pattern.compile("[A-Z0-9]{10}");

    private final EtlConfig config;

    public ProductKeys(EtlConfig config) {
        this.config = config;
    }

    /** ASINs are trimmed and upper-cased before they are validated. */
    public static String normalizeAsin(String asin) {
        return asin == null ? null : asin.trim().toUpperCase(Locale.ROOT);
    }

    /** `asin:{ASIN}` in the default marketplace, `asin:{marketplace}:{ASIN}` in any other. */
    public String forAsin(String normalizedAsin, String marketplaceId) {
        if (marketplaceId == null || marketplaceId.equals(config.defaultMarketplace())) {
            return "asin:" + normalizedAsin;
        }
        return "asin:" + marketplaceId + ":" + normalizedAsin;
    }
}
