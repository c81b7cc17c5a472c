package io.shelfwatch.etl.extract;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

/** robots.txt as RFC 9309 reads it, for the `*` group the extractor belongs to. */
class RobotsRulesTest {

    private static final RobotsRules SHOP = RobotsRules.parse("""
            # we love robots
            User-agent: AdsBot-Google
            Disallow: /

            User-agent: Bingbot
            User-agent: *
            Disallow: /admin
            Disallow: /cart
            Disallow: /collections/*sort_by*
            Disallow: /*.atom$
            Allow: /admin/public
            Sitemap: https://shop.example/sitemap.xml
            """);

    @Test
    void theLongestMatchingRuleWins() {
        assertTrue(SHOP.allows("/products/rain-jacket"));
        assertTrue(SHOP.allows("/products.json?limit=250&page=1"));
        assertFalse(SHOP.allows("/admin/orders"));
        assertTrue(SHOP.allows("/admin/public/x"), "a longer Allow beats a shorter Disallow");
        assertFalse(SHOP.allows("/cart"));
    }

    @Test
    void wildcardsAndEndAnchorsMatchAsWritten() {
        assertFalse(SHOP.allows("/collections/all?sort_by=price"));
        assertTrue(SHOP.allows("/collections/all"));
        assertFalse(SHOP.allows("/blogs/news.atom"));
        assertTrue(SHOP.allows("/blogs/news.atom?page=2"));
    }

    @Test
    void anEmptyOrForeignFileAllowsEverything() {
        assertTrue(RobotsRules.parse("").allows("/anything"));
        assertTrue(RobotsRules.parse("User-agent: Googlebot\nDisallow: /\n").allows("/anything"));
        assertTrue(RobotsRules.parse("User-agent: *\nDisallow:\n").allows("/anything"));
    }
}
