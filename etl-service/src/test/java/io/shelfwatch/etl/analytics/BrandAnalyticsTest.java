package io.shelfwatch.etl.analytics;

import static io.restassured.RestAssured.given;
import static io.shelfwatch.etl.analytics.SqpDocuments.row;
import static org.hamcrest.Matchers.closeTo;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.hasKey;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.notNullValue;
import static org.hamcrest.Matchers.nullValue;
import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.List;
import java.util.Map;
import java.util.UUID;

import org.junit.jupiter.api.Test;

import io.quarkus.test.junit.QuarkusTest;
import io.restassured.config.JsonConfig;
import io.restassured.config.RestAssuredConfig;
import io.restassured.http.ContentType;
import io.restassured.path.json.config.JsonPathConfig.NumberReturnType;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import io.shelfwatch.etl.support.Tokens;

/**
 * Doc D's brand analytics over the real PostgreSQL: documents in, metrics out, every number
 * checked against one computed by hand (see the comments beside each).
 */
@QuarkusTest
class BrandAnalyticsTest {

    static final String A = "B0TESTAAA1";
    static final String B = "B0TESTBBB2";
    static final String W0_START = "2025-07-27", W0_END = "2025-08-02";
    static final String W1_START = "2025-08-03", W1_END = "2025-08-09";
    static final String W2_START = "2025-08-10", W2_END = "2025-08-16";

    /*
     * Week 1: A in q1 (100 of 1000 impressions, 20/100 clicks, 10/40 cart adds, 5/20 purchases at $10) and in q2
     * (100/10000, 10/1000, 5/200, 2/100 at $20); B in q1 (50/1000, 5/100, 0/40, 0/20 at $15).
     * Week 2: A in q1 (300/2000, 30/200, 12/80, 6/40 at $10). The week before (comparison): A in q1 (100/1000,
     * 10/100, 4/40, 2/20 at $10).
     */
    static final String WEEK0 = SqpDocuments.weekly(W0_START, W0_END, List.of(
            row(A, W0_START, W0_END, "q1", 1000, 100, 100, 10, 40, 4, 20, 2, 10)));
    static final String WEEK1 = SqpDocuments.weekly(W1_START, W1_END, List.of(
            row(A, W1_START, W1_END, "q1", 1000, 100, 100, 20, 40, 10, 20, 5, 10),
            row(A, W1_START, W1_END, "q2", 10000, 100, 1000, 10, 200, 5, 100, 2, 20),
            row(B, W1_START, W1_END, "q1", 1000, 50, 100, 5, 40, 0, 20, 0, 15)));
    static final String WEEK2 = SqpDocuments.weekly(W2_START, W2_END, List.of(
            row(A, W2_START, W2_END, "q1", 2000, 300, 200, 30, 80, 12, 40, 6, 10)));

    /** Decimals as doubles, so hand-computed numbers compare with closeTo. */
    static final RestAssuredConfig DOUBLES = RestAssuredConfig.config()
            .jsonConfig(JsonConfig.jsonConfig().numberReturnType(NumberReturnType.DOUBLE));

    static RequestSpecification as(String token) {
        return given().config(DOUBLES).auth().oauth2(token);
    }

    static String newUser() {
        return Tokens.forUser(UUID.randomUUID(), "seller@example.com", "pro");
    }

    static String createBrand(String token, String name) {
        return as(token).contentType(ContentType.JSON).body(Map.of("name", name)).post("/api/brands")
                .then().statusCode(201).body("name", equalTo(name)).extract().path("id");
    }

    static ValidatableResponse load(String token, String brandId, String document) {
        return as(token).contentType(ContentType.JSON).body(document)
                .post("/api/brands/" + brandId + "/search-query-performance").then();
    }

    /** A brand with weeks 0, 1 and 2 loaded. */
    static String loadedBrand(String token) {
        String brandId = createBrand(token, "Acme " + UUID.randomUUID());
        for (String week : List.of(WEEK0, WEEK1, WEEK2)) {
            load(token, brandId, week).statusCode(201).body("status", equalTo("loaded"));
        }
        return brandId;
    }

    static ValidatableResponse products(String token, String brandId, Map<String, ?> params) {
        return as(token).queryParams(params).get("/api/brands/" + brandId + "/products").then();
    }

