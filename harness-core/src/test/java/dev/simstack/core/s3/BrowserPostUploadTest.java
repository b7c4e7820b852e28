package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.HeadObjectResponse;

/** PostObject: an HTML form's multipart/form-data upload, as browsers send it with a POST policy. */
class BrowserPostUploadTest {

    private static final String BOUNDARY = "----formboundary7MA4YWxk";

    private Stack stack;
    private S3Client s3;

    @BeforeEach
    void start() {
        stack = S3TestSupport.stack();
        s3 = S3TestSupport.client(stack);
        s3.createBucket(b -> b.bucket("forms"));
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    private static byte[] form(Map<String, String> fields, String filename, byte[] file) {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        fields.forEach((name, value) -> body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\""
                + name + "\"\r\n\r\n" + value + "\r\n").getBytes(StandardCharsets.UTF_8)));
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + filename
                + "\"\r\nContent-Type: application/octet-stream\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(file);
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    private RawHttp.Answer post(byte[] body) throws Exception {
        return RawHttp.send(stack.port(), "POST", "/forms", Map.of("Content-Type", "multipart/form-data; boundary="
                + BOUNDARY), body);
    }

    @Test
    void a_form_upload_stores_the_file_under_the_key_with_its_fields() throws Exception {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("key", "uploads/${filename}");
        fields.put("Content-Type", "image/png");
        fields.put("x-amz-meta-uploader", "browser");
        fields.put("policy", "ignored-base64-policy");
        fields.put("x-amz-signature", "ignored");
        // Binary content that contains a CR LF and dashes, which must not end the part early.
        byte[] file = "PNG\r\n--not-the-boundary\r\n\u0000end".getBytes(StandardCharsets.ISO_8859_1);
        RawHttp.Answer answer = post(form(fields, "pic.png", file));
        assertThat(answer.status()).isEqualTo(204);
        assertThat(answer.headers()).containsKey("etag").containsKey("location");

        HeadObjectResponse head = s3.headObject(h -> h.bucket("forms").key("uploads/pic.png"));
        assertThat(head.contentType()).isEqualTo("image/png");
        assertThat(head.metadata()).containsEntry("uploader", "browser");
        assertThat(s3.getObjectAsBytes(g -> g.bucket("forms").key("uploads/pic.png")).asByteArray()).isEqualTo(file);
    }

    @Test
    void success_action_status_201_answers_a_post_response_document() throws Exception {
        RawHttp.Answer answer = post(form(Map.of("key", "doc.txt", "success_action_status", "201"), "doc.txt",
                "hello".getBytes(StandardCharsets.UTF_8)));
        assertThat(answer.status()).isEqualTo(201);
        assertThat(answer.body()).contains("<PostResponse").contains("<Key>doc.txt</Key>")
                .contains("<ETag>&quot;5d41402abc4b2a76b9719d911017c592&quot;</ETag>"); // escaped, as S3 writes it
    }

    @Test
    void a_form_without_a_key_or_a_file_is_rejected() throws Exception {
        RawHttp.Answer noKey = post(form(Map.of(), "x.txt", new byte[] {1}));
        assertThat(noKey.status()).isEqualTo(400);
        assertThat(noKey.body()).contains("<Code>InvalidArgument</Code>").contains("key");
        byte[] noFile = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"key\"\r\n\r\nk\r\n--" + BOUNDARY
                + "--\r\n").getBytes(StandardCharsets.UTF_8);
        assertThat(post(noFile).body()).contains("<Code>InvalidArgument</Code>");
        assertThat(post("garbage".getBytes(StandardCharsets.UTF_8)).status()).isEqualTo(400);
    }
}
