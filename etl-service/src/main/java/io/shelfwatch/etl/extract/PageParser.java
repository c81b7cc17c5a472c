package io.shelfwatch.etl.extract;

import java.net.URI;

import org.jsoup.nodes.Document;

/** One way of reading product facts from a page; fills only fields still missing. */
public interface PageParser {

    /** The provenance recorded for each field this parser gives. */
    String name();

    void parse(Document page, URI url, ParsedProduct into);
}