    @Test
    void brandsBelongToTheirCreator() {
        String owner = newUser();
        String brandId = createBrand(owner, "Acme");
        as(owner).get("/api/brands").then().statusCode(200).body("id", hasItem(brandId)).body("name", hasItem("Acme"));
        as(owner).get("/api/brands/" + brandId).then().statusCode(200).body("id", equalTo(brandId));
        as(owner).contentType(ContentType.JSON).body(Map.of("name", "acme")).post("/api/brands").then().statusCode(409)
                .body("code", equalTo("BRAND_EXISTS"));
        as(owner).contentType(ContentType.JSON).body(Map.of("name", " ")).post("/api/brands").then().statusCode(400)
                .body("code", equalTo("VALIDATION_ERROR")).body("details.errors[0].loc", contains("body", "name"));

        String other = newUser();
        as(other).get("/api/brands").then().statusCode(200).body("id", not(hasItem(brandId)));
        as(other).get("/api/brands/" + brandId).then().statusCode(404).body("error", equalTo("Brand not found"))
                .body("code", equalTo("BRAND_NOT_FOUND"));
        given().get("/api/brands").then().statusCode(401).body("code", equalTo("UNAUTHORIZED"));
    }

    @Test
    void amazonsExampleDocumentLoadsAndEachQueryTotalCountsOnceForTheBrand() {
        String token = newUser();
        String brandId = createBrand(token, "Example brand");
        load(token, brandId, SqpDocuments.amazonExample()).statusCode(201)
                .body("status", equalTo("loaded")).body("reportPeriod", equalTo("WEEK"))
                .body("startDate", equalTo("2025-01-05")).body("endDate", equalTo("2025-01-11"))
                .body("marketplaceId", equalTo("ATVPDKIKX0DER"))
                .body("asins", contains("B123456789", "B987654321")).body("rows", equalTo(2));

        products(token, brandId, Map.of("startDate", "2025-01-01", "endDate", "2025-01-31", "sortBy", "asin",
                "order", "asc")).statusCode(200)
                .body("brandId", equalTo(brandId)).body("brandName", equalTo("Example brand"))
                .body("dateRange.start", equalTo("2025-01-01")).body("dateRange.end", equalTo("2025-01-31"))
                .body("totalCount", equalTo(2))
                .body("products.asin", contains("B123456789", "B987654321"))
                .body("products[0].brand", equalTo("Example brand"))
                .body("products[0].impressions", equalTo(765))
                .body("products[0].clicks", equalTo(50))
                .body("products[0].cartAdds", equalTo(10))
                .body("products[0].purchases", equalTo(5))
                // 5 purchases × $19.99 median purchase price
                .body("products[0].revenue", closeTo(99.95, 1e-9))
                .body("products[0].revenueEstimated", equalTo(true))
                .body("products[0].currencyCode", equalTo("USD"))
                .body("products[0].clickThroughRate", closeTo(0.065359, 1e-6)) // 50 / 765
                .body("products[0].impressionShare", closeTo(0.0765, 1e-9)) // 765 / 10000
                .body("products[0].clickShare", closeTo(0.05, 1e-9))
                // both ASINs in the same query: the query's 10000 impressions count once for the brand
                .body("aggregatedMetrics.totalImpressions", equalTo(1530))
                .body("aggregatedMetrics.totalMarketShare.impression", closeTo(0.153, 1e-9))
                .body("aggregatedMetrics.totalMarketShare.click", closeTo(0.1, 1e-9))
                .body("aggregatedMetrics.totalMarketShare.purchase", closeTo(0.1, 1e-9))
                .body("aggregatedMetrics.totalRevenue", closeTo(199.9, 1e-9));
    }

