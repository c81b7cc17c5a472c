package io.shelfwatch.etl.extract;

import java.util.List;
import java.util.stream.Collectors;

/** Product pages and a Shopify catalog shaped like the real ones (trimmed of scripts and styling). */
public final class Pages {

    private Pages() {
    }

    /** A shop page with schema.org Product JSON-LD, and OpenGraph tags that disagree on the title. */
    public static String jsonLd(String title, String price, String currency, String availability) {
        return """
                <!DOCTYPE html>
                <html lang="en"><head>
                <meta charset="utf-8">
                <title>%1$s | Acme Outdoor</title>
                <meta property="og:type" content="product">
                <meta property="og:title" content="OG %1$s">
                <meta property="og:image" content="https://cdn.acme.example/img/og.jpg">
                <meta property="product:price:amount" content="1.00">
                <meta property="product:price:currency" content="EUR">
                <script type="application/ld+json">
                {"@context":"https://schema.org","@graph":[
                  {"@type":"BreadcrumbList","itemListElement":[{"@type":"ListItem","position":1,"name":"Tents"}]},
                  {"@type":"Product","name":"%1$s","sku":"TENT-2P","image":["https://cdn.acme.example/img/tent.jpg"],
                   "brand":{"@type":"Brand","name":"Acme"},
                   "aggregateRating":{"@type":"AggregateRating","ratingValue":"4.6","reviewCount":"1,284"},
                   "offers":{"@type":"Offer","url":"https://acme.example/p/tent","price":"%2$s","priceCurrency":"%3$s",
                     "availability":"https://schema.org/%4$s","seller":{"@type":"Organization","name":"Acme"}}}
                ]}
                </script>
                </head><body><h1>%1$s</h1><div class="price">%3$s %2$s</div></body></html>
                """.formatted(title, price, currency, availability);
    }

    /** A page with OpenGraph product tags only (many small shops). */
    public static String openGraphOnly(String title, String price) {
        return """
                <!DOCTYPE html>
                <html><head>
                <meta property="og:title" content="%s">
                <meta property="og:image" content="https://img.example/kettle.jpg">
                <meta property="product:price:amount" content="%s">
                <meta property="product:price:currency" content="GBP">
                <meta property="product:availability" content="out of stock">
                </head><body><main>Kettle</main></body></html>
                """.formatted(title, price);
    }

    /** An Amazon product page (detail-page markup as served to a desktop browser). */
    public static String amazon(String asin, String title, String price) {
        return """
                <!doctype html><html lang="en-us"><head><title>Amazon.com: %2$s</title></head>
                <body><div id="dp-container" class="a-container">
                <div id="ppd">
                  <div id="centerCol">
                    <div id="titleSection"><h1 id="title" class="a-size-large"><span id="productTitle" class="a-size-large product-title-word-break">
                      %2$s
                    </span></h1></div>
                    <div id="bylineInfo_feature_div"><a id="bylineInfo" class="a-link-normal" href="/stores/Acme/page/1">Visit the Acme Store</a></div>
                    <div id="averageCustomerReviews" data-asin="%1$s">
                      <span id="acrPopover" class="reviewCountTextLinkedHistogram noUnderline" title="4.4 out of 5 stars">
                        <i class="a-icon a-icon-star a-star-4-5"><span class="a-icon-alt">4.4 out of 5 stars</span></i></span>
                      <a id="acrCustomerReviewLink" href="#customerReviews"><span id="acrCustomerReviewText" class="a-size-base">12,345 ratings</span></a>
                    </div>
                    <div id="corePrice_feature_div"><div class="a-section a-spacing-none aok-align-center">
                      <span class="a-price aok-align-center" data-a-size="xl"><span class="a-offscreen">$%3$s</span>
                      <span aria-hidden="true"><span class="a-price-symbol">$</span><span class="a-price-whole">%3$s</span></span></span>
                    </div></div>
                  </div>
                  <div id="rightCol"><div id="availability" class="a-section a-spacing-base">
                    <span class="a-size-medium a-color-success">  In Stock  </span></div>
                    <input type="hidden" id="ASIN" name="ASIN" value="%1$s">
                  </div>
                  <div id="imgTagWrapperId"><img id="landingImage" src="https://m.media-amazon.com/images/I/small.jpg"
                     data-old-hires="https://m.media-amazon.com/images/I/61abc.jpg"></div>
                </div>
                <div id="detailBulletsWrapper_feature_div"><div id="detailBullets_feature_div"><ul class="a-unordered-list">
                  <li><span class="a-list-item"><span class="a-text-bold">ASIN &rlm; : &lrm;</span><span>%1$s</span></span></li>
                </ul></div>
                <ul class="a-unordered-list a-nostyle a-vertical a-spacing-none detail-bullet-list">
                  <li><span class="a-list-item"><span class="a-text-bold">Best Sellers Rank:</span> #1,234 in Electronics (<a href="/gp/bestsellers/electronics">See Top 100 in Electronics</a>)
                  <ul class="a-unordered-list a-nostyle a-vertical zg_hrsr"><li><span class="a-list-item">#12 in Earbud Headphones</span></li></ul></span></li>
                </ul></div>
                </div></body></html>
                """.formatted(asin, title, price);
    }

    /** A Shopify product as `/products.json` lists it. */
    public record ShopifyProduct(long id, String handle, String title, List<String[]> variants) {
    }

    /** variants: {price, available} pairs, in the store's order. */
    public static ShopifyProduct shopify(long id, String handle, String title, String[]... variants) {
        return new ShopifyProduct(id, handle, title, List.of(variants));
    }

    public static String productsJson(List<ShopifyProduct> products) {
        return "{\"products\":[" + products.stream().map(Pages::productJson).collect(Collectors.joining(",")) + "]}";
    }

    private static String productJson(ShopifyProduct p) {
        StringBuilder variants = new StringBuilder();
        for (int i = 0; i < p.variants().size(); i++) {
            String[] v = p.variants().get(i);
            if (i > 0) {
                variants.append(',');
            }
            variants.append("""
                    {"id":%d,"title":"Size %d","option1":"Size %d","option2":null,"option3":null,"sku":"%s-%d",
                     "requires_shipping":true,"taxable":true,"featured_image":null,"available":%s,"price":"%s",
                     "grams":450,"compare_at_price":null,"position":%d,"product_id":%d,
                     "created_at":"2026-01-10T09:00:00-05:00","updated_at":"2026-02-01T09:00:00-05:00"}"""
                    .formatted(p.id() * 10 + i, i, i, p.handle(), i, v[1], v[0], i + 1, p.id()));
        }
        return """
                {"id":%d,"title":"%s","handle":"%s","body_html":"<p>Made to last.</p>",
                 "published_at":"2026-01-10T09:00:00-05:00","created_at":"2026-01-10T09:00:00-05:00",
                 "updated_at":"2026-02-01T09:00:00-05:00","vendor":"Northwind","product_type":"Apparel","tags":["new"],
                 "variants":[%s],
                 "images":[{"id":%d,"created_at":"2026-01-10T09:00:00-05:00","position":1,
                   "updated_at":"2026-01-10T09:00:00-05:00","product_id":%d,"variant_ids":[],
                   "src":"https://cdn.shopify.com/s/files/1/0001/products/%s.jpg","width":1000,"height":1000}],
                 "options":[{"name":"Size","position":1,"values":["S","M"]}]}"""
                .formatted(p.id(), p.title(), p.handle(), variants, p.id() + 7, p.id(), p.handle());
    }
}
