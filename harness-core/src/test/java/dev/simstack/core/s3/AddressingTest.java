package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;

/**
 * Path-style and virtual-hosted addressing, and keys with any UTF-8, spaces, plus signs and slashes,
 * as S3 decodes them.
 */
class AddressingTest {

    private Stack stack;
    private S3Client s3;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("media"));
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    @Test
    void the_virtual_hosted_client_names_the_bucket_in_the_host() throws Exception {
        List<String> sent = new CopyOnWriteArrayList<>(); // Host and path, as the SDK sent them
        List<String> decoded = new CopyOnWriteArrayList<>(); // the bucket, as the engine read it
        try (Stack own = StackConfig.defaults().withClock(ClockSpec.manual())
                .withInterceptor((call, next) -> {
                    decoded.add(call.member("Bucket").orElse("-") + " "
                            + call.resource().map(ResourceRef::name).orElse("-"));
                    return next.proceed(call);
                }).start(); S3Client virtual = S3TestSupport.virtualHostClient(own, sent)) {
            virtual.createBucket(b -> b.bucket("vhost"));
            virtual.putObject(p -> p.bucket("vhost").key("k"), S3TestSupport.text("x"));
            assertThat(sent).containsExactly("vhost.localhost:" + own.port() + " /",
                    "vhost.localhost:" + own.port() + " /k");
            assertThat(decoded).containsExactly("vhost vhost", "vhost vhost");
        }
    }

    @Test
    void virtual_hosted_client_reads_what_a_path_style_client_wrote() {
        s3.putObject(p -> p.bucket("media").key("dir/file.txt"), S3TestSupport.text("both ways"));
        try (S3Client virtual = S3TestSupport.virtualHostClient(stack)) {
            assertThat(virtual.getObjectAsBytes(g -> g.bucket("media").key("dir/file.txt")).asUtf8String())
                    .isEqualTo("both ways");
            virtual.putObject(p -> p.bucket("media").key("from-virtual"), S3TestSupport.text("v"));
        }
        assertThat(s3.getObjectAsBytes(g -> g.bucket("media").key("from-virtual")).asUtf8String()).isEqualTo("v");
    }

    @Test
    void bucket_in_the_host_header_in_each_local_form() throws Exception {
        s3.putObject(p -> p.bucket("media").key("a b+c.txt"), S3TestSupport.text("spaced"));
        for (String host : new String[] {"media.localhost", "media.s3.localhost", "media.s3.us-east-1.localhost",
            "media.s3.amazonaws.com", "media.localhost.localstack.cloud"}) {
            RawHttp.Answer answer = RawHttp.send(stack.port(), "GET", "/a%20b+c.txt",
                    Map.of("Host", host + ":" + stack.port()), (byte[]) null);
            assertThat(answer.status()).as(host).isEqualTo(200);
            assertThat(answer.body()).as(host).isEqualTo("spaced");
        }
    }

    @Test
    void keys_with_any_utf8_and_reserved_characters_round_trip() {
        String[] keys = {"ünïcødé/日本語/😀.txt", "spaces in key", "plus+sign", "percent%20literal", "a//double/slash",
            "/leading-slash", "trailing/", "question?mark&amp=1", "tab\tand#hash"};
        for (String key : keys) {
            s3.putObject(p -> p.bucket("media").key(key), S3TestSupport.text(key));
        }
        for (String key : keys) {
            assertThat(s3.getObjectAsBytes(g -> g.bucket("media").key(key)).asUtf8String()).as(key).isEqualTo(key);
        }
        assertThat(s3.listObjectsV2(l -> l.bucket("media")).contents()).extracting(o -> o.key())
                .containsExactlyInAnyOrder(keys);
    }

    @Test
    void an_encoded_slash_in_the_path_is_part_of_the_key() throws Exception {
        s3.putObject(p -> p.bucket("media").key("x/y"), S3TestSupport.text("slashed"));
        RawHttp.Answer answer = RawHttp.send(stack.port(), "GET", "/media/" + URLEncoder.encode("x/y",
                StandardCharsets.UTF_8), Map.of(), (byte[]) null);
        assertThat(answer.body()).isEqualTo("slashed");
    }

    @Test
    void a_malformed_percent_escape_is_invalid_uri() throws Exception {
        RawHttp.Answer answer = RawHttp.send(stack.port(), "GET", "/media/bad%zzkey", Map.of(), (byte[]) null);
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("<Code>InvalidURI</Code>");
    }
}
