package dev.simstack.core.internal.services.s3;

import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.PushbackInputStream;
import java.io.SequenceInputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an S3 browser-form upload ({@code multipart/form-data}): the form fields, in order, up to the
 * {@code file} field, whose content is then read as a stream (S3 requires the file to be the last field
 * and ignores anything after it), so a large file is not held in memory.
 */
final class FormUpload {

    private static final Pattern BOUNDARY = Pattern.compile("boundary=\"?([^\";]+)\"?");
    private static final Pattern NAME = Pattern.compile("\\bname=\"([^\"]*)\"");
    private static final Pattern FILENAME = Pattern.compile("\\bfilename=\"([^\"]*)\"");
    private static final int MAX_FIELD = 64 * 1024;

    private final PushbackInputStream in;
    private final byte[] delimiter;
    private final Map<String, String> fields = new LinkedHashMap<>();
    private String filename;

    private FormUpload(InputStream body, String boundary) {
        // A leading CRLF makes the first boundary look like every other one.
        this.in = new PushbackInputStream(new SequenceInputStream(new ByteArrayInputStream(new byte[] {'\r', '\n'}),
                body), 128);
        this.delimiter = ("\r\n--" + boundary).getBytes(StandardCharsets.ISO_8859_1);
    }

    /** Opens a form whose Content-Type is {@code contentType}; reads its fields up to the file. */
    static FormUpload open(String contentType, InputStream body) {
        Matcher boundary = contentType == null ? null : BOUNDARY.matcher(contentType);
        if (contentType == null || !contentType.toLowerCase(Locale.ROOT).startsWith("multipart/form-data")
                || !boundary.find()) {
            throw S3Errors.invalidArgument("POST requires exactly one file upload per request.", "file", "0");
        }
        FormUpload form = new FormUpload(body, boundary.group(1));
        try {
            form.readFields();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return form;
    }

    /** The fields before the file, lower-case names. */
    Map<String, String> fields() {
        return fields;
    }

    /** The file part's filename, for {@code ${filename}} in the key. */
    String filename() {
        return filename;
    }

    /** The file's bytes, ending at the boundary after them. */
    InputStream file() {
        return new PartStream();
    }

    private void readFields() throws IOException {
        skipPart(); // the preamble before the first boundary
        while (true) {
            if (!nextPart()) {
                throw S3Errors.invalidArgument("POST requires exactly one file upload per request.", "file", "0");
            }
            Map<String, String> headers = partHeaders();
            String disposition = headers.getOrDefault("content-disposition", "");
            Matcher name = NAME.matcher(disposition);
            if (!name.find()) {
                throw S3Errors.malformedPost("a form part has no name");
            }
            String field = name.group(1).toLowerCase(Locale.ROOT);
            if (field.equals("file")) {
                Matcher file = FILENAME.matcher(disposition);
                filename = file.find() ? file.group(1) : "";
                return;
            }
            fields.put(field, new String(new PartStream().readNBytes(MAX_FIELD), StandardCharsets.UTF_8));
        }
    }

    /** After a delimiter: true if a part follows, false at the closing {@code --}. */
    private boolean nextPart() throws IOException {
        int a = in.read();
        int b = in.read();
        if (a == '-' && b == '-') {
            return false;
        }
        if (a != '\r' || b != '\n') {
            throw S3Errors.malformedPost("a boundary is not followed by a line end");
        }
        return true;
    }

    private Map<String, String> partHeaders() throws IOException {
        Map<String, String> headers = new LinkedHashMap<>();
        String line;
        while (!(line = line()).isEmpty()) {
            int colon = line.indexOf(':');
            if (colon > 0) {
                headers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
            }
        }
        return headers;
    }

    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream();
        int b;
        while ((b = in.read()) != '\n') {
            if (b < 0 || line.size() > MAX_FIELD) {
                throw S3Errors.malformedPost("the form ended inside a part's headers");
            }
            if (b != '\r') {
                line.write(b);
            }
        }
        return line.toString(StandardCharsets.UTF_8);
    }

    private void skipPart() throws IOException {
        new PartStream().transferTo(java.io.OutputStream.nullOutputStream());
    }

    /** A part's content: bytes up to (and consuming) the next delimiter. */
    private final class PartStream extends InputStream {
        private boolean done;

        @Override
        public int read() throws IOException {
            if (done) {
                return -1;
            }
            int b = in.read();
            if (b < 0) {
                throw S3Errors.malformedPost("the form ended before its closing boundary");
            }
            if (b == delimiter[0] && matchesRest()) {
                done = true;
                return -1;
            }
            return b;
        }

        private boolean matchesRest() throws IOException {
            byte[] rest = new byte[delimiter.length - 1];
            int n = in.readNBytes(rest, 0, rest.length);
            for (int i = 0; i < n; i++) {
                if (rest[i] != delimiter[i + 1]) {
                    in.unread(rest, 0, n);
                    return false;
                }
            }
            if (n < rest.length) {
                in.unread(rest, 0, n);
                return false;
            }
            return true;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int count = 0;
            while (count < length) {
                int b = read();
                if (b < 0) {
                    return count == 0 ? -1 : count;
                }
                buffer[offset + count++] = (byte) b;
            }
            return count;
        }
    }
}
