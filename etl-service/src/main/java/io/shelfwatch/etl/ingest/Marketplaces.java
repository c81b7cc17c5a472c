package io.shelfwatch.etl.ingest;

import java.util.Map;
import java.util.Optional;

/** Amazon's marketplaces by id, with their sites (Selling Partner API, "Marketplace IDs"). */
public final class Marketplaces {

    private static final Map<String, String> SITES = Map.ofEntries(
            Map.entry("ATVPDKIKX0DER", "https://www.amazon.com"), Map.entry("A2EUQ1WTGCTBG2", "https://www.amazon.ca"),
            Map.entry("A1AM78C64UM0Y8", "https://www.amazon.com.mx"), Map.entry("A2Q3Y263D00KWC", "https://www.amazon.com.br"),
            Map.entry("A1F83G8C2ARO7P", "https://www.amazon.co.uk"), Map.entry("A1PA6795UKMFR9", "https://www.amazon.de"),
            Map.entry("A13V1IB3VIYZZH", "https://www.amazon.fr"), Map.entry("APJ6JRA9NGTCU", "https://www.amazon.it"),
            Map.entry("A1RKKUPIHCS9HS", "https://www.amazon.es"), Map.entry("A1805IZSGTT6HS", "https://www.amazon.nl"),
            Map.entry("A2NODRKZP88ZB9", "https://www.amazon.se"), Map.entry("A1C3SOZRARQ6R3", "https://www.amazon.pl"),
            Map.entry("AMEN7PMS3EDWL", "https://www.amazon.com.be"), Map.entry("A33AVAJ2PDY3EV", "https://www.amazon.com.tr"),
            Map.entry("A2VIGQ35RCS4UG", "https://www.amazon.ae"), Map.entry("A17E79C6D8DWNP", "https://www.amazon.sa"),
            Map.entry("ARBP9OOSHTCHU", "https://www.amazon.eg"), Map.entry("A21TJRUUN4KGV", "https://www.amazon.in"),
            Map.entry("A1VC38T7YXB528", "https://www.amazon.co.jp"), Map.entry("A39IBJ37TRP1C6", "https://www.amazon.com.au"),
            Map.entry("A19VAU5U5O7RUS", "https://www.amazon.sg"));

    private Marketplaces() {
    }

    public static boolean isKnown(String marketplaceId) {
        return SITES.containsKey(marketplaceId);
    }

    /** The marketplace's Amazon site, e.g. https://www.amazon.co.uk. */
    public static Optional<String> siteOf(String marketplaceId) {
        return Optional.ofNullable(SITES.get(marketplaceId));
    }
}
