package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.S3Configuration;
import software.amazon.awssdk.services.s3.presigner.S3Presigner;

/**
 * Presigned GET and PUT URLs used by a plain HTTP client, valid for X-Amz-Expires seconds from X-Amz-Date
 * on the stack's clock. The presigner signs with wall time, so this stack's manual clock starts at the
 * wall time of the test rather than at ClockSpec.manual()'s fixed instant.
 */
class PresignedUrlTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private Stack stack;
    private S3Client s3;
    private S3Presigner presigner;

    @BeforeEach
    void start() {
        stack = StackConfig.defaults().withClock(ClockSpec.manual(Instant.now().truncatedTo(ChronoUnit.SECONDS)))
                .withSeed(1).start();
        s3 = S3TestSupport.client(stack);
        presigner = S3Presigner.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(S3TestSupport.CREDENTIALS)
                .serviceConfiguration(S3Configuration.builder().pathStyleAccessEnabled(true).build()).build();
        s3.createBucket(b -> b.bucket("shared"));
    }

    @AfterEach
    void stop() {
        presigner.close();
        s3.close();
        stack.close();
    }

    private URI presignedGet(String key, Duration validity) {
        return URI.create(presigner.presignGetObject(p -> p.signatureDuration(validity)
                .getObjectRequest(g -> g.bucket("shared").key(key))).url().toString());
    }

    @Test
    void a_presigned_get_works_until_it_expires() throws Exception {
        s3.putObject(p -> p.bucket("shared").key("report.csv"), S3TestSupport.text("a,b\n1,2\n"));
        URI url = presignedGet("report.csv", Duration.ofMinutes(10));

        HttpResponse<String> fresh = http.send(HttpRequest.newBuilder(url).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(fresh.statusCode()).isEqualTo(200);
        assertThat(fresh.body()).isEqualTo("a,b\n1,2\n");

        stack.clock().advance(Duration.ofMinutes(11));
        HttpResponse<String> expired = http.send(HttpRequest.newBuilder(url).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(expired.statusCode()).isEqualTo(403);
        assertThat(expired.body()).contains("<Code>AccessDenied</Code>").contains("Request has expired");
    }

    @Test
    void a_presigned_put_uploads_with_a_plain_http_client() throws Exception {
        URI url = URI.create(presigner.presignPutObject(p -> p.signatureDuration(Duration.ofMinutes(5))
                .putObjectRequest(r -> r.bucket("shared").key("upload.txt"))).url().toString());
        HttpResponse<String> put = http.send(HttpRequest.newBuilder(url)
                .PUT(HttpRequest.BodyPublishers.ofString("uploaded by a browser")).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(put.statusCode()).isEqualTo(200);
        assertThat(put.headers().firstValue("ETag")).isPresent();
        assertThat(s3.getObjectAsBytes(g -> g.bucket("shared").key("upload.txt")).asUtf8String())
                .isEqualTo("uploaded by a browser");

        stack.clock().advance(Duration.ofMinutes(6));
        HttpResponse<String> late = http.send(HttpRequest.newBuilder(url)
                .PUT(HttpRequest.BodyPublishers.ofString("too late")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(late.statusCode()).isEqualTo(403);
        assertThat(s3.getObjectAsBytes(g -> g.bucket("shared").key("upload.txt")).asUtf8String())
                .isEqualTo("uploaded by a browser");
    }

    @Test
    void an_expiry_over_a_week_is_refused() throws Exception {
        s3.putObject(p -> p.bucket("shared").key("k"), S3TestSupport.text("x"));
        String url = presignedGet("k", Duration.ofMinutes(1)).toString().replaceAll("X-Amz-Expires=\\d+",
                "X-Amz-Expires=604801");
        HttpResponse<String> answer = http.send(HttpRequest.newBuilder(URI.create(url)).build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(answer.statusCode()).isEqualTo(400);
        assertThat(answer.body()).contains("AuthorizationQueryParametersError");
    }
}