    @Test
    void metricsAreComputedFromSumsAsHandComputed() {
        String token = newUser();
        String brandId = loadedBrand(token);
        products(token, brandId, Map.of("startDate", "2025-08-01", "endDate", "2025-08-31",
                "compareStartDate", W0_START, "compareEndDate", W0_END)).statusCode(200)
                .body("comparisonDateRange.start", equalTo(W0_START))
                .body("comparisonDateRange.end", equalTo(W0_END))
                .body("totalCount", equalTo(2))
                // by revenue, descending: A ($150) before B ($0)
                .body("products.asin", contains(A, B))
                // A: 100+100+300 impressions of 1000+10000+2000; 20+10+30 clicks of 100+1000+200;
                // 10+5+12 cart adds of 40+200+80; 5+2+6 purchases of 20+100+40; 5×10 + 2×20 + 6×10 dollars
                .body("products[0].impressions", equalTo(500))
                .body("products[0].clicks", equalTo(60))
                .body("products[0].cartAdds", equalTo(27))
                .body("products[0].purchases", equalTo(13))
                .body("products[0].revenue", closeTo(150.0, 1e-9))
                .body("products[0].clickThroughRate", closeTo(0.12, 1e-9)) // 60/500
                .body("products[0].cartAddRate", closeTo(0.45, 1e-9)) // 27/60
                .body("products[0].purchaseRate", closeTo(0.481481, 1e-6)) // 13/27
                .body("products[0].overallConversionRate", closeTo(0.026, 1e-9)) // 13/500
                // volume-weighted: 500/13000, not the average of 0.1, 0.01 and 0.15
                .body("products[0].impressionShare", closeTo(0.038462, 1e-6))
                .body("products[0].clickShare", closeTo(0.046154, 1e-6)) // 60/1300
                .body("products[0].cartAddShare", closeTo(0.084375, 1e-9)) // 27/320
                .body("products[0].purchaseShare", closeTo(0.08125, 1e-9)) // 13/160
                // the week before: 100 impressions, 10 clicks, 4 cart adds, 2 purchases, $20
                .body("products[0].comparison.impressions.value", equalTo(100))
                .body("products[0].comparison.impressions.change", equalTo(400))
                .body("products[0].comparison.impressions.changePercent", closeTo(400.0, 1e-9))
                .body("products[0].comparison.clicks.changePercent", closeTo(500.0, 1e-9))
                .body("products[0].comparison.cartAdds.change", equalTo(23))
                .body("products[0].comparison.cartAdds.changePercent", closeTo(575.0, 1e-9))
                .body("products[0].comparison.purchases.changePercent", closeTo(550.0, 1e-9))
                .body("products[0].comparison.revenue.value", closeTo(20.0, 1e-9))
                .body("products[0].comparison.revenue.change", closeTo(130.0, 1e-9))
                .body("products[0].comparison.revenue.changePercent", closeTo(650.0, 1e-9))
                .body("products[0].comparison.rates.clickThroughRate.value", closeTo(0.1, 1e-9))
                .body("products[0].comparison.rates.clickThroughRate.change", closeTo(0.02, 1e-9))
                .body("products[0].comparison.rates.purchaseRate.change", closeTo(-0.018519, 1e-6))
                .body("products[0].comparison.rates.overallConversionRate.change", closeTo(0.006, 1e-9))
                // B: no cart adds, so purchase rate 0/0 is 0; nothing the week before, so changePercent 0
                .body("products[1].cartAddRate", closeTo(0.0, 0))
                .body("products[1].purchaseRate", closeTo(0.0, 0))
                .body("products[1].clickThroughRate", closeTo(0.1, 1e-9))
                .body("products[1].comparison.impressions.value", equalTo(0))
                .body("products[1].comparison.impressions.change", equalTo(50))
                .body("products[1].comparison.impressions.changePercent", closeTo(0.0, 0))
                // brand: 550 impressions, 65 clicks, 13 purchases; its queries' totals once per week:
                // week 1 q1+q2 = 11000 impressions, 1100 clicks, 120 purchases; week 2 q1 = 2000, 200, 40
                .body("aggregatedMetrics.totalProducts", equalTo(2))
                .body("aggregatedMetrics.totalImpressions", equalTo(550))
                .body("aggregatedMetrics.totalClicks", equalTo(65))
                .body("aggregatedMetrics.totalCartAdds", equalTo(27))
                .body("aggregatedMetrics.totalPurchases", equalTo(13))
                .body("aggregatedMetrics.totalRevenue", closeTo(150.0, 1e-9))
                .body("aggregatedMetrics.revenueEstimated", equalTo(true))
                .body("aggregatedMetrics.averageClickThroughRate", closeTo(0.118182, 1e-6)) // 65/550
                .body("aggregatedMetrics.averageConversionRate", closeTo(0.023636, 1e-6)) // 13/550
                .body("aggregatedMetrics.totalMarketShare.impression", closeTo(0.042308, 1e-6)) // 550/13000
                .body("aggregatedMetrics.totalMarketShare.click", closeTo(0.05, 1e-9)) // 65/1300
                .body("aggregatedMetrics.totalMarketShare.purchase", closeTo(0.08125, 1e-9)); // 13/160
    }

    @Test
    void aPeriodCountsOnlyWhenItLiesInsideTheRange() {
        String token = newUser();
        String brandId = loadedBrand(token);
        // Aug 4 - Aug 16 holds week 2 only (week 1 starts Aug 3)
        products(token, brandId, Map.of("startDate", "2025-08-04", "endDate", "2025-08-16")).statusCode(200)
                .body("products.asin", contains(A)).body("products[0].impressions", equalTo(300))
                .body("products", not(hasItem(hasKey("comparison"))));
        products(token, brandId, Map.of("startDate", "2024-01-01", "endDate", "2024-01-31")).statusCode(200)
                .body("totalCount", equalTo(0)).body("products.size()", equalTo(0))
                .body("aggregatedMetrics.totalImpressions", equalTo(0))
                .body("aggregatedMetrics.averageClickThroughRate", closeTo(0.0, 0))
                .body("pagination.hasMore", equalTo(false));
    }

