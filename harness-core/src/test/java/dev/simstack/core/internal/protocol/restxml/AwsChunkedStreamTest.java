package dev.simstack.core.internal.protocol.restxml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import org.junit.jupiter.api.Test;

/** Decoding of aws-chunked framing, signed and unsigned, with and without trailers. */
class AwsChunkedStreamTest {

    private static AwsChunkedStream stream(String wire) {
        return new AwsChunkedStream(new ByteArrayInputStream(wire.getBytes(StandardCharsets.ISO_8859_1)));
    }

    @Test
    void signed_chunks_with_a_trailer_decode_to_the_data_and_the_trailer() throws IOException {
        AwsChunkedStream in = stream("5;chunk-signature=aa\r\nhello\r\n6;chunk-signature=bb\r\n world\r\n"
                + "0;chunk-signature=cc\r\nx-amz-checksum-crc32:DUoRhQ==\r\nx-amz-trailer-signature:dd\r\n\r\n");
        assertThat(new String(in.readAllBytes(), StandardCharsets.UTF_8)).isEqualTo("hello world");
        assertThat(in.trailers()).containsEntry("x-amz-checksum-crc32", "DUoRhQ==");
    }

    @Test
    void a_body_that_stops_inside_a_chunk_is_incomplete() {
        assertThatThrownBy(() -> stream("a\r\nshort").readAllBytes()).isInstanceOfSatisfying(RestXmlError.class,
                e -> assertThat(e.code()).isEqualTo("IncompleteBody"));
        assertThatThrownBy(() -> stream("3\r\nabcdef\r\n0\r\n\r\n").readAllBytes())
                .isInstanceOfSatisfying(RestXmlError.class, e -> assertThat(e.code()).isEqualTo("IncompleteBody"));
        assertThatThrownBy(() -> stream("3\r\nabc\r\n").readAllBytes()).isInstanceOf(RestXmlError.class);
    }

    @Property(tries = 50)
    void any_chunking_of_any_bytes_decodes_to_those_bytes(@ForAll @Size(max = 3000) byte[] data,
            @ForAll @IntRange(min = 1, max = 700) int chunk) throws IOException {
        StringBuilder wire = new StringBuilder();
        String text = new String(data, StandardCharsets.ISO_8859_1);
        for (int at = 0; at < text.length(); at += chunk) {
            String piece = text.substring(at, Math.min(text.length(), at + chunk));
            wire.append(Integer.toHexString(piece.length())).append("\r\n").append(piece).append("\r\n");
        }
        wire.append("0\r\n\r\n");
        assertThat(stream(wire.toString()).readAllBytes()).isEqualTo(data);
    }
}
