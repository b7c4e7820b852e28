package dev.simstack.core.internal.protocol.restxml;

import dev.simstack.core.internal.protocol.ContentDigests;
import dev.simstack.core.internal.protocol.HttpExchange;
import dev.simstack.core.internal.protocol.SpooledBody;
import io.netty.buffer.Unpooled;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * The body of a REST-XML request as the service sees it: with its {@code aws-chunked} framing removed
 * (that framing is transport, not content), its trailers (trailing checksums), and the length the client
 * declared for the decoded content. A body the front door spooled arrives decoded already, with its
 * digests; a body given whole (an in-process call) is decoded here.
 */
public final class RequestPayload {

    private final byte[] bytes;
    private final SpooledBody spooled;
    private final boolean chunked;
    private final long declaredLength;
    private Map<String, String> trailers = Map.of();

    private RequestPayload(byte[] bytes, SpooledBody spooled, boolean chunked, long declaredLength) {
        this.bytes = bytes;
        this.spooled = spooled;
        this.chunked = chunked;
        this.declaredLength = declaredLength;
    }

    static RequestPayload of(HttpExchange exchange) {
        boolean chunked = AwsChunkedDecoder.isAwsChunked(exchange.headers());
        long declared = exchange.spooled() != null ? exchange.spooled().length() : exchange.body().length;
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

    /** True if the request carried no content. */
    public boolean isEmpty() {
        return spooled != null ? spooled.length() == 0 : bytes.length == 0;
    }

    /** The decoded content from its start; S3's error if its aws-chunked framing was broken. */
    public InputStream open() {
        if (spooled != null) {
            throwFramingError();
            try {
                return spooled.open();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        if (!chunked) {
            return new ByteArrayInputStream(bytes);
        }
        ByteArrayOutputStream content = new ByteArrayOutputStream(bytes.length);
        AwsChunkedDecoder decoder = new AwsChunkedDecoder((buffer, index, length) -> buffer.getBytes(index, content, length));
        try {
            decoder.feed(Unpooled.wrappedBuffer(bytes));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        decoder.finish();
        if (decoder.error() != null) {
            throw decoder.error();
        }
        trailers = decoder.trailers();
        return new ByteArrayInputStream(content.toByteArray());
    }

    /** The whole decoded content in memory: for XML documents, which are small. */
    public byte[] readAll() {
        try (InputStream in = open()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The trailers after the last chunk (lower-case names); empty if not chunked (or, given whole, not read yet). */
    public Map<String, String> trailers() {
        return spooled != null ? spooled.trailers() : trailers;
    }

    /**
     * The spooled content handed over to the caller without a copy, or null if the body was given whole
     * (read it with {@link #open()}) or was handed over already; S3's error if its framing was broken.
     */
    public SpooledBody.Content claimSpooled() {
        if (spooled == null) {
            return null;
        }
        throwFramingError();
        return spooled.claim();
    }

    /** The digests computed while the body arrived, or null (not spooled, or not an upload). */
    public ContentDigests.Result digests() {
        return spooled == null ? null : spooled.digests();
    }

    private void throwFramingError() {
        if (spooled.framingError() != null) {
            throw spooled.framingError();
        }
    }
}