    @Test
    void sortingPagingAndOptionalPartsFollowTheParameters() {
        String token = newUser();
        String brandId = loadedBrand(token);
        Map<String, String> august = Map.of("startDate", "2025-08-01", "endDate", "2025-08-31");
        products(token, brandId, with(august, "sortBy", "impressions", "order", "asc")).statusCode(200)
                .body("products.asin", contains(B, A));
        products(token, brandId, with(august, "sortBy", "asin", "order", "desc")).body("products.asin", contains(B, A));
        products(token, brandId, with(august, "sortBy", "clicks")).body("products.asin", contains(A, B));
        products(token, brandId, with(august, "sortBy", "purchases", "order", "asc")).body("products.asin", contains(B, A));
        products(token, brandId, with(august, "sortBy", "title", "order", "asc")).body("products.asin", contains(A, B));

        products(token, brandId, with(august, "limit", "1")).statusCode(200)
                .body("products.asin", contains(A)).body("totalCount", equalTo(2))
                .body("pagination.limit", equalTo(1)).body("pagination.offset", equalTo(0))
                .body("pagination.hasMore", equalTo(true))
                // aggregated over the whole list, not the page
                .body("aggregatedMetrics.totalImpressions", equalTo(550));
        products(token, brandId, with(august, "limit", "1", "offset", "1")).body("products.asin", contains(B))
                .body("pagination.hasMore", equalTo(false));
        products(token, brandId, with(august, "offset", "5")).body("products.size()", equalTo(0))
                .body("totalCount", equalTo(2)).body("pagination.hasMore", equalTo(false));
        products(token, brandId, august).body("pagination.limit", equalTo(50));

        products(token, brandId, with(august, "includePerformance", "false")).statusCode(200)
                .body("products[0].asin", equalTo(A)).body("products[0].productTitle", equalTo(A))
                .body("products[0]", not(hasKey("impressions"))).body("products[0]", not(hasKey("revenue")))
                .body("products[0]", not(hasKey("segments")));

        products(token, brandId, with(august, "includeSegments", "true")).statusCode(200)
                .body("products[0].segments.segmentType", contains("weekly", "weekly", "weekly", "weekly"))
                .body("products[0].segments.segmentLabel", contains("Week 1", "Week 2", "Week 3", "Week 4"))
                .body("products[0].segments[0].startDate", equalTo(W1_START))
                .body("products[0].segments[0].endDate", equalTo(W1_END))
                .body("products[0].segments[0].impressions", equalTo(200))
                .body("products[0].segments[0].purchases", equalTo(7))
                .body("products[0].segments[0].revenue", closeTo(90.0, 1e-9))
                .body("products[0].segments[0].hasDetailedData", equalTo(true))
                .body("products[0].segments[1].impressions", equalTo(300))
                .body("products[0].segments[2].impressions", equalTo(0))
                .body("products[0].segments[2].hasDetailedData", equalTo(false));
        products(token, brandId, with(august, "includeSegments", "true", "segmentType", "monthly"))
                .body("products[0].segments.segmentLabel", contains("August 2025"))
                .body("products[0].segments[0].startDate", equalTo("2025-08-01"))
                .body("products[0].segments[0].impressions", equalTo(500));
    }

    @Test
    void sameDocumentTwiceChangesNothingAndARestatedWeekReplacesTheOldNumbers() {
        String token = newUser();
        String brandId = loadedBrand(token);
        Map<String, String> august = Map.of("startDate", "2025-08-01", "endDate", "2025-08-31");
        String before = products(token, brandId, august).statusCode(200).extract().header("ETag");

        load(token, brandId, WEEK1).statusCode(200).body("status", equalTo("unchanged"));
        products(token, brandId, august).statusCode(200).header("ETag", equalTo(before))
                .body("products[0].impressions", equalTo(500));

        // Amazon restates week 2: A had 400 impressions in q1 and a new query q3 (10 of 500)
        String restated = SqpDocuments.weekly(W2_START, W2_END, List.of(
                row(A, W2_START, W2_END, "q1", 2000, 400, 200, 30, 80, 12, 40, 6, 10),
                row(A, W2_START, W2_END, "q3", 500, 10, 50, 0, 10, 0, 5, 0, 10)));
        load(token, brandId, restated).statusCode(200).body("status", equalTo("replaced")).body("rows", equalTo(2));
        products(token, brandId, august).statusCode(200)
                .body("products[0].impressions", equalTo(610)) // 100 + 100 + 400 + 10
                .body("products[0].impressionShare", closeTo(610.0 / 13500, 1e-6));
        load(token, brandId, restated).statusCode(200).body("status", equalTo("unchanged"));
        products(token, brandId, august).body("products[0].impressions", equalTo(610));
    }

