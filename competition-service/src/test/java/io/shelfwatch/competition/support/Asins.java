package io.shelfwatch.competition.support;

import java.util.concurrent.ThreadLocalRandom;

/** Fresh ASINs per test, so records left on the broker by earlier runs never match. */
public final class Asins {

    private Asins() {
    }

    public static String random() {
        String alphabet = "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder asin = new StringBuilder("B0");
        for (int i = 0; i < 8; i++) {
            asin.append(alphabet.charAt(ThreadLocalRandom.current().nextInt(alphabet.length())));
        }
        return asin.toString();
    }
}
