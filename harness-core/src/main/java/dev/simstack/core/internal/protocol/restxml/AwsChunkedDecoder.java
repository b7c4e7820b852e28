package dev.simstack.core.internal.protocol.restxml;

import io.netty.buffer.ByteBuf;
import io.netty.handler.codec.http.HttpHeaders;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;

/**
 * Decodes S3's {@code aws-chunked} content encoding, the SDK's default upload framing since 2.30, as the
 * bytes arrive: {@code hex-size[;chunk-signature=sig]\r\n data \r\n}, repeated, ending with a zero-size
 * chunk and then optional trailers ({@code x-amz-checksum-crc32:...}, {@code x-amz-trailer-signature:...})
 * and an empty line. Fed piece by piece (a piece may split a header line or a chunk anywhere), it hands
 * the content to a {@link Sink} without holding it. Chunk signatures are not verified (signatures never
 * are; see the architecture log). A framing error is S3's {@code IncompleteBody} / {@code InvalidRequest},
 * kept as {@link #error()}; once there is one, the rest of the input is ignored.
 */
public final class AwsChunkedDecoder {

    /** A header line longer than this is not aws-chunked framing. */
    private static final int MAX_LINE = 4096;

    /** Receives the decoded content. */
    @FunctionalInterface
    public interface Sink {
        /** Takes {@code length} readable bytes of {@code buffer} from {@code index}; must not keep the buffer. */
        void accept(ByteBuf buffer, int index, int length) throws IOException;
    }

    private enum State { SIZE, DATA, DATA_END, TRAILERS, DONE }

    private final Sink sink;
    private final Map<String, String> trailers = new LinkedHashMap<>();
    private final ByteArrayOutputStream line = new ByteArrayOutputStream(128);
    private State state = State.SIZE;
    private long remainingInChunk;
    private RestXmlError error;

    public AwsChunkedDecoder(Sink sink) {
        this.sink = sink;
    }

    /** True if S3 takes a body with these headers as aws-chunked: the encoding or the payload hash says so. */
    public static boolean isAwsChunked(HttpHeaders headers) {
        String encoding = headers.get("Content-Encoding");
        String sha256 = headers.get("x-amz-content-sha256");
        return (encoding != null && encoding.contains("aws-chunked")) || (sha256 != null && sha256.startsWith("STREAMING-"));
    }

    /** Decodes the readable bytes of {@code input} (without consuming them). */
    public void feed(ByteBuf input) throws IOException {
        int at = input.readerIndex();
        int end = input.writerIndex();
        while (at < end && error == null && state != State.DONE) {
            if (state == State.DATA) {
                int take = (int) Math.min(end - at, remainingInChunk);
                sink.accept(input, at, take);
                at += take;
                remainingInChunk -= take;
                if (remainingInChunk == 0) {
                    state = State.DATA_END;
                }
            } else {
                int newline = input.indexOf(at, end, (byte) '\n');
                int stop = newline < 0 ? end : newline;
                if (line.size() + (stop - at) > MAX_LINE) {
                    fail(new RestXmlError("InvalidRequest", 400, "The aws-chunked body has a header line over "
                            + MAX_LINE + " bytes."));
                    return;
                }
                input.getBytes(at, line, stop - at);
                at = stop;
                if (newline >= 0) {
                    at++;
                    endOfLine(takeLine());
                }
            }
        }
    }

    /** The input has ended: anything but a complete final chunk is an error. */
    public void finish() {
        if (error != null || state == State.DONE) {
            return;
        }
        switch (state) {
            case TRAILERS -> {
                // A last trailer without its CRLF, or no closing empty line: taken as the end.
                String last = takeLine();
                if (!last.isEmpty()) {
                    trailer(last);
                }
                if (error == null) {
                    state = State.DONE;
                }
            }
            case DATA, DATA_END -> fail(incomplete("the body ended inside a chunk"));
            default -> fail(incomplete("the body ended before its final zero-size chunk"));
        }
    }

    /** The trailers, lower-cased names; complete once {@link #finish()} was called. */
    public Map<String, String> trailers() {
        return trailers;
    }

    /** The framing error, or null. */
    public RestXmlError error() {
        return error;
    }

    private void endOfLine(String text) {
        switch (state) {
            case SIZE -> {
                remainingInChunk = chunkSize(text);
                if (error == null) {
                    state = remainingInChunk == 0 ? State.TRAILERS : State.DATA;
                }
            }
            case DATA_END -> {
                if (text.isEmpty()) {
                    state = State.SIZE;
                } else {
                    fail(incomplete("a chunk is longer or shorter than its declared size"));
                }
            }
            case TRAILERS -> {
                if (text.isEmpty()) {
                    state = State.DONE;
                } else {
                    trailer(text);
                }
            }
            default -> throw new IllegalStateException(state.name());
        }
    }

    private long chunkSize(String text) {
        int semicolon = text.indexOf(';');
        String hex = (semicolon < 0 ? text : text.substring(0, semicolon)).trim();
        try {
            long size = Long.parseLong(hex, 16);
            if (size >= 0) {
                return size;
            }
        } catch (NumberFormatException e) {
            // falls through
        }
        fail(new RestXmlError("InvalidRequest", 400, "The aws-chunked body has a malformed chunk header '"
                + abbreviate(text) + "'."));
        return -1;
    }

    private void trailer(String text) {
        int colon = text.indexOf(':');
        if (colon <= 0) {
            fail(new RestXmlError("InvalidRequest", 400, "The aws-chunked body has a malformed trailer '"
                    + abbreviate(text) + "'."));
            return;
        }
        trailers.put(text.substring(0, colon).trim().toLowerCase(Locale.ROOT), text.substring(colon + 1).trim());
    }

    /** The line collected so far without a trailing CR; the collector is emptied. */
    private String takeLine() {
        String text = line.toString(StandardCharsets.ISO_8859_1);
        line.reset();
        return text.endsWith("\r") ? text.substring(0, text.length() - 1) : text;
    }

    private void fail(RestXmlError failure) {
        if (error == null) {
            error = failure;
        }
    }

    private static RestXmlError incomplete(String why) {
        return new RestXmlError("IncompleteBody", 400,
                "You did not provide the number of bytes specified by the Content-Length HTTP header: " + why + ".");
    }

    private static String abbreviate(String text) {
        return text.length() <= 64 ? text : text.substring(0, 64) + "...";
    }
}
