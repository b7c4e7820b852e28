package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.Random;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * An upload's body is spooled and hashed as its bytes arrive, one network read at a time, on the event loop
 * that reads it: a large upload in progress keeps no other connection waiting, and still ends whole, with
 * the MD5 of all its bytes as its ETag. (Copies, which read or write a whole object in one call, run on
 * the stack's workers: {@link LongOperationsOffLoopTest}.)
 */
class UploadInProgressTest {

    private static final int SIZE = 32 * 1024 * 1024;

    @Test
    void a_large_upload_half_sent_holds_up_no_other_connection_and_ends_whole() throws Exception {
        // The presigner signs with wall time, so the stack's clock starts at it.
        try (Stack stack = StackConfig.defaults()
                .withClock(ClockSpec.manual(Instant.now().truncatedTo(ChronoUnit.SECONDS))).withSeed(1).start();
                S3Client s3 = S3TestSupport.client(stack);
                S3Presigner presigner = S3Presigner.builder().endpointOverride(stack.endpoint())
                        .region(Region.US_EAST_1).credentialsProvider(S3TestSupport.CREDENTIALS)
                        .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build())
                        .build()) {
            s3.createBucket(b -> b.bucket("media"));
            s3.putObject(p -> p.bucket("media").key("small"), RequestBody.fromString("frames"));
            URI url = URI.create(presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                    .putObjectRequest(r -> r.bucket("media").key("large"))).url().toString());
            byte[] content = new byte[SIZE];
            new Random(7).nextBytes(content);

            try (Socket upload = new Socket("127.0.0.1", stack.port())) {
                upload.setSoTimeout(30_000);
                OutputStream out = upload.getOutputStream();
                out.write(("PUT " + url.getRawPath() + "?" + url.getRawQuery() + " HTTP/1.1\r\nHost: "
                        + url.getRawAuthority() + "\r\nContent-Length: " + SIZE + "\r\nConnection: close\r\n\r\n")
                        .getBytes(StandardCharsets.US_ASCII));
                out.write(content, 0, SIZE / 2);
                out.flush();

                // Each client opens a connection of its own, and the event loops take new connections in turn,
                // so some of these land on the loop that is reading the upload.
                for (int client = 0; client < 4; client++) {
                    try (S3Client other = S3TestSupport.client(stack)) {
                        assertThat(other.getObjectAsBytes(g -> g.bucket("media").key("small")).asUtf8String())
                                .isEqualTo("frames");
                    }
                }
                InputStream in = upload.getInputStream();
                assertThat(in.available()).as("no answer to the upload before its last byte").isZero();

                out.write(content, SIZE / 2, SIZE - SIZE / 2);
                out.flush();
                assertThat(new String(in.readNBytes(12), StandardCharsets.US_ASCII)).isEqualTo("HTTP/1.1 200");
            }

            String md5 = HexFormat.of().formatHex(MessageDigest.getInstance("MD5").digest(content));
            assertThat(s3.headObject(h -> h.bucket("media").key("large")).eTag()).isEqualTo("\"" + md5 + "\"");
            assertThat(s3.getObjectAsBytes(g -> g.bucket("media").key("large")).asByteArray()).isEqualTo(content);
        }
    }
}
