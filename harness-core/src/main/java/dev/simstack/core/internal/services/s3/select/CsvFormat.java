package dev.simstack.core.internal.services.s3.select;

import dev.simstack.core.internal.protocol.restxml.XmlReader;

/**
 * The CSV settings of an input or output serialization, with S3's defaults.
 *
 * @param fieldDelimiter between fields ({@code ,})
 * @param recordDelimiter between records ({@code \n}; on input a {@code \r} before it is dropped too)
 * @param quote the quote character ({@code "})
 * @param quoteEscape the character that escapes a quote inside a quoted field ({@code "})
 * @param comments lines starting with it are skipped (input only; null: none)
 * @param allowQuotedRecordDelimiter whether a quoted field may hold the record delimiter (input only)
 * @param fileHeaderInfo NONE, USE or IGNORE (input only)
 * @param quoteAlways whether every output field is quoted (QuoteFields ALWAYS) rather than as needed
 */
record CsvFormat(String fieldDelimiter, String recordDelimiter, char quote, char quoteEscape, String comments,
        boolean allowQuotedRecordDelimiter, String fileHeaderInfo, boolean quoteAlways) {

    static CsvFormat parse(XmlReader csv) {
        String header = text(csv, "FileHeaderInfo", "NONE").toUpperCase(java.util.Locale.ROOT);
        if (!header.equals("NONE") && !header.equals("USE") && !header.equals("IGNORE")) {
            throw SelectErrors.of("InvalidFileHeaderInfo", "The FileHeaderInfo is invalid. Only NONE, USE, and"
                    + " IGNORE are supported.");
        }
        String quoteFields = text(csv, "QuoteFields", "ASNEEDED").toUpperCase(java.util.Locale.ROOT);
        if (!quoteFields.equals("ASNEEDED") && !quoteFields.equals("ALWAYS")) {
            throw SelectErrors.of("InvalidQuoteFields", "The QuoteFields is invalid. Only ALWAYS and ASNEEDED are"
                    + " supported.");
        }
        String comments = csv.text("Comments");
        return new CsvFormat(text(csv, "FieldDelimiter", ","), text(csv, "RecordDelimiter", "\n"),
                character(csv, "QuoteCharacter"), character(csv, "QuoteEscapeCharacter"),
                comments == null || comments.isEmpty() ? null : comments,
                Boolean.parseBoolean(csv.text("AllowQuotedRecordDelimiter")), header, quoteFields.equals("ALWAYS"));
    }

    private static String text(XmlReader csv, String name, String absent) {
        String text = csv.text(name);
        return text == null || text.isEmpty() ? absent : text;
    }

    private static char character(XmlReader csv, String name) {
        String text = text(csv, name, "\"");
        if (text.length() != 1) {
            throw SelectErrors.of("InvalidRequestParameter", "The " + name + " must be one character.");
        }
        return text.charAt(0);
    }
}
