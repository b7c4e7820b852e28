package dev.simstack.core.transport;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.InProcessAsyncHttpClient;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import java.security.MessageDigest;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletionException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsAsyncClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.async.AsyncRequestBody;
import software.amazon.awssdk.core.async.AsyncResponseTransformer;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.s3.S3AsyncClient;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;

/**
 * The async in-process client ({@link InProcessAsyncHttpClient}) answers as the SDK's Netty client on the port
 * does: the same transcript for SQS, DynamoDB (with a condition's failure) and S3 (8 MiB each way).
 */
class AsyncTransportTest {

    enum AsyncTransport {
        NETTY_SOCKET, IN_PROCESS;

        <B extends AwsClientBuilder<B, C> & AwsAsyncClientBuilder<B, C>, C> C client(B builder, Stack stack) {
            return client(builder, stack, Duration.ofSeconds(10));
        }

        <B extends AwsClientBuilder<B, C> & AwsAsyncClientBuilder<B, C>, C> C client(B builder, Stack stack,
                Duration attemptTimeout) {
            return client(builder, stack, attemptTimeout, 0);
        }

        <B extends AwsClientBuilder<B, C> & AwsAsyncClientBuilder<B, C>, C> C client(B builder, Stack stack,
                Duration attemptTimeout, int maxAttempts) { // 0: the SDK's default retries
            builder.endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                    .overrideConfiguration(o -> {
                        o.apiCallAttemptTimeout(attemptTimeout);
                        if (maxAttempts > 0) {
                            o.retryStrategy(r -> r.maxAttempts(maxAttempts));
                        }
                    });
            if (this == NETTY_SOCKET) {
                builder.httpClientBuilder(NettyNioAsyncHttpClient.builder());
            } else {
                builder.httpClient(InProcessAsyncHttpClient.of(stack));
            }
            return builder.build();
        }
    }

    @ParameterizedTest
    @EnumSource(AsyncTransport.class)
    void async_clients_see_the_same_answers_as_over_the_socket(AsyncTransport transport) throws Exception {
        List<String> seen = run(transport);
        List<String> other = run(transport == AsyncTransport.IN_PROCESS ? AsyncTransport.NETTY_SOCKET
                : AsyncTransport.IN_PROCESS);

        assertThat(seen).isEqualTo(other).anyMatch(line -> line.contains("ConditionalCheckFailed"));
    }

    private static List<String> run(AsyncTransport transport) throws Exception {
        try (Stack stack = Stack.start(TransportEquivalenceTest.config());
             SqsAsyncClient sqs = transport.client(SqsAsyncClient.builder(), stack);
             DynamoDbAsyncClient dynamodb = transport.client(DynamoDbAsyncClient.builder(), stack);
             S3AsyncClient s3 = transport.client(S3AsyncClient.builder().forcePathStyle(true), stack)) {
            Transcript t = new Transcript(stack.endpoint());
            String url = sqs.getQueueUrl(b -> b.queueName("orders")).join().queueUrl();
            t.add("SendMessage " + sqs.sendMessage(b -> b.queueUrl(url).messageBody("{\"order\":1}")).join());
            t.add("ReceiveMessage " + sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).join());
            t.add("PutItem " + dynamodb.putItem(b -> b.tableName("orders")
                    .item(Map.of("pk", AttributeValue.fromS("c"), "sk", AttributeValue.fromS("o")))).join());
            try {
                dynamodb.putItem(b -> b.tableName("orders").conditionExpression("attribute_not_exists(pk)")
                        .item(Map.of("pk", AttributeValue.fromS("c"), "sk", AttributeValue.fromS("o")))).join();
            } catch (CompletionException e) {
                AwsServiceException error = (AwsServiceException) e.getCause();
                t.add("PutItem conditional " + error.statusCode() + " " + error.awsErrorDetails().errorCode());
            }
            byte[] big = new byte[8 * 1024 * 1024];
            new Random(8).nextBytes(big);
            t.add("PutObject " + s3.putObject(b -> b.bucket("uploads").key("big"), AsyncRequestBody.fromBytes(big))
                    .join());
            byte[] back = s3.getObject(b -> b.bucket("uploads").key("big"), AsyncResponseTransformer.toBytes())
                    .join().asByteArray();
            t.add("GetObject " + back.length + " " + HexFormat.of().formatHex(
                    MessageDigest.getInstance("SHA-256").digest(back)));
            for (LedgerEntry.Request request : stack.ledger().entries(LedgerEntry.Request.class)) {
                t.add("ledger " + request.operation() + " " + request.status() + " " + request.errorCode());
            }
            return new ArrayList<>(t.lines());
        }
    }

    @ParameterizedTest
    @EnumSource(AsyncTransport.class)
    void wire_faults_fail_the_attempt_and_the_sdk_retries(AsyncTransport transport) {
        for (var fault : List.<java.util.function.UnaryOperator<dev.simstack.core.CallResult>>of(
                result -> dev.simstack.core.CallResult.connectionReset(),
                result -> dev.simstack.core.CallResult.noAnswer(), result -> result.truncated(0.5))) {
            try (Stack stack = Stack.start(InProcessWireFaultsTest.stackFaulting("GetQueueUrl", 1, fault));
                 SqsAsyncClient sqs = transport.client(SqsAsyncClient.builder(), stack, Duration.ofSeconds(2))) {
                assertThat(sqs.getQueueUrl(b -> b.queueName("orders")).join().queueUrl()).endsWith("/orders");
                assertThat(stack.ledger().entries(LedgerEntry.Request.class)).hasSize(2);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(AsyncTransport.class)
    void a_closed_stack_refuses_the_async_client(AsyncTransport transport) {
        Stack stack = Stack.start(TransportEquivalenceTest.config());
        // One attempt: the SDK's retries would connect again and again to the freed port, and one connect in many
        // thousands on loopback meets itself (a TCP self-connect: source port = the freed port), then waits for an
        // answer to its own request until the attempt times out.
        try (SqsAsyncClient sqs = transport.client(SqsAsyncClient.builder(), stack, Duration.ofSeconds(10), 1)) {
            stack.close();
            assertThatThrownBy(() -> sqs.listQueues().join()).isInstanceOf(CompletionException.class)
                    .hasRootCauseInstanceOf(java.net.ConnectException.class);
        }
    }
}
