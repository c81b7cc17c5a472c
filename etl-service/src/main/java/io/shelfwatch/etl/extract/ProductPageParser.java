package io.shelfwatch.etl.extract;

import java.net.URI;
import java.util.List;

import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;

/**
 * Reads a product page with every parser in a fixed order — schema.org JSON-LD, then Amazon's
 * markup, then OpenGraph — each filling only the fields the ones before it left empty.
 */
public final class ProductPageParser {

    public static final List<PageParser> ORDER = List.of(new JsonLdParser(), new AmazonParser(), new OpenGraphParser());

    private ProductPageParser() {
    }

    public static ParsedProduct parse(String html, URI url) {
        Document page = Jsoup.parse(html, url == null ? "" : url.toString());
        return parse(page, url);
    }

    public static ParsedProduct parse(Document page, URI url) {
        ParsedProduct product = new ParsedProduct();
        for (PageParser parser : ORDER) {
            parser.parse(page, url, product);
        }
        return product;
    }
}
