package io.shelfwatch.connector.rest;

/** The seven marketplaces doc B lists. */
public final class Marketplaces {

    /** US, CA, UK, DE, FR, IT, ES. */
    public static final String ID_PATTERN =
            "ATVPDKIKX0DER|A2EUQ1WTGCTBG2|A1F83G8C2ARO7P|A1PA6795UKMFR9|A13V1IB3VIYZZH|APJ6JRA9NG5V4|A1RKKUPIHCS9HS";

    private Marketplaces() {
    }
}
