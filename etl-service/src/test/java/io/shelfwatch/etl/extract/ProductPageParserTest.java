package io.shelfwatch.etl.extract;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Map;

import org.junit.jupiter.api.Test;

/** The parsers, in their fixed order, on pages shaped like the real ones. */
class ProductPageParserTest {

    @Test
    void jsonLdComesFirstAndEveryFieldSaysWhereItCameFrom() {
        ParsedProduct p = ProductPageParser.parse(Pages.jsonLd("Trail Tent 2P", "249.00", "USD", "InStock"),
                URI.create("https://acme.example/p/tent"));
        assertEquals("Trail Tent 2P", p.get(ParsedProduct.TITLE), "JSON-LD wins over og:title");
        assertEquals(0, new BigDecimal("249.00").compareTo(p.price()), "JSON-LD's offer, not product:price:amount");
        assertEquals("USD", p.get(ParsedProduct.CURRENCY));
        assertEquals("in_stock", p.get(ParsedProduct.AVAILABILITY));
        assertEquals("Acme", p.get(ParsedProduct.BRAND));
        assertEquals(new BigDecimal("4.6"), p.get(ParsedProduct.RATING));
        assertEquals(1284, p.get(ParsedProduct.REVIEWS_COUNT));
        assertEquals("https://cdn.acme.example/img/tent.jpg", p.get(ParsedProduct.IMAGE_URL));
        assertEquals("json-ld", p.sourceOf(ParsedProduct.PRICE));
        assertEquals("json-ld", p.sourceOf(ParsedProduct.TITLE));
    }

    @Test
    void openGraphFillsWhatTheOthersLeftEmpty() {
        ParsedProduct p = ProductPageParser.parse(Pages.openGraphOnly("Glass Kettle", "34.50"),
                URI.create("https://kettles.example/item/glass"));
        assertEquals("Glass Kettle", p.get(ParsedProduct.TITLE));
        assertEquals(0, new BigDecimal("34.50").compareTo(p.price()));
        assertEquals("GBP", p.get(ParsedProduct.CURRENCY));
        assertEquals("out_of_stock", p.get(ParsedProduct.AVAILABILITY));
        assertEquals(Map.of("title", "opengraph", "image_url", "opengraph", "price", "opengraph",
                "currency", "opengraph", "availability", "opengraph"), p.sources());
    }

    @Test
    void amazonMarkupGivesRankRatingReviewsAndTheAsinFromTheUrl() {
        ParsedProduct p = ProductPageParser.parse(Pages.amazon("B08N5WRWNW", "Echo Dot (4th Gen) Smart speaker", "49.99"),
                URI.create("https://www.amazon.com/Echo-Dot/dp/B08N5WRWNW/ref=sr_1_1?keywords=echo"));
        assertEquals("B08N5WRWNW", p.asin());
        assertEquals("url", p.sourceOf(ParsedProduct.ASIN), "the URL is read before the page");
        assertEquals("Echo Dot (4th Gen) Smart speaker", p.get(ParsedProduct.TITLE));
        assertEquals(0, new BigDecimal("49.99").compareTo(p.price()));
        assertEquals("USD", p.get(ParsedProduct.CURRENCY));
        assertEquals(new BigDecimal("4.4"), p.get(ParsedProduct.RATING));
        assertEquals(12345, p.get(ParsedProduct.REVIEWS_COUNT));
        assertEquals(1234, p.get(ParsedProduct.BSR));
        assertEquals("Electronics", p.get(ParsedProduct.CATEGORY));
        assertEquals("in_stock", p.get(ParsedProduct.AVAILABILITY));
        assertEquals("Acme", p.get(ParsedProduct.BRAND));
        assertEquals("https://m.media-amazon.com/images/I/61abc.jpg", p.get(ParsedProduct.IMAGE_URL));
        assertEquals("amazon", p.sourceOf(ParsedProduct.BSR));
    }

    @Test
    void theAsinComesFromThePageWhenTheUrlHasNone() {
        ParsedProduct p = ProductPageParser.parse(Pages.amazon("B0C1234XYZ", "Desk Lamp", "19.99"),
                URI.create("https://www.amazon.co.uk/some-short-link"));
        assertEquals("B0C1234XYZ", p.asin());
        assertEquals("amazon", p.sourceOf(ParsedProduct.ASIN));
        assertEquals("GBP", p.get(ParsedProduct.CURRENCY), "a $-less price on amazon.co.uk is in pounds");
    }

    @Test
    void aPageWithoutProductDataGivesNothing() {
        ParsedProduct p = ProductPageParser.parse("<html><head><title>Robot Check</title></head><body>"
                + "<form action=\"/errors/validateCaptcha\"></form></body></html>", URI.create("https://www.amazon.com/dp/B08N5WRWNW"));
        assertFalse(!p.isEmpty(), "a captcha page is not a product");
        assertNull(p.price());
    }

    @Test
    void pricesAreReadAsTheyAreWritten() {
        assertEquals(new BigDecimal("1299.99"), Values.amount("$1,299.99"));
        assertEquals(new BigDecimal("1299.99"), Values.amount("1.299,99 €"));
        assertEquals(new BigDecimal("12.99"), Values.amount("12,99"));
        assertEquals("EUR", Values.currencyOfSymbol("12,99 €"));
        assertEquals("CAD", Values.currencyOfSymbol("CA$12.99"));
    }
}
