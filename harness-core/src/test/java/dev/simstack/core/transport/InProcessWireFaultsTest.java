package dev.simstack.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.BucketSpec;
import dev.simstack.core.CallResult;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.TableSpec;
import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.core.ResponseInputStream;
import software.amazon.awssdk.core.client.config.ClientOverrideConfiguration;
import software.amazon.awssdk.core.exception.SdkClientException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Wire faults act on the in-process transport as on the socket: a reset is an I/O failure the SDK retries, a
 * dropped connection lasts until the SDK's attempt timeout and is then retried, a truncated body ends early.
 * Each rule runs through both transports, with the same outcome.
 */
class InProcessWireFaultsTest {

    private static final ClientOverrideConfiguration ONE_ATTEMPT = ClientOverrideConfiguration.builder()
            .retryStrategy(r -> r.maxAttempts(1)).build();
    private static final ClientOverrideConfiguration RETRYING = ClientOverrideConfiguration.builder()
            .retryStrategy(r -> r.maxAttempts(3)).apiCallAttemptTimeout(Duration.ofMillis(500)).build();

    @ParameterizedTest
    @EnumSource(Transport.class)
    void a_reset_is_an_io_failure_the_sdk_retries(Transport transport) {
        try (Stack stack = Stack.start(stackFaulting("GetQueueUrl", 1, result -> CallResult.connectionReset()))) {
            SqsClient once = transport.client(SqsClient.builder(), stack, ONE_ATTEMPT);
            assertThatThrownBy(() -> once.getQueueUrl(b -> b.queueName("orders")))
                    .isInstanceOf(SdkClientException.class).hasRootCauseInstanceOf(java.net.SocketException.class);

            SqsClient retrying = transport.client(SqsClient.builder(), stack, RETRYING);
            assertThat(retrying.getQueueUrl(b -> b.queueName("orders")).queueUrl()).endsWith("/orders");
            assertThat(statuses(stack, "GetQueueUrl")).containsExactly(0, 200);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void a_closed_stack_refuses_connections(Transport transport) {
        Stack stack = Stack.start(stackFaulting("None", 0, result -> result));
        SqsClient sqs = transport.client(SqsClient.builder(), stack, ONE_ATTEMPT);
        stack.close();

        assertThatThrownBy(() -> sqs.listQueues()).isInstanceOf(SdkClientException.class)
                .hasRootCauseInstanceOf(java.net.ConnectException.class);
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void a_dropped_connection_lasts_until_the_attempt_timeout_then_is_retried(Transport transport) {
        try (Stack stack = Stack.start(stackFaulting("GetQueueUrl", 1, result -> CallResult.noAnswer()))) {
            SqsClient retrying = transport.client(SqsClient.builder(), stack, RETRYING);

            assertThat(retrying.getQueueUrl(b -> b.queueName("orders")).queueUrl()).endsWith("/orders");
            assertThat(statuses(stack, "GetQueueUrl")).containsExactly(0, 200);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void a_truncated_answer_fails_its_attempt_and_is_retried(Transport transport) {
        try (Stack stack = Stack.start(stackFaulting("GetItem", 1, result -> result.truncated(0.5)))) {
            DynamoDbClient once = transport.client(DynamoDbClient.builder(), stack, ONE_ATTEMPT);
            once.putItem(b -> b.tableName("orders").item(Map.of("pk", AttributeValue.fromS("o-1"))));
            assertThatThrownBy(() -> once.getItem(b -> b.tableName("orders")
                    .key(Map.of("pk", AttributeValue.fromS("o-1"))))).isInstanceOf(SdkClientException.class);

            DynamoDbClient retrying = transport.client(DynamoDbClient.builder(), stack, RETRYING);
            assertThat(retrying.getItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS("o-1"))))
                    .item()).containsKey("pk");
            assertThat(statuses(stack, "GetItem")).containsExactly(200, 200);
        }
    }

    @ParameterizedTest
    @EnumSource(Transport.class)
    void a_truncated_object_body_ends_before_its_length_while_read(Transport transport) throws IOException {
        try (Stack stack = Stack.start(stackFaulting("GetObject", 1, result -> result.truncated(0.25)))) {
            S3Client s3 = transport.client(S3Client.builder().forcePathStyle(true), stack, ONE_ATTEMPT);
            s3.putObject(b -> b.bucket("uploads").key("k"), RequestBody.fromBytes(new byte[256 * 1024]));

            try (ResponseInputStream<GetObjectResponse> body = s3.getObject(b -> b.bucket("uploads").key("k"))) {
                assertThat(body.response().contentLength()).isEqualTo(256 * 1024L);
                assertThatThrownBy(() -> drain(body)).isInstanceOf(IOException.class);
            }
        }
    }

    private static long drain(InputStream in) throws IOException {
        return in.transferTo(java.io.OutputStream.nullOutputStream());
    }

    private static List<Integer> statuses(Stack stack, String operation) {
        return stack.ledger().entries(LedgerEntry.Request.class).stream()
                .filter(request -> request.operation().equals(operation)).map(LedgerEntry.Request::status).toList();
    }

    /** A stack whose first {@code times} calls of {@code operation} are answered by {@code fault}. */
    static StackConfig stackFaulting(String operation, int times, UnaryOperator<CallResult> fault) {
        return StackConfig.defaults().withSeed(7).withQueue(QueueSpec.named("orders"))
                .withTable(TableSpec.named("orders").withPartitionKey("pk")).withBucket(BucketSpec.named("uploads"))
                .withInterceptor(new FirstCalls(operation, times, fault));
    }
}
