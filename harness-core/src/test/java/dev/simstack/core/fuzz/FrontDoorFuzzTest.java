package dev.simstack.core.fuzz;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.fuzz.AwsAnswers.Protocol;
import dev.simstack.core.fuzz.Mangling.JsonKind;
import dev.simstack.core.fuzz.Mangling.JsonMutation;
import dev.simstack.core.fuzz.Mangling.QueryKind;
import dev.simstack.core.fuzz.Mangling.QueryMutation;
import dev.simstack.core.fuzz.RawHttp.Answer;
import java.io.IOException;
import java.net.Socket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.Example;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.constraints.Size;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.BeforeContainer;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Random, mangled and truncated requests against one running stack, over raw sockets and {@code java.net.http}.
 * Whatever arrives, the front door answers (or, for bytes that are not HTTP, closes) within the timeout, never
 * with a 5xx, every 4xx in the AWS error shape of the request's protocol; and what valid requests stored before
 * the fuzz run is still there, unchanged, after it.
 *
 * <p>The stack runs on a clock scaled 100 times, so that a fuzzed long poll or delay (at most 20 s and 15 min of
 * virtual time) ends within the per-request timeout.
 */
class FrontDoorFuzzTest {

    private static final String AUTH = "AWS4-HMAC-SHA256 Credential=AKID/20260101/us-east-1/sqs/aws4_request, "
            + "SignedHeaders=host;x-amz-date, Signature=0";
    private static final int CANARIES = 20;
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private static Stack stack;
    private static HttpClient http;
    private static SqsRequests requests;
    /** What valid requests stored in the canary queue before the fuzz: message id to body and attributes. */
    private static final Map<String, Canary> CANARIES_SENT = new HashMap<>();

    record Canary(String body, Map<String, String> stringAttributes, byte[] binary) {
    }

