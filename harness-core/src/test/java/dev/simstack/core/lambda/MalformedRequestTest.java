package dev.simstack.core.lambda;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.FunctionSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Raw requests the SDK would never send still get Lambda's errors, never an engine 5xx. */
class MalformedRequestTest {

    /** What a SigV4 header looks like to the router: only the credential scope is read. */
    private static final String SIGNED = "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/lambda/aws4_request, "
            + "SignedHeaders=host, Signature=0";
    private static Stack stack;
    private static final HttpClient HTTP = HttpClient.newHttpClient();

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(1)
                .withFunction(FunctionSpec.named("upper", Handlers.UpperCase.class)).start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    private static HttpResponse<String> send(String method, String path, String body, String... headers)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(stack.endpoint() + path))
                .header("Authorization", SIGNED)
                .method(method, HttpRequest.BodyPublishers.ofString(body));
        if (headers.length > 0) {
            request.headers(headers);
        }
        return HTTP.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void malformed_and_unknown_requests_get_4xx_with_an_error_type() throws Exception {
        HttpResponse<String> notJson = send("POST", "/2015-03-31/functions", "{oops");
        HttpResponse<String> notObject = send("POST", "/2015-03-31/functions", "[1]");
        HttpResponse<String> unknownPath = send("GET", "/2015-03-31/nothing-here", "");
        HttpResponse<String> badName = send("GET", "/2015-03-31/functions/bad%20name", "");
        HttpResponse<String> badType = send("POST", "/2015-03-31/functions/upper/invocations", "\"x\"",
                "X-Amz-Invocation-Type", "Sometimes");
        HttpResponse<String> badTimeout = send("PUT", "/2015-03-31/functions/upper/configuration",
                "{\"Timeout\":\"long\"}");

        assertThat(notJson.statusCode()).isEqualTo(400);
        assertThat(notJson.headers().firstValue("x-amzn-ErrorType")).hasValue("SerializationException");
        assertThat(notObject.statusCode()).isEqualTo(400);
        assertThat(unknownPath.statusCode()).isEqualTo(404);
        assertThat(unknownPath.headers().firstValue("x-amzn-ErrorType")).hasValue("UnknownOperationException");
        assertThat(badName.statusCode()).isEqualTo(400);
        assertThat(badName.headers().firstValue("x-amzn-ErrorType")).hasValue("InvalidParameterValueException");
        assertThat(badType.statusCode()).isEqualTo(400);
        assertThat(badType.body()).contains("invocationType");
        assertThat(badTimeout.statusCode()).isEqualTo(400);
        assertThat(stack.ledger().entries(LedgerEntry.Request.class)).allSatisfy(entry ->
                assertThat(entry.status()).isLessThan(500));
    }
}
