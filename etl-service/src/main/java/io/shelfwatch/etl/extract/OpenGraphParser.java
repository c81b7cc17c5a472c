package io.shelfwatch.etl.extract;

import java.net.URI;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/** OpenGraph and its product extension: og:title, og:image, product:price:amount / currency, availability. */
public class OpenGraphParser implements PageParser {

    public static final String NAME = "opengraph";

    @Override
    public String name() {
        return NAME;
    }

    @Override
    public void parse(Document page, URI url, ParsedProduct into) {
        into.offer(ParsedProduct.TITLE, meta(page, "og:title"), NAME);
        String image = meta(page, "og:image:secure_url", "og:image");
        into.offer(ParsedProduct.IMAGE_URL, image != null && image.matches("https?://\\S+") ? image : null, NAME);
        into.offer(ParsedProduct.BRAND, meta(page, "product:brand", "og:brand"), NAME);
        into.offer(ParsedProduct.PRICE, Values.amount(meta(page, "product:price:amount", "og:price:amount",
                "product:sale_price:amount")), NAME);
        into.offer(ParsedProduct.CURRENCY, meta(page, "product:price:currency", "og:price:currency",
                "product:sale_price:currency"), NAME);
        into.offer(ParsedProduct.AVAILABILITY, Values.availability(meta(page, "product:availability",
                "og:availability")), NAME);
        into.offer(ParsedProduct.SKU, meta(page, "product:retailer_item_id"), NAME);
    }

    private static String meta(Document page, String... properties) {
        for (String property : properties) {
            for (Element tag : page.getElementsByTag("meta")) {
                // Sites write property= (the OpenGraph spec) or name= (common in practice).
                boolean named = property.equalsIgnoreCase(tag.attr("property")) || property.equalsIgnoreCase(tag.attr("name"));
                if (named && !tag.attr("content").isBlank()) {
                    return tag.attr("content").strip();
                }
            }
        }
        return null;
    }
}
