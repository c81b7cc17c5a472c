package io.shelfwatch.connector.mapping;

import java.math.BigDecimal;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.Charset;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads Amazon's tab-separated FBA inventory report (`GET_FBA_MYI_ALL_INVENTORY_DATA`): a header
 * line of column names (`sku`, `fnsku`, `asin`, `product-name`, `condition`, `your-price`,
 * `afn-fulfillable-quantity`, …), then one line per SKU. Amazon serves European reports in
 * UTF-8 or Windows-1252; both are read. Writes the same rows as RFC 4180 CSV.
 */
public final class InventoryReportParser {

    /** One line of the report: every column by Amazon's name, and the ones stored as typed columns. */
    public record InventoryRow(int lineNumber, Map<String, String> columns) {

        public String text(String column) {
            String value = columns.get(column);
            return value == null || value.isBlank() ? null : value.trim();
        }

        public Integer integer(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return new BigDecimal(value).intValue();
            } catch (NumberFormatException e) {
                return null;
            }
        }

        public BigDecimal decimal(String column) {
            String value = text(column);
            if (value == null) {
                return null;
            }
            try {
                return new BigDecimal(value.replace(',', '.'));
            } catch (NumberFormatException e) {
                return null;
            }
        }
    }

    public record Parsed(List<String> header, List<InventoryRow> rows) {
    }

    private InventoryReportParser() {
    }

    public static Parsed parse(byte[] document) {
        String text = decode(document);
        if (text.startsWith("\uFEFF")) {
            text = text.substring(1);
        }
        String[] lines = text.split("\r\n|\n|\r");
        List<String> header = new ArrayList<>();
        List<InventoryRow> rows = new ArrayList<>();
        int lineNumber = 0;
        for (String line : lines) {
            lineNumber++;
            if (line.isBlank()) {
                continue;
            }
            String[] fields = line.split("\t", -1);
            if (header.isEmpty()) {
                for (String name : fields) {
                    header.add(name.trim().toLowerCase(java.util.Locale.ROOT));
                }
                continue;
            }
            Map<String, String> columns = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                columns.put(header.get(i), i < fields.length ? fields[i] : "");
            }
            rows.add(new InventoryRow(lineNumber, columns));
        }
        return new Parsed(header, rows);
    }

    public static String csv(Parsed parsed) {
        StringBuilder out = new StringBuilder();
        line(out, parsed.header());
        for (InventoryRow row : parsed.rows()) {
            List<String> values = new ArrayList<>(parsed.header().size());
            for (String column : parsed.header()) {
                values.add(row.columns().getOrDefault(column, ""));
            }
            line(out, values);
        }
        return out.toString();
    }

    private static String decode(byte[] document) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(document)).toString();
        } catch (CharacterCodingException e) {
            return new String(document, Charset.forName("windows-1252"));
        }
    }

    /** RFC 4180: fields with a comma, quote or line break are quoted, quotes doubled. */
    private static void line(StringBuilder out, List<String> fields) {
        for (int i = 0; i < fields.size(); i++) {
            if (i > 0) {
                out.append(',');
            }
            String field = fields.get(i) == null ? "" : fields.get(i);
            if (field.indexOf(',') >= 0 || field.indexOf('"') >= 0 || field.indexOf('\n') >= 0
                    || field.indexOf('\r') >= 0) {
                out.append('"').append(field.replace("\"", "\"\"")).append('"');
            } else {
                out.append(field);
            }
        }
        out.append("\r\n");
    }
}