    @Test
    void aGzipCompressedDocumentLoadsLikeItsJson() {
        String token = newUser();
        String brandId = createBrand(token, "Gzip");
        as(token).contentType("application/gzip").body(SqpDocuments.gzip(WEEK1))
                .post("/api/brands/" + brandId + "/search-query-performance").then().statusCode(201)
                .body("rows", equalTo(3));
        load(token, brandId, WEEK1).statusCode(200).body("status", equalTo("unchanged"));
    }

    @Test
    void documentsAreCheckedAgainstAmazonsSchema() {
        String token = newUser();
        String brandId = createBrand(token, "Strict");
        load(token, brandId, "{\"dataByAsin\":[]}").statusCode(400)
                .body("error", equalTo("Invalid Search Query Performance report"))
                .body("code", equalTo("VALIDATION_ERROR"))
                .body("details.errors[0].msg", org.hamcrest.Matchers.containsString("reportSpecification"));
        load(token, brandId, WEEK1.replace("\"asinImpressionCount\":100", "\"asinImpressionCount\":\"many\""))
                .statusCode(400).body("details.errors[0].loc", hasItem("asinImpressionCount"));
        load(token, brandId, WEEK1.replace("\"WEEK\"", "\"DAY\"")).statusCode(400);
        load(token, brandId, "not json").statusCode(400).body("code", equalTo("VALIDATION_ERROR"));
        load(token, brandId, WEEK1.replace("\"startDate\":\"2025-08-03\"", "\"startDate\":\"2025-07-01\""))
                .statusCode(400).body("details.errors[0].msg", org.hamcrest.Matchers.containsString("period"));
        products(token, brandId, Map.of("startDate", "2025-08-01", "endDate", "2025-08-31")).body("totalCount", equalTo(0));
    }

    @Test
    void anotherUsersBrandIsNotFoundForReadingOrLoading() {
        String owner = newUser();
        String brandId = loadedBrand(owner);
        String other = newUser();
        Map<String, String> august = Map.of("startDate", "2025-08-01", "endDate", "2025-08-31");
        products(other, brandId, august).statusCode(404).body("code", equalTo("BRAND_NOT_FOUND"));
        as(other).queryParams(with(august, "segmentType", "weekly"))
                .get("/api/brands/" + brandId + "/products/" + A + "/segments").then().statusCode(404);
        load(other, brandId, WEEK2.replace("\"asinImpressionCount\":300", "\"asinImpressionCount\":1"))
                .statusCode(404).body("error", equalTo("Brand not found"));
        products(owner, brandId, august).statusCode(200).body("products[0].impressions", equalTo(500));
    }

    @Test
    void badParametersAnswerInDocDsErrorShape() {
        String token = newUser();
        String brandId = loadedBrand(token);
        Map<String, String> august = Map.of("startDate", "2025-08-01", "endDate", "2025-08-31");
        as(token).queryParams(august).get("/api/brands/not-a-uuid/products").then().statusCode(400)
                .body("error", equalTo("Invalid brand ID format")).body("code", equalTo("VALIDATION_ERROR"))
                .body("details.errors[0].loc", contains("path", "brandId"));
        products(token, UUID.randomUUID().toString(), august).statusCode(404)
                .body("error", equalTo("Brand not found")).body("details", notNullValue());
        products(token, brandId, Map.of("endDate", "2025-08-31")).statusCode(400)
                .body("details.errors[0].loc", contains("query", "startDate"));
        products(token, brandId, Map.of("startDate", "2025-13-01", "endDate", "2025-08-31")).statusCode(400)
                .body("details.errors[0].loc", contains("query", "startDate"));
        products(token, brandId, Map.of("startDate", "08/01/2025", "endDate", "2025-08-31")).statusCode(400);
        products(token, brandId, Map.of("startDate", "2025-08-31", "endDate", "2025-08-01")).statusCode(400)
                .body("details.errors[0].loc", contains("query", "endDate"));
        products(token, brandId, with(august, "compareStartDate", "2025-07-01")).statusCode(400)
                .body("details.errors[0].loc", contains("query", "compareEndDate"));
        products(token, brandId, with(august, "limit", "101")).statusCode(400)
                .body("details.errors[0].loc", contains("query", "limit"));
        products(token, brandId, with(august, "limit", "0")).statusCode(400);
        products(token, brandId, with(august, "limit", "ten")).statusCode(400);
        products(token, brandId, with(august, "offset", "-1")).statusCode(400);
        products(token, brandId, with(august, "sortBy", "price")).statusCode(400)
                .body("details.errors[0].loc", contains("query", "sortBy"));
        products(token, brandId, with(august, "order", "up")).statusCode(400);
        products(token, brandId, with(august, "includeSegments", "yes")).statusCode(400);
        products(token, brandId, with(august, "limit", "100")).statusCode(200);

        String segments = "/api/brands/" + brandId + "/products/%s/segments";
        as(token).queryParams(with(august, "segmentType", "hourly")).get(segments.formatted(A)).then().statusCode(400)
                .body("details.errors[0].loc", contains("query", "segmentType"));
        as(token).queryParams(august).get(segments.formatted(A)).then().statusCode(400)
                .body("details.errors[0].loc", contains("query", "segmentType"));
        as(token).queryParams(with(august, "segmentType", "weekly")).get(segments.formatted("B0NOTTHERE")).then()
                .statusCode(404).body("code", equalTo("ASIN_NOT_FOUND"));
        as(token).queryParams(with(august, "segmentType", "weekly")).get(segments.formatted("short")).then()
                .statusCode(400).body("details.errors[0].loc", contains("path", "asin"));
        as(token).queryParams(Map.of("startDate", "2025-01-01", "endDate", "2025-12-31", "segmentType", "daily"))
                .get(segments.formatted(A)).then().statusCode(400).body("details.errors[0].msg",
                        org.hamcrest.Matchers.containsString("92"));
    }

