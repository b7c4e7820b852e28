package dev.simstack.core.s3;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.AwsService;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * S3's error document ({@code <Error><Code/><Message/>...<RequestId/><HostId/></Error>}), HEAD errors
 * without a body, and bad input answered with S3's errors, never a 5xx or a hang.
 */
class ErrorShapesTest {

    private Stack stack;

    @BeforeEach
    void start() throws Exception {
        stack = S3TestSupport.stack();
        RawHttp.send(stack.port(), "PUT", "/errors", Map.of(), "");
    }

    @AfterEach
    void stop() {
        stack.close();
    }

    @Test
    void no_such_key_names_the_key_and_the_request() throws Exception {
        RawHttp.Answer answer = RawHttp.send(stack.port(), "GET", "/errors/missing.txt", Map.of(), (byte[]) null);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.headers().get("content-type")).isEqualTo("application/xml");
        String requestId = answer.headers().get("x-amz-request-id");
        assertThat(answer.headers()).containsKey("x-amz-id-2");
        assertThat(answer.body()).startsWith("<?xml version=\"1.0\" encoding=\"UTF-8\"?>")
                .contains("<Error><Code>NoSuchKey</Code><Message>The specified key does not exist.</Message>"
                        + "<Key>missing.txt</Key><RequestId>" + requestId + "</RequestId>");
    }

    @Test
    void head_errors_carry_status_and_headers_but_no_body() throws Exception {
        RawHttp.Answer answer = RawHttp.send(stack.port(), "HEAD", "/errors/missing.txt", Map.of(), (byte[]) null);
        assertThat(answer.status()).isEqualTo(404);
        assertThat(answer.body()).isEmpty();
        assertThat(RawHttp.send(stack.port(), "HEAD", "/nobucket", Map.of(), (byte[]) null).status()).isEqualTo(404);
    }

    @Test
    void xml_that_does_not_parse_is_malformed_xml() throws Exception {
        for (String body : new String[] {"<Delete><Object><Key>a</Key>", "not xml", "<Wrong/>",
            "<?xml version=\"1.0\"?><!DOCTYPE x [<!ENTITY e \"boom\">]><Delete>&e;</Delete>"}) {
            RawHttp.Answer answer = RawHttp.send(stack.port(), "POST", "/errors?delete", Map.of(), body);
            assertThat(answer.status()).as(body).isEqualTo(400);
            assertThat(answer.body()).as(body).contains("<Code>MalformedXML</Code>");
        }
    }

    @Test
    void unsupported_methods_and_sub_resources_get_s3_errors() throws Exception {
        assertThat(RawHttp.send(stack.port(), "PATCH", "/errors/key", Map.of(), "").body())
                .contains("<Code>MethodNotAllowed</Code>");
        RawHttp.Answer website = RawHttp.send(stack.port(), "GET", "/errors?website", Map.of(), (byte[]) null);
        assertThat(website.status()).isEqualTo(501);
        assertThat(website.body()).contains("<Code>NotImplemented</Code>").contains("GetBucketWebsite");
    }

    @Test
    void an_upload_of_unknown_length_is_missing_content_length() throws Exception {
        RawHttp.Answer answer = RawHttp.send(stack.port(), "PUT", "/errors/streamed", Map.of("Transfer-Encoding",
                "chunked"), "5\r\nhello\r\n0\r\n\r\n");
        assertThat(answer.status()).isEqualTo(411);
        assertThat(answer.body()).contains("<Code>MissingContentLength</Code>");
    }

    @Test
    void a_bucket_owned_by_another_account_is_access_denied() throws Exception {
        RawHttp.Answer answer = RawHttp.send(stack.port(), "GET", "/errors?list-type=2",
                Map.of("x-amz-expected-bucket-owner", "111122223333"), (byte[]) null);
        assertThat(answer.status()).isEqualTo(403);
        assertThat(answer.body()).contains("<Code>AccessDenied</Code>");
        assertThat(RawHttp.send(stack.port(), "GET", "/errors?list-type=2", Map.of("x-amz-expected-bucket-owner",
                stack.accountId()), (byte[]) null).status()).isEqualTo(200);
    }

    @Test
    void a_head_that_fails_before_any_operation_still_sends_no_body_and_keeps_the_connection() throws Exception {
        java.net.http.HttpClient http = java.net.http.HttpClient.newHttpClient();
        // Not UTF-8 once decoded: S3 fails it (InvalidURI) before it knows the operation.
        java.net.URI bad = stack.endpoint().resolve("/errors/bad%FFkey");
        java.net.http.HttpResponse<String> head = http.send(java.net.http.HttpRequest.newBuilder(bad)
                .method("HEAD", java.net.http.HttpRequest.BodyPublishers.noBody()).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(head.statusCode()).isEqualTo(400);
        assertThat(head.body()).isEmpty();
        java.net.http.HttpResponse<String> next = http.send(java.net.http.HttpRequest.newBuilder(stack.endpoint()
                .resolve("/errors?list-type=2")).build(), java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(next.statusCode()).isEqualTo(200);
        assertThat(next.body()).contains("<ListBucketResult");
    }

    @Test
    void s3_requests_are_in_the_ledger_with_their_operation() throws Exception {
        RawHttp.send(stack.port(), "GET", "/errors/missing.txt", Map.of(), (byte[]) null);
        assertThat(stack.ledger().entries(LedgerEntry.Request.class)).anySatisfy(entry -> {
            assertThat(entry.service()).isEqualTo(AwsService.S3);
            assertThat(entry.operation()).isEqualTo("GetObject");
            assertThat(entry.protocol()).isEqualTo("rest-xml");
            assertThat(entry.errorCode()).isEqualTo("NoSuchKey");
        });
    }
}
