package dev.simstack.core.internal.protocol.restxml;

import java.io.BufferedInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes S3's {@code aws-chunked} content encoding, the SDK's default upload framing since 2.30:
 * {@code hex-size[;chunk-signature=sig]\r\n data \r\n}, repeated, ending with a zero-size chunk and then
 * optional trailers ({@code x-amz-checksum-crc32:...}, {@code x-amz-trailer-signature:...}) and an empty
 * line. Chunk signatures are not verified (signatures never are; see the architecture log). Framing
 * errors are S3's {@code IncompleteBody} / {@code InvalidRequest}.
 */
final class AwsChunkedStream extends InputStream {

    /** A header line longer than this is not aws-chunked framing. */
    private static final int MAX_LINE = 4096;

    private final InputStream in;
    private final Map<String, String> trailers = new LinkedHashMap<>();
    private long remainingInChunk;
    private boolean finished;

    AwsChunkedStream(InputStream in) {
        this.in = new BufferedInputStream(in, 64 * 1024);
    }

    /** The trailers, lower-cased names; complete once the stream has been read to its end. */
    Map<String, String> trailers() {
        return trailers;
    }

    @Override
    public int read() throws IOException {
        byte[] one = new byte[1];
        int n = read(one, 0, 1);
        return n < 0 ? -1 : one[0] & 0xFF;
    }

    @Override
    public int read(byte[] buffer, int offset, int length) throws IOException {
        if (finished) {
            return -1;
        }
        if (remainingInChunk == 0) {
            remainingInChunk = nextChunkSize();
            if (remainingInChunk == 0) {
                readTrailers();
                finished = true;
                return -1;
            }
        }
        int n = in.read(buffer, offset, (int) Math.min(length, remainingInChunk));
        if (n < 0) {
            throw incomplete("the body ended inside a chunk");
        }
        remainingInChunk -= n;
        if (remainingInChunk == 0) {
            expectLineEnd();
        }
        return n;
    }

    private long nextChunkSize() throws IOException {
        String line = line();
        if (line == null) {
            throw incomplete("the body ended before its final zero-size chunk");
        }
        int semicolon = line.indexOf(';');
        String hex = (semicolon < 0 ? line : line.substring(0, semicolon)).trim();
        try {
            long size = Long.parseLong(hex, 16);
            if (size < 0) {
                throw new NumberFormatException(hex);
            }
            return size;
        } catch (NumberFormatException e) {
            throw new RestXmlError("InvalidRequest", 400, "The aws-chunked body has a malformed chunk header '"
                    + abbreviate(line) + "'.");
        }
    }

    private void readTrailers() throws IOException {
        String line;
        while ((line = line()) != null && !line.isEmpty()) {
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new RestXmlError("InvalidRequest", 400, "The aws-chunked body has a malformed trailer '"
                        + abbreviate(line) + "'.");
            }
            trailers.put(line.substring(0, colon).trim().toLowerCase(Locale.ROOT), line.substring(colon + 1).trim());
        }
    }

    private void expectLineEnd() throws IOException {
        String rest = line();
        if (rest == null || !rest.isEmpty()) {
            throw incomplete("a chunk is longer or shorter than its declared size");
        }
    }

    /** The next CRLF-terminated line without its terminator, or null at the end of the stream. */
    private String line() throws IOException {
        ByteArrayOutputStream line = new ByteArrayOutputStream(64);
        int b;
        while ((b = in.read()) >= 0) {
            if (b == '\n') {
                byte[] bytes = line.toByteArray();
                int end = bytes.length > 0 && bytes[bytes.length - 1] == '\r' ? bytes.length - 1 : bytes.length;
                return new String(bytes, 0, end, StandardCharsets.ISO_8859_1);
            }
            if (line.size() >= MAX_LINE) {
                throw new RestXmlError("InvalidRequest", 400, "The aws-chunked body has a header line over "
                        + MAX_LINE + " bytes.");
            }
            line.write(b);
        }
        return line.size() == 0 ? null : line.toString(StandardCharsets.ISO_8859_1);
    }

    private static RestXmlError incomplete(String why) {
        return new RestXmlError("IncompleteBody", 400,
                "You did not provide the number of bytes specified by the Content-Length HTTP header: " + why + ".");
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }

    @Override
    public void close() throws IOException {
        in.close();
    }
}