    @Test
    void segmentsSplitAProductsNumbersWithTheirTopQueries() {
        String token = newUser();
        String brandId = loadedBrand(token);
        String path = "/api/brands/" + brandId + "/products/" + A.toLowerCase() + "/segments";
        as(token).queryParams(Map.of("startDate", "2025-08-01", "endDate", "2025-08-23", "segmentType", "weekly",
                "compareStartDate", W0_START, "compareEndDate", "2025-08-23")).get(path).then().statusCode(200)
                .body("asin", equalTo(A)).body("brandId", equalTo(brandId)).body("segmentType", equalTo("weekly"))
                .body("dateRange.start", equalTo("2025-08-01"))
                .body("comparisonDateRange.start", equalTo(W0_START))
                .body("segments.segmentLabel", contains("Week 1 (Aug 3-9)", "Week 2 (Aug 10-16)", "Week 3 (Aug 17-23)"))
                // week 1: q1 + q2
                .body("segments[0].impressions", equalTo(200))
                .body("segments[0].clicks", equalTo(30))
                .body("segments[0].cartAdds", equalTo(15))
                .body("segments[0].purchases", equalTo(7))
                .body("segments[0].revenue", closeTo(90.0, 1e-9))
                .body("segments[0].clickThroughRate", closeTo(0.15, 1e-9)) // 30/200
                .body("segments[0].cartAddRate", closeTo(0.5, 1e-9)) // 15/30
                .body("segments[0].purchaseRate", closeTo(0.466667, 1e-6)) // 7/15
                .body("segments[0].overallConversionRate", closeTo(0.035, 1e-9)) // 7/200
                .body("segments[0].impressionShare", closeTo(0.018182, 1e-6)) // 200/11000
                .body("segments[0].purchaseShare", closeTo(0.058333, 1e-6)) // 7/120
                // compared with the first week of the comparison range (week 0: 100 impressions)
                .body("segments[0].comparison.impressions.value", equalTo(100))
                .body("segments[0].comparison.impressions.changePercent", closeTo(100.0, 1e-9))
                // and week 2 with week 1
                .body("segments[1].comparison.impressions.value", equalTo(200))
                .body("segments[1].comparison.impressions.change", equalTo(100))
                .body("segments[1].comparison.impressions.changePercent", closeTo(50.0, 1e-9))
                .body("segments[0].topQueries.searchQuery", contains("q1", "q2"))
                .body("segments[0].topQueries[0].impressions", equalTo(100))
                .body("segments[0].topQueries[0].clicks", equalTo(20))
                .body("segments[0].topQueries[0].purchases", equalTo(5))
                .body("segments[0].topQueries[0].clickThroughRate", closeTo(0.2, 1e-9))
                .body("segments[0].topQueries[0].conversionRate", closeTo(0.05, 1e-9))
                .body("segments[2].impressions", equalTo(0))
                .body("segments[2].clickThroughRate", closeTo(0.0, 0))
                .body("segments[2].topQueries.size()", equalTo(0));

        as(token).queryParams(Map.of("startDate", "2025-08-01", "endDate", "2025-09-30", "segmentType", "monthly"))
                .get(path).then().statusCode(200)
                .body("segments.segmentLabel", contains("August 2025", "September 2025"))
                .body("segments[0].startDate", equalTo("2025-08-01")).body("segments[0].endDate", equalTo("2025-08-31"))
                .body("segments[0].impressions", equalTo(500))
                .body("segments[0].topQueries.searchQuery", contains("q1", "q2"))
                .body("segments[0].topQueries[0].purchases", equalTo(11))
                .body("segments[1].impressions", equalTo(0))
                .body("segments[0]", not(hasKey("comparison")));

        // daily: week 1's 200 impressions over 7 days: 29, 29, 29, 29, 28, 28, 28
        as(token).queryParams(Map.of("startDate", W1_START, "endDate", W1_END, "segmentType", "daily"))
                .get(path).then().statusCode(200)
                .body("segments.size()", equalTo(7))
                .body("segments[0].segmentLabel", equalTo("Aug 3, 2025"))
                .body("segments.impressions", contains(29, 29, 29, 29, 28, 28, 28))
                .body("segments[0].topQueries[0].searchQuery", equalTo("q1"));
    }

