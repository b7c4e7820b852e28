package dev.simstack.core.internal.services.s3.select;

import dev.simstack.core.internal.protocol.restxml.RestXmlError;
import dev.simstack.core.internal.protocol.restxml.XmlReader;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.apache.commons.compress.compressors.bzip2.BZip2CompressorInputStream;

/**
 * The request's InputSerialization: CSV or JSON (DOCUMENT or LINES), uncompressed, GZIP or BZIP2. Parquet is
 * refused by name.
 *
 * @param compression NONE, GZIP or BZIP2
 * @param csv the CSV settings, or null for JSON
 * @param jsonType DOCUMENT or LINES for JSON, else null
 */
record SelectInput(String compression, CsvFormat csv, String jsonType) {

    static SelectInput parse(XmlReader input) {
        if (input == null) {
            throw SelectErrors.of("MissingRequiredParameter", "The InputSerialization is missing.");
        }
        String compression = input.text("CompressionType");
        compression = compression == null || compression.isEmpty() ? "NONE" : compression.toUpperCase(Locale.ROOT);
        if (!compression.equals("NONE") && !compression.equals("GZIP") && !compression.equals("BZIP2")) {
            throw SelectErrors.of("InvalidCompressionFormat", "The file is not in a supported compression format."
                    + " Only GZIP and BZIP2 are supported.");
        }
        if (input.child("Parquet") != null) {
            throw new RestXmlError("NotImplemented", 501, "SimStack's S3 Select does not read Parquet input;"
                    + " store the data as CSV or JSON.");
        }
        XmlReader csv = input.child("CSV");
        if (csv != null) {
            return new SelectInput(compression, CsvFormat.parse(csv), null);
        }
        XmlReader json = input.child("JSON");
        if (json == null) {
            throw SelectErrors.of("InvalidDataSource", "The InputSerialization must be CSV, JSON or Parquet.");
        }
        String type = json.text("Type");
        type = type == null || type.isEmpty() ? "DOCUMENT" : type.toUpperCase(Locale.ROOT);
        if (!type.equals("DOCUMENT") && !type.equals("LINES")) {
            throw SelectErrors.of("InvalidJsonType", "The JsonType is invalid. Only DOCUMENT and LINES are"
                    + " supported.");
        }
        return new SelectInput(compression, null, type);
    }

    /** The object's bytes as stored, decompressed. */
    byte[] decompress(InputStream stored) {
        try (InputStream in = switch (compression) {
            case "GZIP" -> new GZIPInputStream(stored);
            case "BZIP2" -> new BZip2CompressorInputStream(stored, true);
            default -> stored;
        }) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw SelectErrors.of("InvalidCompressionFormat", "The object is not " + compression + " data: "
                    + e.getMessage());
        }
    }

    /** Each value of the decompressed object as a record (for JSON: each top-level value). */
    void read(byte[] data, Consumer<SelectRecord> csvRecords, Consumer<Object> jsonValues) {
        if (csv != null) {
            CsvInput.read(csv, utf8(data), csvRecords);
        } else {
            JsonText.read(new java.io.ByteArrayInputStream(data), jsonValues);
        }
    }

    private static String utf8(byte[] data) {
        try {
            return StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                    .onUnmappableCharacter(CodingErrorAction.REPORT).decode(ByteBuffer.wrap(data)).toString();
        } catch (CharacterCodingException e) {
            throw SelectErrors.of("InvalidTextEncoding", "UTF-8 encoding is required. The object holds bytes"
                    + " that are not UTF-8.");
        }
    }
}