    @BeforeContainer
    static void start() throws Exception {
        stack = StackConfig.defaults().withSeed(17).withClock(ClockSpec.scaled(100))
                .withQueue(QueueSpec.named("canary"))
                .withQueue(QueueSpec.named("fuzz"))
                .withQueue(QueueSpec.named("fuzz.fifo"))
                .start();
        http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).connectTimeout(Duration.ofSeconds(5))
                .build();
        requests = new SqsRequests(MAPPER, stack.queue("fuzz").url(), stack.queue("fuzz.fifo").url(),
                stack.endpoint() + "/000000000000/not-there", stack.queue("fuzz").arn(),
                stack.queue("fuzz.fifo").arn());
        sendCanaries();
    }

    @AfterContainer
    static void after_the_fuzz_run_stored_messages_are_intact_and_the_sdk_still_works() {
        if (stack == null) {
            return;
        }
        try (SqsClient sqs = sdk()) {
            String url = stack.queue("canary").url();
            assertThat(stack.ledger().entries(LedgerEntry.Message.class)).as("canary messages lost during the fuzz")
                    .filteredOn(e -> e.queue().equals(stack.queue("canary").ref()))
                    .filteredOn(e -> e.kind() != LedgerEntry.MessageEvent.SENT)
                    .isEmpty();
            Map<String, Message> received = new HashMap<>();
            for (int i = 0; i < 50 && received.size() < CANARIES; i++) {
                for (Message m : sqs.receiveMessage(r -> r.queueUrl(url).maxNumberOfMessages(10).waitTimeSeconds(1)
                        .messageAttributeNames("All")).messages()) {
                    received.put(m.messageId(), m);
                    sqs.deleteMessage(r -> r.queueUrl(url).receiptHandle(m.receiptHandle()));
                }
            }
            assertThat(received.keySet()).as("canary message ids").isEqualTo(CANARIES_SENT.keySet());
            received.forEach((id, m) -> {
                Canary sent = CANARIES_SENT.get(id);
                assertThat(m.body()).as("body of canary %s", id).isEqualTo(sent.body());
                Map<String, String> strings = new HashMap<>();
                m.messageAttributes().forEach((name, value) -> {
                    if (value.binaryValue() != null) {
                        assertThat(value.binaryValue().asByteArray()).as("binary attribute of %s", id)
                                .isEqualTo(sent.binary());
                    } else {
                        strings.put(name, value.dataType() + ":" + value.stringValue());
                    }
                });
                assertThat(strings).as("attributes of canary %s", id).isEqualTo(sent.stringAttributes());
            });

            String roundTrip = "after the fuzz " + stack.seed();
            sqs.sendMessage(r -> r.queueUrl(url).messageBody(roundTrip)
                    .messageAttributes(Map.of("k", MessageAttributeValue.builder().dataType("String").stringValue("v")
                            .build())));
            List<String> bodies = new ArrayList<>();
            for (int i = 0; i < 20 && bodies.isEmpty(); i++) {
                sqs.receiveMessage(r -> r.queueUrl(url).waitTimeSeconds(1).messageAttributeNames("All")).messages()
                        .forEach(m -> bodies.add(m.body()));
            }
            assertThat(bodies).containsExactly(roundTrip);
            assertThat(sqs.getQueueAttributes(r -> r.queueUrl(url)
                    .attributeNames(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES)).attributes())
                    .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "0");
        } finally {
            stack.close();
        }
    }

    // ---- properties ------------------------------------------------------------------------------------------

    @Property(tries = 300)
    void random_bytes_on_the_socket_never_get_a_server_error_or_a_hang(
            @ForAll @Size(max = 2048) byte[] bytes, @ForAll @IntRange(max = 2) int preamble) throws IOException {
        String prefix = switch (preamble) {
            case 0 -> "";
            case 1 -> "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\n";
            default -> "POST / HTTP/1.1\r\nHost: 127.0.0.1\r\nX-Amz-Target: AmazonSQS.SendMessage\r\nContent-Length: "
                    + bytes.length + "\r\n\r\n";
        };
        byte[] request = concat(prefix.getBytes(StandardCharsets.US_ASCII), bytes);
        Answer answer = RawHttp.exchange(stack.port(), request, true);
        if (!answer.closed()) {
            AwsAnswers.assertNoServerError(answer.status(), answer.bodyText(), RawHttp.describe(request));
        }
    }

    @Property(tries = 600)
    void mangled_json_requests_get_a_json_answer_and_never_a_server_error(
            @ForAll("jsonOperations") String operation, @ForAll int queuePick,
            @ForAll("jsonMutations") List<JsonMutation> mutations, @ForAll("cuts") Integer cut) throws Exception {
        ObjectNode input = requests.json(operation, queuePick);
        Mangling.apply(input, mutations);
        byte[] body = Mangling.truncate(MAPPER.writeValueAsBytes(input), cut);
        String what = "AmazonSQS." + operation + " " + mutations + (cut == null ? "" : " cut at " + cut);
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(root())
                .header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "AmazonSQS." + operation)
                .header("X-Amz-Date", "20260101T000000Z")
                .header("Authorization", AUTH)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), what);
        AwsAnswers.assertWellFormed(Protocol.JSON, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""),
                response.headers().firstValue("x-amzn-query-error").orElse(null),
                response.headers().firstValue("x-amzn-RequestId").orElse(null), response.body(), true, what);
    }

    @Property(tries = 500)
    void mangled_query_requests_get_a_query_xml_answer_and_never_a_server_error(
            @ForAll("queryActions") String action, @ForAll int queuePick,
            @ForAll("queryMutations") List<QueryMutation> mutations, @ForAll("cuts") Integer cut) throws Exception {
        String form = Mangling.form(requests.query(action, queuePick), mutations);
        byte[] body = Mangling.truncate(form.getBytes(StandardCharsets.UTF_8), cut);
        String what = "Query " + action + " " + mutations + (cut == null ? "" : " cut at " + cut) + ": "
                + AwsAnswers.abbreviate(new String(body, StandardCharsets.UTF_8));
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(root())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                .header("X-Amz-Date", "20260101T000000Z")
                .header("Authorization", AUTH)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body)), what);
        AwsAnswers.assertWellFormed(Protocol.QUERY, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), null,
                response.headers().firstValue("x-amzn-RequestId").orElse(null), response.body(), true, what);
    }

    /**
     * A body shorter than its Content-Length, then end of stream. (The front door's idle limit, 120 s, is too long
     * to wait for in a test run, so the request's end is signalled by a half-close rather than by silence.)
     */
    @Property(tries = 100)
    void a_body_cut_short_of_its_content_length_is_answered_or_closed_not_left_hanging(
            @ForAll boolean json, @ForAll @IntRange(min = 0, max = 10_000) int keep) throws IOException {
        byte[] body = json ? "{\"QueueNamePrefix\":\"fuzz\",\"MaxResults\":10}".getBytes(StandardCharsets.UTF_8)
                : "Action=ListQueues&Version=2012-11-05&QueueNamePrefix=fuzz".getBytes(StandardCharsets.UTF_8);
        byte[] request = RawHttp.request("POST / HTTP/1.1", headers(json, body.length),
                java.util.Arrays.copyOf(body, keep % body.length));
        Answer answer = RawHttp.exchange(stack.port(), request, true);
        if (!answer.closed()) {
            AwsAnswers.assertNoServerError(answer.status(), answer.bodyText(), RawHttp.describe(request));
        }
    }

    @Property(tries = 20)
    void requests_stalled_mid_body_do_not_keep_other_clients_from_being_answered(
            @ForAll @IntRange(min = 1, max = 4) int stalled) throws Exception {
        byte[] body = "{\"QueueNamePrefix\":\"fuzz\"}".getBytes(StandardCharsets.UTF_8);
        List<Socket> sockets = new ArrayList<>();
        try {
            for (int i = 0; i < stalled; i++) {
                Socket socket = new Socket("127.0.0.1", stack.port());
                sockets.add(socket);
                socket.getOutputStream().write(RawHttp.request("POST / HTTP/1.1", headers(true, body.length + 100),
                        body));
                socket.getOutputStream().flush();
            }
            HttpResponse<byte[]> response = send(jsonRequest("ListQueues", "{}"), "ListQueues beside stalled requests");
            assertThat(response.statusCode()).isEqualTo(200);
        } finally {
            for (Socket socket : sockets) {
                socket.close();
            }
        }
    }

    @Property(tries = 300)
    void garbage_headers_never_get_a_server_error_and_valid_ones_keep_the_aws_error_shape(
            @ForAll boolean json, @ForAll("headerMutations") List<Tuple.Tuple2<HeaderKind, Integer>> mutations)
            throws IOException {
        byte[] body = json ? "{\"QueueNamePrefix\":\"fuzz\"}".getBytes(StandardCharsets.UTF_8)
                : "Action=ListQueues&Version=2012-11-05&QueueNamePrefix=fuzz".getBytes(StandardCharsets.UTF_8);
        List<String> headers = new ArrayList<>(headers(json, body.length));
        String requestLine = "POST / HTTP/1.1";
        boolean httpValid = true;
        for (Tuple.Tuple2<HeaderKind, Integer> mutation : mutations) {
            HeaderKind kind = mutation.get1();
            int v = Math.abs(mutation.get2());
            httpValid &= kind.httpValid;
            switch (kind) {
                case EXTRA -> headers.add(2, "X-Fuzz-" + Integer.toString(v, 36) + ": " + "value " + v + " ~!@#$%^&*()");
                case TARGET -> replace(headers, "X-Amz-Target", List.of("AmazonSQS", "AmazonSQS.", ".", "AmazonSQS.Nope",
                        "AmazonSQS.ListQueues.Extra", "DynamoDB_20120810.ListTables", "amazonsqs.listqueues", "",
                        "AmazonSQS.SendMessage").get(v % 9));
                case CONTENT_TYPE -> replace(headers, "Content-Type", List.of("", "text/plain", "application/json",
                        "application/x-amz-json-1.1", "application/x-www-form-urlencoded; charset=latin1",
                        "multipart/form-data; boundary=x", "*/*").get(v % 7));
                case AUTHORIZATION -> replace(headers, "Authorization", List.of("", "AWS4-HMAC-SHA256",
                        "AWS4-HMAC-SHA256 Credential=", "AWS4-HMAC-SHA256 Credential=AKID",
                        "AWS4-HMAC-SHA256 Credential=AKID/20260101/not-a-region/sqs/aws4_request",
                        "AWS4-HMAC-SHA256 Credential=AKID/20260101/eu-west-1/dynamodb/aws4_request",
                        "AWS4-HMAC-SHA256 Credential=/////", "Bearer token", "Credential=a,Credential=b").get(v % 9));
                case DROP_HOST -> headers.removeIf(h -> h.startsWith("Host:"));
                case HTTP_1_0 -> requestLine = "POST / HTTP/1.0";
                case CONTENT_ENCODING -> headers.add(2, "Content-Encoding: " + List.of("gzip", "br", "aws-chunked",
                        "identity").get(v % 4));
                case EXPECT_CONTINUE -> headers.add(2, "Expect: 100-continue");
                case CONNECTION -> headers.add(2, "Connection: " + List.of("close", "keep-alive", "Upgrade, HTTP2-Settings")
                        .get(v % 3));
                case INVALID_NAME -> headers.add(2, List.of("Bad Header: x", "X-Ünï: y", "(): z", ": empty name")
                        .get(v % 4));
                case NON_ASCII_VALUE -> headers.add(2, "X-Amz-Meta: caf\u00e9 \u00ff\u0080");
                case NO_COLON -> headers.add(2, "JustAWordWithoutColon");
                case HUGE_VALUE -> headers.add(2, "X-Huge: " + "h".repeat(8_000 + v % 20_000));
                case FOLDED -> headers.add(2, " folded continuation line");
                case CONFLICTING_LENGTH -> headers.add(2, "Content-Length: " + (body.length + 1 + v % 10));
                case CHUNKED_AND_LENGTH -> headers.add(2, "Transfer-Encoding: chunked");
                case EXPECT_GARBAGE -> headers.add(2, "Expect: " + List.of("200-ok", "", "100-continue, x").get(v % 3));
                case CONTROL_CHARS -> headers.add(2, "X-Ctl: a\u0001b\u007fc");
                default -> throw new IllegalStateException();
            }
        }
        byte[] request = RawHttp.request(requestLine, headers, body);
        String what = RawHttp.describe(request) + " with headers " + headers.stream()
                .map(h -> AwsAnswers.abbreviate(h)).toList();
        Answer answer = RawHttp.exchange(stack.port(), request, false);
        if (!httpValid) {
            if (!answer.closed()) {
                AwsAnswers.assertNoServerError(answer.status(), answer.bodyText(), what);
            }
            return;
        }
        assertThat(answer.closed()).as("closed without an answer: %s", what).isFalse();
        Protocol protocol = protocolOf(headers);
        boolean fromSqs = headers.stream().anyMatch(h -> h.startsWith("X-Amz-Target: AmazonSQS."));
        // A request that is neither JSON nor Query is S3's (REST-XML), whose request id header is x-amz-request-id.
        String requestId = answer.header("x-amzn-RequestId") != null ? answer.header("x-amzn-RequestId")
                : answer.header("x-amz-request-id");
        AwsAnswers.assertWellFormed(protocol, answer.status(), String.valueOf(answer.header("Content-Type")),
                answer.header("x-amzn-query-error"), requestId, answer.body(), fromSqs, what);
    }

    @Example
    void a_valid_json_request_after_all_that_still_succeeds() throws Exception {
        HttpResponse<byte[]> response = send(jsonRequest("GetQueueUrl", "{\"QueueName\":\"canary\"}"), "GetQueueUrl");
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(MAPPER.readTree(response.body()).path("QueueUrl").asText()).isEqualTo(stack.queue("canary").url());
    }

    // The fuzz found these; pinned here so they do not depend on the random sample.

    @Example
    void a_credential_scope_of_only_slashes_still_gets_an_answer() throws IOException {
        for (String credential : List.of("/", "/////")) {
            List<String> headers = headers(true, 2);
            replace(headers, "Authorization", "AWS4-HMAC-SHA256 Credential=" + credential);
            byte[] request = RawHttp.request("POST / HTTP/1.1", headers, "{}".getBytes(StandardCharsets.UTF_8));
            Answer answer = RawHttp.exchange(stack.port(), request, false);
            assertThat(answer.closed()).as("closed without an answer for Credential=%s", credential).isFalse();
            AwsAnswers.assertWellFormed(Protocol.JSON, answer.status(), answer.header("Content-Type"),
                    answer.header("x-amzn-query-error"), answer.header("x-amzn-RequestId"), answer.body(), true,
                    "Credential=" + credential);
        }
    }

    @Example
    void a_query_error_quoting_a_control_character_is_still_well_formed_xml() throws Exception {
        String what = "Action=S%00endMessage";
        HttpResponse<byte[]> response = send(HttpRequest.newBuilder(root())
                .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8").header("Authorization", AUTH)
                .POST(HttpRequest.BodyPublishers.ofString(what + "&Version=2012-11-05")), what);
        AwsAnswers.assertWellFormed(Protocol.QUERY, response.statusCode(),
                response.headers().firstValue("Content-Type").orElse(""), null,
                response.headers().firstValue("x-amzn-RequestId").orElse(null), response.body(), true, what);
    }

    @Example
    void differing_content_lengths_are_refused_in_http_1_0_too() throws IOException {
        byte[] body = "Action=ListQueues&Version=2012-11-05".getBytes(StandardCharsets.UTF_8);
        List<String> headers = new ArrayList<>(headers(false, body.length + 3));
        headers.add("Content-Length: " + body.length);
        byte[] request = RawHttp.request("POST / HTTP/1.0", headers, body);
        Answer answer = RawHttp.exchange(stack.port(), request, false);
        if (!answer.closed()) {
            assertThat(answer.status()).as("status for two differing Content-Length headers").isEqualTo(400);
        }
    }

    // ---- generators ------------------------------------------------------------------------------------------

    @Provide
    Arbitrary<String> jsonOperations() {
        return Arbitraries.of(SqsRequests.JSON_OPERATIONS);
    }

    @Provide
    Arbitrary<String> queryActions() {
        return Arbitraries.of(SqsRequests.QUERY_ACTIONS);
    }

    @Provide
    Arbitrary<List<JsonMutation>> jsonMutations() {
        Arbitrary<JsonKind> kinds = Arbitraries.frequencyOf(Tuple.of(8, Arbitraries.just(JsonKind.DELETE)),
                Tuple.of(2, Arbitraries.just(JsonKind.TO_STRING)), Tuple.of(2, Arbitraries.just(JsonKind.TO_NUMBER)),
                Tuple.of(2, Arbitraries.just(JsonKind.TO_OBJECT)), Tuple.of(2, Arbitraries.just(JsonKind.TO_ARRAY)),
                Tuple.of(2, Arbitraries.just(JsonKind.TO_NULL)), Tuple.of(2, Arbitraries.just(JsonKind.TO_BOOLEAN)),
                Tuple.of(1, Arbitraries.just(JsonKind.OVERSIZE)));
        return Combinators.combine(kinds, Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, Integer.MAX_VALUE)).as(JsonMutation::new).list().ofMaxSize(3);
    }

    @Provide
    Arbitrary<List<QueryMutation>> queryMutations() {
        Arbitrary<QueryKind> kinds = Arbitraries.frequencyOf(Tuple.of(4, Arbitraries.just(QueryKind.DROP)),
                Tuple.of(4, Arbitraries.just(QueryKind.BAD_INDEX)), Tuple.of(4, Arbitraries.just(QueryKind.MANGLE_KEY)),
                Tuple.of(2, Arbitraries.just(QueryKind.DUPLICATE)), Tuple.of(4, Arbitraries.just(QueryKind.BAD_PERCENT)),
                Tuple.of(2, Arbitraries.just(QueryKind.EMPTY_VALUE)), Tuple.of(2, Arbitraries.just(QueryKind.NO_EQUALS)),
                Tuple.of(1, Arbitraries.just(QueryKind.OVERSIZE)), Tuple.of(2, Arbitraries.just(QueryKind.RANDOM_PARAM)));
        return Combinators.combine(kinds, Arbitraries.integers().between(0, 1000),
                Arbitraries.integers().between(0, Integer.MAX_VALUE)).as(QueryMutation::new).list().ofMaxSize(3);
    }

    /** Where to cut a body, or null (most of the time) to keep it whole. */
    @Provide
    Arbitrary<Integer> cuts() {
        return Arbitraries.integers().between(0, Integer.MAX_VALUE).injectNull(0.8);
    }

    enum HeaderKind {
        EXTRA(true), TARGET(true), CONTENT_TYPE(true), AUTHORIZATION(true), DROP_HOST(true), HTTP_1_0(true),
        CONTENT_ENCODING(true), EXPECT_CONTINUE(true), CONNECTION(true),
        INVALID_NAME(false), NON_ASCII_VALUE(false), NO_COLON(false), HUGE_VALUE(false), FOLDED(false),
        CONFLICTING_LENGTH(false), CHUNKED_AND_LENGTH(false), EXPECT_GARBAGE(false), CONTROL_CHARS(false);

        /** Whether a request with it is still well-formed HTTP/1.1, so that it must get an AWS-shaped answer. */
        final boolean httpValid;

        HeaderKind(boolean httpValid) {
            this.httpValid = httpValid;
        }
    }

    @Provide
    Arbitrary<List<Tuple.Tuple2<HeaderKind, Integer>>> headerMutations() {
        return Combinators.combine(Arbitraries.of(HeaderKind.class), Arbitraries.integers().between(0, 100_000))
                .as(Tuple::of).list().ofMinSize(1).ofMaxSize(4);
    }

    // ---- helpers ---------------------------------------------------------------------------------------------

    private static URI root() {
        return URI.create(stack.endpoint() + "/");
    }

    private static HttpRequest.Builder jsonRequest(String operation, String body) {
        return HttpRequest.newBuilder(root()).header("Content-Type", "application/x-amz-json-1.0")
                .header("X-Amz-Target", "AmazonSQS." + operation).header("Authorization", AUTH)
                .POST(HttpRequest.BodyPublishers.ofString(body));
    }

    /** Sends with the per-request timeout; no answer in time, or a connection closed unanswered, fails. */
    private static HttpResponse<byte[]> send(HttpRequest.Builder request, String what) throws InterruptedException {
        try {
            return http.send(request.timeout(Duration.ofMillis(RawHttp.TIMEOUT_MILLIS)).build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (HttpTimeoutException e) {
            throw new RawHttp.Hung(what);
        } catch (IOException e) {
            throw new AssertionError("the server closed the connection without answering " + what + ": " + e, e);
        }
    }

    private static List<String> headers(boolean json, int contentLength) {
        List<String> headers = new ArrayList<>();
        headers.add("Host: " + stack.endpoint().getAuthority());
        headers.add("X-Amz-Date: 20260101T000000Z");
        headers.add("Authorization: " + AUTH);
        if (json) {
            headers.add("Content-Type: application/x-amz-json-1.0");
            headers.add("X-Amz-Target: AmazonSQS.ListQueues");
        } else {
            headers.add("Content-Type: application/x-www-form-urlencoded; charset=utf-8");
        }
        headers.add("Content-Length: " + contentLength);
        return headers;
    }

    private static void replace(List<String> headers, String name, String value) {
        headers.removeIf(h -> h.startsWith(name + ":"));
        headers.add(1, name + ": " + value);
    }

    /** The protocol the request speaks as the router sees it: X-Amz-Target, else a form body, else none. */
    private static Protocol protocolOf(List<String> headers) {
        for (String header : headers) {
            if (header.startsWith("X-Amz-Target:")) {
                return Protocol.JSON;
            }
        }
        for (String header : headers) {
            if (header.toLowerCase().startsWith("content-type: application/x-www-form-urlencoded")) {
                return Protocol.QUERY;
            }
        }
        return Protocol.NONE;
    }

    private static byte[] concat(byte[] a, byte[] b) {
        byte[] all = new byte[a.length + b.length];
        System.arraycopy(a, 0, all, 0, a.length);
        System.arraycopy(b, 0, all, a.length, b.length);
        return all;
    }

    /** Valid SendMessage requests, half over JSON and half over Query, whose messages must survive the fuzz. */
    private static void sendCanaries() throws Exception {
        byte[] binary = {9, 8, 7, 0, (byte) 0xAB};
        String b64 = java.util.Base64.getEncoder().encodeToString(binary);
        String url = stack.queue("canary").url();
        for (int i = 0; i < CANARIES; i++) {
            String body = "canary " + i + " <&> ünï \ud83d\udc26";
            Map<String, String> strings = Map.of("s", "String:value " + i, "n", "Number:" + i);
            HttpResponse<byte[]> response;
            if (i % 2 == 0) {
                ObjectNode in = MAPPER.createObjectNode().put("QueueUrl", url).put("MessageBody", body);
                ObjectNode attributes = in.putObject("MessageAttributes");
                attributes.putObject("s").put("DataType", "String").put("StringValue", "value " + i);
                attributes.putObject("n").put("DataType", "Number").put("StringValue", Integer.toString(i));
                attributes.putObject("b").put("DataType", "Binary").put("BinaryValue", b64);
                response = send(jsonRequest("SendMessage", MAPPER.writeValueAsString(in)), "canary SendMessage");
                assertThat(response.statusCode()).as("canary send: %s", new String(response.body(),
                        StandardCharsets.UTF_8)).isEqualTo(200);
                CANARIES_SENT.put(MAPPER.readTree(response.body()).path("MessageId").asText(),
                        new Canary(body, strings, binary));
            } else {
                List<String[]> params = List.of(new String[] {"Action", "SendMessage"},
                        new String[] {"Version", "2012-11-05"}, new String[] {"QueueUrl", url},
                        new String[] {"MessageBody", body},
                        new String[] {"MessageAttribute.1.Name", "s"},
                        new String[] {"MessageAttribute.1.Value.DataType", "String"},
                        new String[] {"MessageAttribute.1.Value.StringValue", "value " + i},
                        new String[] {"MessageAttribute.2.Name", "n"},
                        new String[] {"MessageAttribute.2.Value.DataType", "Number"},
                        new String[] {"MessageAttribute.2.Value.StringValue", Integer.toString(i)},
                        new String[] {"MessageAttribute.3.Name", "b"},
                        new String[] {"MessageAttribute.3.Value.DataType", "Binary"},
                        new String[] {"MessageAttribute.3.Value.BinaryValue", b64});
                response = send(HttpRequest.newBuilder(root())
                        .header("Content-Type", "application/x-www-form-urlencoded; charset=utf-8")
                        .header("Authorization", AUTH)
                        .POST(HttpRequest.BodyPublishers.ofString(Mangling.form(params, List.of()))),
                        "canary Query SendMessage");
                String xml = new String(response.body(), StandardCharsets.UTF_8);
                assertThat(response.statusCode()).as("canary send: %s", xml).isEqualTo(200);
                String id = xml.replaceAll("(?s).*<MessageId>([^<]*)</MessageId>.*", "$1");
                CANARIES_SENT.put(id, new Canary(body, strings, binary));
            }
        }
        assertThat(CANARIES_SENT).hasSize(CANARIES);
    }

    private static SqsClient sdk() {
        return SqsClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("AKID", "secret")))
                .httpClient(ApacheHttpClient.builder().build())
                .build();
    }
}