    @Test
    void anOffsetNearTheLargestIntegerGivesAnEmptyPage() {
        String token = newUser();
        String brandId = loadedBrand(token);
        Map<String, String> august = Map.of("startDate", "2025-08-01", "endDate", "2025-08-31");
        // offset + the default limit (50) is beyond Integer.MAX_VALUE
        products(token, brandId, with(august, "offset", "2147483600")).statusCode(200)
                .body("products.size()", equalTo(0)).body("totalCount", equalTo(2))
                .body("pagination.offset", equalTo(2147483600)).body("pagination.hasMore", equalTo(false));
        products(token, brandId, with(august, "offset", String.valueOf(Integer.MAX_VALUE), "limit", "100"))
                .statusCode(200).body("products.size()", equalTo(0));
    }

    /*
     * September 2025 as one MONTH report: A in q1, 4000 of 40000 impressions, 300/3000 clicks, 60/600 cart adds,
     * 30/300 purchases at $10. Spread over its 30 days: 134 impressions on each of Sep 1-10, 133 on Sep 11-30.
     * Weekly segments are Sep 7-13 (days 7-10 at 134, 11-13 at 133: 935), Sep 14-20 and Sep 21-27 (931 each).
     */
    static final String SEPTEMBER = SqpDocuments.document("MONTH", "2025-09-01", "2025-09-30", List.of(
            row(A, "2025-09-01", "2025-09-30", "q1", 40000, 4000, 3000, 300, 600, 60, 300, 30, 10)));

    @Test
    void aMonthsReportIsSpreadOverTheWeeksAndDaysItCovers() {
        String token = newUser();
        String brandId = createBrand(token, "Monthly " + UUID.randomUUID());
        load(token, brandId, SEPTEMBER).statusCode(201).body("reportPeriod", equalTo("MONTH"));
        Map<String, String> september = Map.of("startDate", "2025-09-01", "endDate", "2025-09-30");

        products(token, brandId, with(september, "includeSegments", "true")).statusCode(200)
                .body("products[0].impressions", equalTo(4000))
                .body("products[0].segments.segmentLabel", contains("Week 1", "Week 2", "Week 3"))
                .body("products[0].segments.impressions", contains(935, 931, 931))
                .body("products[0].segments[0].startDate", equalTo("2025-09-07"))
                // an even share of the month, not the week's own data: it cannot be expanded
                .body("products[0].segments.hasDetailedData", contains(false, false, false));
        products(token, brandId, with(september, "includeSegments", "true", "segmentType", "monthly")).statusCode(200)
                .body("products[0].segments.impressions", contains(4000))
                .body("products[0].segments.hasDetailedData", contains(true));

        String path = "/api/brands/" + brandId + "/products/" + A + "/segments";
        as(token).queryParams(with(september, "segmentType", "weekly")).get(path).then().statusCode(200)
                .body("segments.impressions", contains(935, 931, 931))
                .body("segments[0].topQueries.searchQuery", contains("q1"))
                .body("segments[0].topQueries[0].impressions", equalTo(935));
        // each day's top query carries that day's share, on every day of the month
        as(token).queryParams(with(september, "segmentType", "daily")).get(path).then().statusCode(200)
                .body("segments.size()", equalTo(30))
                .body("segments[7].impressions", equalTo(134))
                .body("segments[7].topQueries[0].impressions", equalTo(134))
                .body("segments[29].impressions", equalTo(133))
                .body("segments[29].topQueries.searchQuery", contains("q1"))
                .body("segments[29].topQueries[0].impressions", equalTo(133));
    }

