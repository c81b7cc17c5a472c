package io.shelfwatch.connector.rest;

import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The seven marketplaces doc B lists, by id and by country code. */
public final class Marketplaces {

    /** US, CA, UK, DE, FR, IT, ES. */
    public static final String ID_PATTERN =
            "ATVPDKIKX0DER|A2EUQ1WTGCTBG2|A1F83G8C2ARO7P|A1PA6795UKMFR9|A13V1IB3VIYZZH|APJ6JRA9NG5V4|A1RKKUPIHCS9HS";

    /** Country code → marketplace id, in doc B's order. */
    public static final Map<String, String> BY_CODE;

    /** The codes doc B's inventory endpoints accept, and their default. */
    public static final List<String> INVENTORY_CODES = List.of("IT", "DE", "UK");

    static {
        Map<String, String> codes = new LinkedHashMap<>();
        codes.put("US", "ATVPDKIKX0DER");
        codes.put("CA", "A2EUQ1WTGCTBG2");
        codes.put("UK", "A1F83G8C2ARO7P");
        codes.put("DE", "A1PA6795UKMFR9");
        codes.put("FR", "A13V1IB3VIYZZH");
        codes.put("IT", "APJ6JRA9NG5V4");
        codes.put("ES", "A1RKKUPIHCS9HS");
        BY_CODE = java.util.Collections.unmodifiableMap(codes);
    }

    private Marketplaces() {
    }

    public static Optional<String> codeOf(String marketplaceId) {
        return BY_CODE.entrySet().stream().filter(e -> e.getValue().equals(marketplaceId)).map(Map.Entry::getKey)
                .findFirst();
    }

    /** A code (`IT`) or an id (`APJ6JRA9NG5V4`) of the seven → the id. */
    public static Optional<String> idOf(String codeOrId) {
        if (codeOrId == null) {
            return Optional.empty();
        }
        String text = codeOrId.trim().toUpperCase(java.util.Locale.ROOT);
        if ("GB".equals(text)) {
            text = "UK";
        }
        if (BY_CODE.containsKey(text)) {
            return Optional.of(BY_CODE.get(text));
        }
        return BY_CODE.containsValue(text) ? Optional.of(text) : Optional.empty();
    }

    /** The marketplace's own time zone, in which its days (dates of reports and orders) are read. */
    public static ZoneId zoneOf(String marketplaceId) {
        return switch (marketplaceId) {
            case "A1F83G8C2ARO7P" -> ZoneId.of("Europe/London");
            case "ATVPDKIKX0DER" -> ZoneId.of("America/Los_Angeles");
            case "A2EUQ1WTGCTBG2" -> ZoneId.of("America/Toronto");
            default -> ZoneId.of("Europe/Paris");
        };
    }
}
