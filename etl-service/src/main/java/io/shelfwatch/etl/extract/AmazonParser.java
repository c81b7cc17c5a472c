package io.shelfwatch.etl.extract;

import java.math.BigDecimal;
import java.net.URI;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Amazon's product-page markup: title, price, rating, review count, Best Sellers Rank,
 * availability, brand, image, and the ASIN (from the URL, else from the page).
 */
public class AmazonParser implements PageParser {

    public static final String NAME = "amazon";

    private static final Pattern ASIN_IN_URL = Pattern.compile(
            "/(?:dp|gp/product|gp/aw/d|exec/obidos/ASIN|o/ASIN|product-reviews)/([A-Z0-9]{10})(?:[/?#]|$)",
            Pattern.CASE_INSENSITIVE);
    private static final Pattern STORE_BYLINE = Pattern.compile("^Visit the (.+?) Store$");
    private static final Pattern HTTP_URL = Pattern.compile("https?://\\S+");
    private static final Pattern ASIN = Pattern.compile("\\b([A-Z0-9]{10})\\b");
    private static final Pattern RANK = Pattern.compile("#\\s?([\\d,.]+)\\s+in\\s+([^(#\\n]+)");
    private static final String[] PRICE_SELECTORS = {
        "#corePrice_feature_div .a-price .a-offscreen",
        "#corePriceDisplay_desktop_feature_div .a-price .a-offscreen",
        "#apex_desktop .a-price .a-offscreen",
        "#priceblock_dealprice", "#priceblock_ourprice", "#priceblock_saleprice",
        "#price_inside_buybox", "#newBuyBoxPrice", "#kindle-price", "#price",
    };
    private static final Map<String, String> DOMAIN_CURRENCY = Map.ofEntries(
            Map.entry("amazon.com", "USD"), Map.entry("amazon.co.uk", "GBP"), Map.entry("amazon.de", "EUR"),
            Map.entry("amazon.fr", "EUR"), Map.entry("amazon.it", "EUR"), Map.entry("amazon.es", "EUR"),
            Map.entry("amazon.nl", "EUR"), Map.entry("amazon.ca", "CAD"), Map.entry("amazon.co.jp", "JPY"),
            Map.entry("amazon.in", "INR"), Map.entry("amazon.com.mx", "MXN"), Map.entry("amazon.com.au", "AUD"),
            Map.entry("amazon.com.br", "BRL"));

    @Override
    public String name() {
        return NAME;
    }

    /** The ASIN in an Amazon product URL (`/dp/…`, `/gp/product/…`), upper-cased; null when there is none. */
    public static String asinFromUrl(URI url) {
        if (url == null || url.getRawPath() == null) {
            return null;
        }
        Matcher m = ASIN_IN_URL.matcher(url.getRawPath());
        return m.find() ? m.group(1).toUpperCase(Locale.ROOT) : null;
    }

    @Override
    public void parse(Document page, URI url, ParsedProduct into) {
        boolean amazonPage = page.selectFirst(Css.q("#productTitle, #dp-container, #ppd, input#ASIN")) != null;
        if (!amazonPage) {
            return;
        }
        String urlAsin = asinFromUrl(url);
        into.offer(ParsedProduct.ASIN, urlAsin, "url");
        into.offer(ParsedProduct.ASIN, pageAsin(page), NAME);
        into.offer(ParsedProduct.TITLE, text(page.selectFirst(Css.q("#productTitle"))), NAME);
        into.offer(ParsedProduct.BRAND, brand(text(page.selectFirst(Css.q("#bylineInfo")))), NAME);
        String priceText = priceText(page);
        BigDecimal price = Values.amount(priceText);
        into.offer(ParsedProduct.PRICE, price, NAME);
        if (price != null) {
            String currency = Values.currencyOfSymbol(priceText);
            String byDomain = domainCurrency(url);
            // "$" is also the Canadian, Australian and Mexican dollar: the site says which.
            into.offer(ParsedProduct.CURRENCY, byDomain != null && (currency == null || "USD".equals(currency))
                    ? byDomain : currency, NAME);
        }
        into.offer(ParsedProduct.RATING, rating(page), NAME);
        into.offer(ParsedProduct.REVIEWS_COUNT, Values.count(text(page.selectFirst(Css.q("#acrCustomerReviewText")))), NAME);
        bestSellersRank(page, into);
        Element availability = page.selectFirst(Css.q("#availability span, #availability, #outOfStock"));
        into.offer(ParsedProduct.AVAILABILITY, Values.availability(text(availability)), NAME);
        Element image = page.selectFirst(Css.q("#landingImage, #imgBlkFront, #main-image"));
        if (image != null) {
            String src = !image.attr("data-old-hires").isBlank() ? image.attr("data-old-hires") : image.attr("src");
            into.offer(ParsedProduct.IMAGE_URL, HTTP_URL.matcher(src).matches() ? src : null, NAME);
        }
    }

