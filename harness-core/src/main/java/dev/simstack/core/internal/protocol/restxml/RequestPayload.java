package dev.simstack.core.internal.protocol.restxml;

import dev.simstack.core.internal.protocol.HttpExchange;
import dev.simstack.core.internal.protocol.SpooledBody;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Map;

/**
 * The body of a REST-XML request as the service sees it: with its {@code aws-chunked} framing removed
 * (that framing is transport, not content), its trailers (trailing checksums) available once read, and
 * the length the client declared for the decoded content. Reading happens in the service, so a large
 * body flows from the spool to its destination without being held in the heap.
 */
public final class RequestPayload {

    private final byte[] bytes;
    private final SpooledBody spooled;
    private final boolean chunked;
    private final long declaredLength;
    private AwsChunkedStream decoder;

    private RequestPayload(byte[] bytes, SpooledBody spooled, boolean chunked, long declaredLength) {
        this.bytes = bytes;
        this.spooled = spooled;
        this.chunked = chunked;
        this.declaredLength = declaredLength;
    }

    static RequestPayload of(HttpExchange exchange) {
        String encoding = exchange.headers().get("Content-Encoding");
        String sha256 = exchange.headers().get("x-amz-content-sha256");
        // S3 takes a body as aws-chunked if either the encoding or the payload hash says so.
        boolean chunked = (encoding != null && encoding.contains("aws-chunked"))
                || (sha256 != null && sha256.startsWith("STREAMING-"));
        long wire = exchange.spooled() != null ? exchange.spooled().length() : exchange.body().length;
        long declared = wire;
        if (chunked) {
            String decoded = exchange.headers().get("x-amz-decoded-content-length");
            declared = decoded == null ? -1 : parseLength(decoded);
        }
        return new RequestPayload(exchange.body(), exchange.spooled(), chunked, declared);
    }

    private static long parseLength(String text) {
        try {
            return Long.parseLong(text.trim());
        } catch (NumberFormatException e) {
            throw new RestXmlError("InvalidArgument", 400, "x-amz-decoded-content-length must be a number.")
                    .with("ArgumentName", "x-amz-decoded-content-length").with("ArgumentValue", text);
        }
    }

    /** True if the body came aws-chunked. */
    public boolean chunked() {
        return chunked;
    }

    /** The decoded length the client declared ({@code x-amz-decoded-content-length}), or -1 if unknown. */
    public long declaredLength() {
        return declaredLength;
    }

    /** True if the request had no body bytes at all. */
    public boolean isEmpty() {
        return (spooled != null ? spooled.length() : bytes.length) == 0;
    }

    /** The decoded content from its start. Only one decoded read per payload: trailers come from it. */
    public InputStream open() {
        InputStream raw;
        try {
            raw = spooled != null ? spooled.open() : new ByteArrayInputStream(bytes);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (!chunked) {
            return raw;
        }
        decoder = new AwsChunkedStream(raw);
        return decoder;
    }

    /** The whole decoded content in memory: for XML documents, which are small. */
    public byte[] readAll() {
        try (InputStream in = open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The trailers read after the last chunk (lower-case names); empty if not chunked or not read yet. */
    public Map<String, String> trailers() {
        return decoder == null ? Map.of() : decoder.trailers();
    }

    /**
     * The spool file holding the content, handed over to the caller, when the body is plain (not
     * aws-chunked) and was large enough to be spooled to disk; otherwise null.
     */
    public Path claimPlainFile() {
        return chunked || spooled == null ? null : spooled.claimFile();
    }
}
