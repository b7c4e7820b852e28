package dev.simstack.core.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.AwsService;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** What the one endpoint answers before any service reads a request, and how a stack lets go of it. */
class FrontDoorTest {

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private Stack stack;

    @BeforeEach
    void start() {
        stack = StackConfig.defaults().withSeed(1).start();
    }

    @AfterEach
    void stop() {
        stack.close();
    }

    private HttpResponse<String> post(String target, String contentType, String body) throws Exception {
        HttpRequest.Builder request = HttpRequest.newBuilder(stack.endpoint().resolve("/"))
                .timeout(Duration.ofSeconds(10))
                .header("Content-Type", contentType)
                .POST(HttpRequest.BodyPublishers.ofString(body));
        if (target != null) {
            request.header("X-Amz-Target", target);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void binds_loopback_on_an_ephemeral_port() {
        assertThat(stack.endpoint().getHost()).isEqualTo("127.0.0.1");
        assertThat(stack.port()).isPositive();
    }

    @Test
    void health_reports_each_service_in_localstacks_shape_too() throws Exception {
        for (String path : new String[] {"/_simstack/health", "/_localstack/health"}) {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(stack.endpoint().resolve(path)).build(),
                    HttpResponse.BodyHandlers.ofString());
            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.body()).contains("\"services\":{").contains("\"sqs\":\"running\"");
        }
    }

    @Test
    void an_unknown_json_target_gets_unknown_operation() throws Exception {
        HttpResponse<String> response = post("NoSuchService_2020.DoIt", "application/x-amz-json-1.0", "{}");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("UnknownOperationException").contains("NoSuchService_2020.DoIt");
    }

    @Test
    void a_body_that_is_not_json_gets_serialization_exception() throws Exception {
        HttpResponse<String> response = post("AmazonSQS.ListQueues", "application/x-amz-json-1.0", "{\"QueueNamePrefix\":");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("\"__type\":\"com.amazonaws.sqs#SerializationException\"");
        assertThat(response.headers().firstValue("x-amzn-query-error")).hasValue("SerializationException;Sender");
        assertThat(response.headers().firstValue("x-amzn-RequestId")).isPresent();
    }

    @Test
    void a_json_array_body_gets_serialization_exception() throws Exception {
        HttpResponse<String> response = post("AmazonSQS.ListQueues", "application/x-amz-json-1.0", "[1,2]");
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("must be a JSON object");
    }

    @Test
    void a_request_naming_no_service_gets_a_clear_400() throws Exception {
        // Signed for a service the stack lacks (unsigned REST requests are S3's, as anonymous S3 access is).
        HttpResponse<String> response = http.send(HttpRequest.newBuilder(stack.endpoint().resolve("/some/bucket/key"))
                .header("Authorization", "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/nosuchservice/aws4_request,"
                        + " SignedHeaders=host, Signature=0")
                .PUT(HttpRequest.BodyPublishers.ofString("x")).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(400);
        assertThat(response.body()).contains("<Code>UnsupportedService</Code>").contains("PUT /some/bucket/key");
    }

    @Test
    void garbage_on_the_socket_gets_400_and_a_closed_connection() throws IOException {
        try (Socket socket = new Socket("127.0.0.1", stack.port())) {
            socket.setSoTimeout(5000);
            OutputStream out = socket.getOutputStream();
            out.write("NOT HTTP AT ALL\r\n\r\n".getBytes(StandardCharsets.US_ASCII));
            out.flush();
            InputStream in = socket.getInputStream();
            String answer = new String(in.readAllBytes(), StandardCharsets.US_ASCII);
            assertThat(answer).startsWith("HTTP/1.1 400");
        }
    }

    @Test
    void every_request_is_in_the_ledger() throws Exception {
        post("AmazonSQS.ListQueues", "application/x-amz-json-1.0", "{\"QueueNamePrefix\":");
        assertThat(stack.ledger().entries(LedgerEntry.Request.class))
                .anySatisfy(entry -> {
                    assertThat(entry.service()).isEqualTo(AwsService.SQS);
                    assertThat(entry.status()).isEqualTo(400);
                    assertThat(entry.errorCode()).isEqualTo("SerializationException");
                    assertThat(entry.region()).isEqualTo("us-east-1");
                });
    }

    @Test
    void close_releases_the_port_and_every_thread() throws Exception {
        java.util.Set<Thread> before = Thread.getAllStackTraces().keySet();
        Stack own = StackConfig.defaults().start();
        int port = own.port();
        own.close();

        try (ServerSocket again = new ServerSocket(port, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            assertThat(again.getLocalPort()).isEqualTo(port);
        }
        assertThat(Thread.getAllStackTraces().keySet()).noneMatch(thread -> thread.isAlive()
                && !before.contains(thread) && thread.getName().startsWith("simstack-"));
        assertThat(own.isRunning()).isFalse();
        own.close(); // idempotent
    }

    @Test
    void stacks_are_isolated_from_each_other() {
        try (Stack other = StackConfig.defaults().withSeed(1).start()) {
            assertThat(other.port()).isNotEqualTo(stack.port());
            assertThat(other.ledger()).isNotSameAs(stack.ledger());
            assertThat(URI.create(other.endpoint().toString())).isNotEqualTo(stack.endpoint());
        }
    }
}