    private static String pageAsin(Document page) {
        for (String selector : new String[] { "input#ASIN", "input[name=ASIN]", "input#asin" }) {
            Element input = page.selectFirst(Css.q(selector));
            if (input != null && ASIN.matcher(input.val().strip().toUpperCase(Locale.ROOT)).matches()) {
                return input.val().strip().toUpperCase(Locale.ROOT);
            }
        }
        for (Element row : page.select(Css.q("#detailBullets_feature_div li, #productDetails_detailBullets_sections1 tr"))) {
            String text = row.text();
            if (text.startsWith("ASIN")) {
                Matcher m = ASIN.matcher(text.substring(4));
                if (m.find()) {
                    return m.group(1);
                }
            }
        }
        return null;
    }

    private static String priceText(Document page) {
        for (String selector : PRICE_SELECTORS) {
            String text = text(page.selectFirst(Css.q(selector)));
            if (text != null && Values.amount(text) != null) {
                return text;
            }
        }
        Element whole = page.selectFirst(Css.q(".a-price .a-price-whole"));
        if (whole != null) {
            Element fraction = whole.parent() == null ? null : whole.parent().selectFirst(Css.q(".a-price-fraction"));
            Element symbol = whole.parent() == null ? null : whole.parent().selectFirst(Css.q(".a-price-symbol"));
            String digits = whole.text().replaceAll("[^\\d]", "") + "." + (fraction == null ? "00" : fraction.text());
            return (symbol == null ? "" : symbol.text()) + digits;
        }
        return null;
    }

    private static BigDecimal rating(Document page) {
        Element popover = page.selectFirst(Css.q("#acrPopover"));
        if (popover != null && !popover.attr("title").isBlank()) {
            return Values.decimal(popover.attr("title"));
        }
        Element alt = page.selectFirst(Css.q("#acrPopover .a-icon-alt, #averageCustomerReviews .a-icon-alt, "
                + "span[data-hook=rating-out-of-text]"));
        return alt == null ? null : Values.decimal(alt.text());
    }

    /** "#1,234 in Electronics (See Top 100 in Electronics)": the first (top-level) rank and its category. */
    private static void bestSellersRank(Document page, ParsedProduct into) {
        for (Element row : page.select(Css.q("#detailBulletsWrapper_feature_div li, #detailBullets_feature_div li, "
                + "#productDetails_detailBullets_sections1 tr, #productDetails_techSpec_section_1 tr, #SalesRank"))) {
            String text = row.text();
            if (!text.contains("Best Sellers Rank") && !row.id().equals("SalesRank")) {
                continue;
            }
            Matcher m = RANK.matcher(text);
            if (m.find()) {
                into.offer(ParsedProduct.BSR, Values.count(m.group(1)), NAME);
                into.offer(ParsedProduct.CATEGORY, m.group(2).strip(), NAME);
                return;
            }
        }
    }

    private static String brand(String byline) {
        if (byline == null) {
            return null;
        }
        Matcher store = STORE_BYLINE.matcher(byline);
        if (store.find()) {
            return store.group(1);
        }
        return byline.replaceFirst("^Brand:\\s*", "");
    }

    private static String domainCurrency(URI url) {
        if (url == null || url.getHost() == null) {
            return null;
        }
        String host = url.getHost().toLowerCase(Locale.ROOT).replaceFirst("^(www|smile)\\.", "");
        return DOMAIN_CURRENCY.get(host);
    }

    private static String text(Element element) {
        if (element == null) {
            return null;
        }
        String text = element.text().strip();
        return text.isEmpty() ? null : text;
    }
}