    @Test
    void aMalformedComparisonDateIsReportedOnceForWhatItIs() {
        String token = newUser();
        String brandId = loadedBrand(token);
        Map<String, String> august = Map.of("startDate", "2025-08-01", "endDate", "2025-08-31");
        products(token, brandId, with(august, "compareStartDate", "bad", "compareEndDate", "2025-07-31"))
                .statusCode(400).body("details.errors.size()", equalTo(1))
                .body("details.errors[0].loc", contains("query", "compareStartDate"))
                .body("details.errors[0].msg", equalTo("must be a date in YYYY-MM-DD format"));
        as(token).queryParams(with(august, "segmentType", "weekly", "compareStartDate", "2025-07-01",
                "compareEndDate", "2025-02-30")).get("/api/brands/" + brandId + "/products/" + A + "/segments")
                .then().statusCode(400).body("details.errors.size()", equalTo(1))
                .body("details.errors[0].loc", contains("query", "compareEndDate"));
    }

    @Test
    void aNulCharacterInABrandNameIsInvalidInput() {
        String token = newUser();
        as(token).contentType(ContentType.JSON).body("{\"name\":\"Acme\\u0000Labs\"}").post("/api/brands").then()
                .statusCode(400).body("code", equalTo("VALIDATION_ERROR"))
                .body("error", equalTo("Invalid request body"))
                .body("details.errors[0].loc", contains("body", "name"));
        String brandId = createBrand(token, "Acme " + UUID.randomUUID());
        load(token, brandId, WEEK1.replace("\"q2\"", "\"q\\u00002\"")).statusCode(400)
                .body("code", equalTo("VALIDATION_ERROR"))
                .body("details.errors[0].loc", contains("body", "dataByAsin", 1, "searchQueryData", "searchQuery"));
    }

    @Test
    void readsAreCachedPrivatelyAndRevalidatedByETag() {
        String token = newUser();
        String brandId = loadedBrand(token);
        Map<String, String> august = Map.of("startDate", "2025-08-01", "endDate", "2025-08-31");
        var first = products(token, brandId, august).statusCode(200)
                .header("Cache-Control", equalTo("private, max-age=300"))
                .header("Vary", equalTo("Authorization"))
                .header("ETag", notNullValue()).extract();
        String etag = first.header("ETag");
        as(token).header("If-None-Match", etag).queryParams(august).get("/api/brands/" + brandId + "/products").then()
                .statusCode(304).header("ETag", equalTo(etag));
        as(token).header("If-None-Match", "\"something-else\"").queryParams(august)
                .get("/api/brands/" + brandId + "/products").then().statusCode(200);
        String other = products(token, brandId, with(august, "limit", "1")).extract().header("ETag");
        assertEquals(false, etag.equals(other));
        as(token).queryParams(with(august, "segmentType", "weekly"))
                .get("/api/brands/" + brandId + "/products/" + A + "/segments").then().statusCode(200)
                .header("Cache-Control", equalTo("private, max-age=300")).header("ETag", notNullValue());
        as(token).get("/api/brands").then().header("Vary", equalTo("Authorization"));
        // every documented path also answers with a trailing slash
        as(token).queryParams(august).get("/api/brands/" + brandId + "/products/").then().statusCode(200)
                .header("ETag", equalTo(etag));
        as(token).get("/api/brands/").then().statusCode(200);
        as(token).get("/api/brands/" + brandId).then().body("$", not(hasKey("userId"))).body("brandId", nullValue());
    }

    @Test
    void theApiDocumentsItsDeliberateDeviations() {
        given().get("/q/openapi?format=json").then().statusCode(200)
                .body("paths", hasKey("/api/brands/{brandId}/products"))
                .body("paths", hasKey("/api/brands/{brandId}/products/{asin}/segments"))
                .body("paths", hasKey("/api/brands/navigation/context"))
                .body("paths", hasKey("/api/brands/{brandId}/search-query-performance"))
                .body("paths.'/api/brands/{brandId}/products'.get.description",
                        org.hamcrest.Matchers.allOf(org.hamcrest.Matchers.containsString("volume-weighted"),
                                org.hamcrest.Matchers.containsString("estimate"),
                                org.hamcrest.Matchers.containsString("private, max-age=300")));
    }

    static Map<String, String> with(Map<String, String> base, String... pairs) {
        Map<String, String> out = new java.util.HashMap<>(base);
        for (int i = 0; i < pairs.length; i += 2) {
            out.put(pairs[i], pairs[i + 1]);
        }
        return out;
    }
}
