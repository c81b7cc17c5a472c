package io.shelfwatch.etl.analytics;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.zip.GZIPOutputStream;

/** Search Query Performance report documents shaped as Amazon's schema (and its example) shows them. */
final class SqpDocuments {

    /** One `dataByAsin` entry: the ASIN's and the query's counts for one period. */
    record Row(String asin, String start, String end, String query, long totalImpressions, long asinImpressions,
            long totalClicks, long asinClicks, long totalCartAdds, long asinCartAdds, long totalPurchases,
            long asinPurchases, double price) {
    }

    private SqpDocuments() {
    }

    static Row row(String asin, String start, String end, String query, long ti, long ai, long tc, long ac, long tca,
            long aca, long tp, long ap, double price) {
        return new Row(asin, start, end, query, ti, ai, tc, ac, tca, aca, tp, ap, price);
    }

    static String weekly(String start, String end, List<Row> rows) {
        return document("WEEK", start, end, rows);
    }

    static String document(String period, String start, String end, List<Row> rows) {
        Set<String> asins = new LinkedHashSet<>();
        rows.forEach(r -> asins.add(r.asin()));
        List<String> data = new ArrayList<>();
        for (Row r : rows) {
            data.add("""
                    {"startDate":"%s","endDate":"%s","asin":"%s",
                     "searchQueryData":{"searchQuery":"%s","searchQueryScore":1,"searchQueryVolume":%d},
                     "impressionData":{"totalQueryImpressionCount":%d,"asinImpressionCount":%d,"asinImpressionShare":%s},
                     "clickData":{"totalClickCount":%d,"totalClickRate":0.1,"asinClickCount":%d,"asinClickShare":%s,
                      "totalMedianClickPrice":{"amount":%s,"currencyCode":"USD"},"asinMedianClickPrice":{"amount":%s,"currencyCode":"USD"},
                      "totalSameDayShippingClickCount":0,"totalOneDayShippingClickCount":0,"totalTwoDayShippingClickCount":0},
                     "cartAddData":{"totalCartAddCount":%d,"totalCartAddRate":0.02,"asinCartAddCount":%d,"asinCartAddShare":%s,
                      "totalMedianCartAddPrice":{"amount":%s,"currencyCode":"USD"},"asinMedianCartAddPrice":{"amount":%s,"currencyCode":"USD"},
                      "totalSameDayShippingCartAddCount":0,"totalOneDayShippingCartAddCount":0,"totalTwoDayShippingCartAddCount":0},
                     "purchaseData":{"totalPurchaseCount":%d,"totalPurchaseRate":0.01,"asinPurchaseCount":%d,"asinPurchaseShare":%s,
                      "totalMedianPurchasePrice":{"amount":%s,"currencyCode":"USD"},"asinMedianPurchasePrice":{"amount":%s,"currencyCode":"USD"},
                      "totalSameDayShippingPurchaseCount":0,"totalOneDayShippingPurchaseCount":0,"totalTwoDayShippingPurchaseCount":0}}
                    """.formatted(r.start(), r.end(), r.asin(), r.query(), r.totalImpressions() * 3,
                    r.totalImpressions(), r.asinImpressions(), share(r.asinImpressions(), r.totalImpressions()),
                    r.totalClicks(), r.asinClicks(), share(r.asinClicks(), r.totalClicks()), money(r.price()),
                    money(r.price()), r.totalCartAdds(), r.asinCartAdds(), share(r.asinCartAdds(), r.totalCartAdds()),
                    money(r.price()), money(r.price()), r.totalPurchases(), r.asinPurchases(),
                    share(r.asinPurchases(), r.totalPurchases()), money(r.price()), money(r.price())));
        }
        return """
                {"reportSpecification":{"reportType":"GET_BRAND_ANALYTICS_SEARCH_QUERY_PERFORMANCE_REPORT",
                  "reportOptions":{"reportPeriod":"%s","asin":"%s"},
                  "dataStartTime":"%s","dataEndTime":"%s","marketplaceIds":["ATVPDKIKX0DER"]},
                 "dataByAsin":[%s]}
                """.formatted(period, String.join(" ", asins), start, end, String.join(",", data));
    }

    /** Amazon's own example document, from the schema's `examples`. */
    static String amazonExample() {
        try {
            return Files.readString(Path.of("src/test/resources/analytics/amazon-example-report.json"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static String gzipBase64(String document) {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gzip = new GZIPOutputStream(bytes)) {
            gzip.write(document.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return Base64.getEncoder().encodeToString(bytes.toByteArray());
    }

    static byte[] gzip(String document) {
        return Base64.getDecoder().decode(gzipBase64(document));
    }

    private static String share(long part, long whole) {
        return whole == 0 ? "0" : String.format(Locale.ROOT, "%.4f", (double) part / whole);
    }

    private static String money(double amount) {
        return String.format(Locale.ROOT, "%.2f", amount);
    }
}
