package dev.simstack.core.iam;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The raw Query answers of STS and IAM, as any client reads them: namespaces, result wrappers, error bodies. */
class QueryErrorBodyTest {

    private static Stack stack;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(19).start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static HttpResponse<String> post(String service, String form) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(stack.endpoint())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKIDTEST/20260101/us-east-1/" + service
                        + "/aws4_request, SignedHeaders=host, Signature=00")
                .POST(HttpRequest.BodyPublishers.ofString(form)).build();
        return HTTP.send(request, HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void get_caller_identity_answers_sts_xml() throws Exception {
        HttpResponse<String> response = post("sts", "Action=GetCallerIdentity&Version=2011-06-15");

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).startsWith("<?xml version=\"1.0\"?><GetCallerIdentityResponse"
                + " xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><GetCallerIdentityResult><UserId>000000000000"
                + "</UserId><Account>000000000000</Account><Arn>arn:aws:iam::000000000000:root</Arn>"
                + "</GetCallerIdentityResult>");
    }

    @Test
    void a_validation_error_is_an_xml_error_response_from_the_sender() throws Exception {
        HttpResponse<String> response = post("sts",
                "Action=AssumeRole&Version=2011-06-15&RoleArn=arn:aws:iam::000000000000:role/x&RoleSessionName=s1"
                        + "&DurationSeconds=43201");

        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).startsWith("<?xml version=\"1.0\"?><ErrorResponse"
                + " xmlns=\"https://sts.amazonaws.com/doc/2011-06-15/\"><Error><Type>Sender</Type>"
                + "<Code>ValidationError</Code><Message>1 validation error detected: Value '43201' at"
                + " 'durationSeconds' failed to satisfy constraint: Member must have value less than or equal to"
                + " 43200</Message><Detail/></Error><RequestId>");
    }

    @Test
    void iam_lists_wrap_their_elements_in_member_and_errors_carry_the_iam_namespace() throws Exception {
        HttpResponse<String> empty = post("iam", "Action=ListRoles&Version=2010-05-08");
        HttpResponse<String> missing = post("iam", "Action=GetRole&Version=2010-05-08&RoleName=ghost");

        assertThat(empty.body()).contains("<ListRolesResult><Roles></Roles><IsTruncated>false</IsTruncated>"
                + "</ListRolesResult>");
        assertThat(missing.statusCode()).isEqualTo(404);
        assertThat(missing.body()).contains("xmlns=\"https://iam.amazonaws.com/doc/2010-05-08/\"><Error><Type>Sender"
                + "</Type><Code>NoSuchEntity</Code><Message>The role with name ghost cannot be found.</Message>");
    }

    @Test
    void an_unsigned_query_request_is_still_sqs() throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(stack.endpoint() + "/?Action=ListQueues")).GET().build();

        HttpResponse<String> response = HTTP.send(request, HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("<ListQueuesResponse xmlns=\"http://queue.amazonaws.com/doc/2012-11-05/\">");
    }
}
