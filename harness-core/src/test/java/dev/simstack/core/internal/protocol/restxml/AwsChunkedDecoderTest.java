package dev.simstack.core.internal.protocol.restxml;

import static org.assertj.core.api.Assertions.assertThat;

import io.netty.buffer.Unpooled;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Decoding of aws-chunked framing, signed and unsigned, with and without trailers, fed in any pieces. */
class AwsChunkedDecoderTest {

    /** The content and decoder after feeding {@code wire} in pieces of {@code piece} bytes. */
    private record Decoded(byte[] content, AwsChunkedDecoder decoder) {
        String text() {
            return new String(content, StandardCharsets.ISO_8859_1);
        }

        String errorCode() {
            return decoder.error() == null ? null : decoder.error().code();
        }
    }

    private static Decoded decode(byte[] wire, int piece) throws IOException {
        ByteArrayOutputStream content = new ByteArrayOutputStream();
        AwsChunkedDecoder decoder = new AwsChunkedDecoder((buffer, index, length) -> buffer.getBytes(index, content, length));
        for (int at = 0; at < wire.length; at += piece) {
            decoder.feed(Unpooled.wrappedBuffer(Arrays.copyOfRange(wire, at, Math.min(wire.length, at + piece))));
        }
        decoder.finish();
        return new Decoded(content.toByteArray(), decoder);
    }

    private static Decoded decode(String wire) throws IOException {
        return decode(wire.getBytes(StandardCharsets.ISO_8859_1), Integer.MAX_VALUE);
    }

    @Test
    void signed_chunks_with_a_trailer_decode_to_the_data_and_the_trailer() throws IOException {
        String wire = "5;chunk-signature=aa\r\nhello\r\n6;chunk-signature=bb\r\n world\r\n"
                + "0;chunk-signature=cc\r\nx-amz-checksum-crc32:DUoRhQ==\r\nx-amz-trailer-signature:dd\r\n\r\n";
        for (int piece = 1; piece <= wire.length(); piece++) {
            Decoded decoded = decode(wire.getBytes(StandardCharsets.ISO_8859_1), piece);
            assertThat(decoded.text()).as("pieces of %d bytes", piece).isEqualTo("hello world");
            assertThat(decoded.decoder().trailers()).containsEntry("x-amz-checksum-crc32", "DUoRhQ==")
                    .containsEntry("x-amz-trailer-signature", "dd");
            assertThat(decoded.decoder().error()).isNull();
        }
    }

    @Test
    void a_body_that_stops_inside_a_chunk_or_before_the_last_chunk_is_incomplete() throws IOException {
        assertThat(decode("a\r\nshort").errorCode()).isEqualTo("IncompleteBody");
        assertThat(decode("3\r\nabcdef\r\n0\r\n\r\n").errorCode()).isEqualTo("IncompleteBody");
        assertThat(decode("3\r\nabc\r\n").errorCode()).isEqualTo("IncompleteBody");
        assertThat(decode("").errorCode()).isEqualTo("IncompleteBody");
    }

    @Test
    void malformed_headers_and_trailers_are_invalid_requests() throws IOException {
        assertThat(decode("zz\r\nabc\r\n0\r\n\r\n").errorCode()).isEqualTo("InvalidRequest");
        assertThat(decode("3\r\nabc\r\n0\r\nno-colon-here\r\n\r\n").errorCode()).isEqualTo("InvalidRequest");
        assertThat(decode("1".repeat(5000) + "\r\n").errorCode()).isEqualTo("InvalidRequest");
    }

    @Test
    void the_first_error_stops_decoding() throws IOException {
        Decoded decoded = decode("3\r\nabcXY\r\n3\r\ndef\r\n0\r\n\r\n");
        assertThat(decoded.errorCode()).isEqualTo("IncompleteBody");
        assertThat(decoded.text()).isEqualTo("abc");
    }

    @Test
    void a_last_trailer_without_its_closing_empty_line_is_taken() throws IOException {
        Decoded decoded = decode("3\r\nabc\r\n0\r\nx-amz-checksum-crc32:AAAA");
        assertThat(decoded.decoder().error()).isNull();
        assertThat(decoded.decoder().trailers()).containsEntry("x-amz-checksum-crc32", "AAAA");
    }

    @Property(tries = 60)
    void any_chunking_of_any_bytes_fed_in_any_pieces_decodes_to_those_bytes(@ForAll @Size(max = 3000) byte[] data,
            @ForAll @IntRange(min = 1, max = 700) int chunk, @ForAll @IntRange(min = 1, max = 800) int piece)
            throws IOException {
        StringBuilder wire = new StringBuilder();
        String text = new String(data, StandardCharsets.ISO_8859_1);
        for (int at = 0; at < text.length(); at += chunk) {
            String part = text.substring(at, Math.min(text.length(), at + chunk));
            wire.append(Integer.toHexString(part.length())).append(";chunk-signature=00\r\n").append(part).append("\r\n");
        }
        wire.append("0\r\nx-amz-checksum-crc32:Zm9v\r\n\r\n");
        Decoded decoded = decode(wire.toString().getBytes(StandardCharsets.ISO_8859_1), piece);
        assertThat(decoded.decoder().error()).isNull();
        assertThat(decoded.content()).isEqualTo(data);
        assertThat(decoded.decoder().trailers()).containsEntry("x-amz-checksum-crc32", "Zm9v");
    }
}
