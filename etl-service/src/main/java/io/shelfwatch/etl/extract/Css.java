package io.shelfwatch.etl.extract;

import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

import org.jsoup.select.Evaluator;
import org.jsoup.select.QueryParser;

/** CSS queries parsed once: parsing a query costs more than running it on a product page. */
final class Css {

    private static final Map<String, Evaluator> QUERIES = new ConcurrentHashMap<>();

    private Css() {
    }

    static Evaluator q(String css) {
        return QUERIES.computeIfAbsent(css, QueryParser::parse);
    }
}
