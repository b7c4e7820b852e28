package dev.simstack.core.sqs;

import dev.simstack.core.CallResult;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.Interceptor;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;
import org.awaitility.Awaitility;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * One stack (manual clock, fixed seed by default) with a synchronous and an asynchronous SQS client
 * configured as an application would configure them against it. Close it after the test.
 */
final class SqsTestSupport implements AutoCloseable {

    static final AwsBasicCredentials CREDENTIALS = AwsBasicCredentials.create("test", "test");

    final Stack stack;
    final SqsClient sqs;
    private SqsAsyncClient async;

    private final AtomicInteger waitingPolls;

    private SqsTestSupport(Stack stack, AtomicInteger waitingPolls) {
        this.stack = stack;
        this.waitingPolls = waitingPolls;
        this.sqs = SqsClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    /** The asynchronous client, built on first use (its event loop is slow to shut down). */
    synchronized SqsAsyncClient async() {
        if (async == null) {
            async = SqsAsyncClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(CREDENTIALS))
                    .httpClientBuilder(NettyNioAsyncHttpClient.builder()).build();
        }
        return async;
    }

    /** A stack with a manual clock and seed 42. */
    static SqsTestSupport start() {
        return start(StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(42));
    }

    static SqsTestSupport start(StackConfig config) {
        AtomicInteger waitingPolls = new AtomicInteger();
        return new SqsTestSupport(config.withInterceptor(countWaitingPolls(waitingPolls)).start(), waitingPolls);
    }

    /** Counts the receives the service is holding as long polls: their stage is not done when it returns. */
    private static Interceptor countWaitingPolls(AtomicInteger waiting) {
        return (call, next) -> {
            CompletionStage<CallResult> answer = next.proceed(call);
            if (call.operation().equals("ReceiveMessage") && !answer.toCompletableFuture().isDone()) {
                waiting.incrementAndGet();
                answer.whenComplete((output, failure) -> waiting.decrementAndGet());
            }
            return answer;
        };
    }

    /** Waits until exactly {@code count} receives are long polling in the stack. */
    void awaitWaitingPolls(int count) {
        Awaitility.await().atMost(Duration.ofSeconds(5)).pollInterval(Duration.ofMillis(5))
                .untilAsserted(() -> org.assertj.core.api.Assertions.assertThat(waitingPolls.get()).isEqualTo(count));
    }

    /** Creates a queue and returns its URL. */
    String createQueue(String name) {
        return sqs.createQueue(b -> b.queueName(name)).queueUrl();
    }

    /** Creates a queue with attributes and returns its URL. */
    String createQueue(String name, Map<QueueAttributeName, String> attributes) {
        return sqs.createQueue(b -> b.queueName(name).attributes(attributes)).queueUrl();
    }

    String arn(String queueUrl) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
    }

    String attribute(String queueUrl, QueueAttributeName name) {
        return sqs.getQueueAttributes(b -> b.queueUrl(queueUrl).attributeNames(name)).attributes().get(name);
    }

    void advance(Duration duration) {
        stack.clock().advance(duration);
    }

    void advanceSeconds(long seconds) {
        advance(Duration.ofSeconds(seconds));
    }

    /** The message lifecycle entries of one kind, in order. */
    List<LedgerEntry.Message> events(LedgerEntry.MessageEvent kind) {
        return stack.ledger().entries(LedgerEntry.Message.class).stream().filter(e -> e.kind() == kind)
                .collect(Collectors.toList());
    }

    @Override
    public void close() {
        sqs.close();
        if (async != null) {
            async.close();
        }
        stack.close();
    }
}
