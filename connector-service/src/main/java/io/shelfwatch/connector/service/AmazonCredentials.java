package io.shelfwatch.connector.service;

/** What Login with Amazon needs for the refresh-token grant; {@link #toString()} never shows a secret. */
public record AmazonCredentials(String clientId, String clientSecret, String refreshToken) {

    @Override
    public String toString() {
        return "AmazonCredentials[clientId=" + clientId + ", clientSecret=***, refreshToken=***]";
    }
}
