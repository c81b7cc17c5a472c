package io.shelfwatch.etl.extract;

import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

import org.jsoup.Jsoup;

/**
 * Pages parsed per second from saved pages (no network), beside jsoup's bare parse of the same
 * pages: the ratio is what the extractor's parsers cost on top of building the DOM.
 * Usage: {@code ParseBench [dir-of-saved-.html-pages] [seconds-per-side]}; without a directory it
 * uses the test fixtures (JSON-LD, OpenGraph and Amazon pages). Prints one JSON line.
 */
public final class ParseBench {

    private ParseBench() {
    }

    public static void main(String[] args) throws IOException {
        List<String> pages = args.length > 0 && !args[0].isBlank() ? load(Path.of(args[0])) : fixtures();
        double seconds = args.length > 1 ? Double.parseDouble(args[1]) : 5;
        URI url = URI.create("https://www.example.com/dp/B08N5WRWNW");
        long bytes = pages.stream().mapToLong(p -> p.getBytes(StandardCharsets.UTF_8).length).sum();

        measure(pages, seconds / 3, html -> Jsoup.parse(html, url.toString()));
        measure(pages, seconds / 3, html -> ProductPageParser.parse(html, url));
        double bare = measure(pages, seconds, html -> Jsoup.parse(html, url.toString()));
        double full = measure(pages, seconds, html -> ProductPageParser.parse(html, url));
        System.out.printf(java.util.Locale.ROOT,
                "{\"pages\":%d,\"bytes\":%d,\"jsoup_parse_per_sec\":%.1f,\"extract_parse_per_sec\":%.1f,\"ratio\":%.3f}%n",
                pages.size(), bytes, bare, full, full / bare);
    }

    private static double measure(List<String> pages, double seconds, java.util.function.Consumer<String> parse) {
        long deadline = System.nanoTime() + (long) (seconds * 1e9);
        long start = System.nanoTime();
        long parsed = 0;
        while (System.nanoTime() < deadline) {
            for (String page : pages) {
                parse.accept(page);
                parsed++;
            }
        }
        return parsed / ((System.nanoTime() - start) / 1e9);
    }

    private static List<String> load(Path dir) throws IOException {
        List<String> pages = new ArrayList<>();
        try (Stream<Path> files = Files.list(dir)) {
            for (Path file : files.filter(f -> f.toString().endsWith(".html") || f.toString().endsWith(".htm")).sorted().toList()) {
                pages.add(Files.readString(file, StandardCharsets.UTF_8));
            }
        }
        if (pages.isEmpty()) {
            throw new IllegalArgumentException("no .html pages in " + dir);
        }
        return pages;
    }

    private static List<String> fixtures() {
        return List.of(Pages.jsonLd("Trail Tent 2P", "249.00", "USD", "InStock"),
                Pages.openGraphOnly("Glass Kettle", "34.50"),
                Pages.amazon("B08N5WRWNW", "Echo Dot (4th Gen) Smart speaker", "49.99"));
    }
}
