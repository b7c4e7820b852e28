package dev.simstack.core.interception;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.AwsException;
import dev.simstack.core.CallResult;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.Interceptor;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueDoesNotExistException;

/** What an interceptor can do with a call's result: look at it, pass it on, replace it, delay it. */
class CallResultTest {

    private final List<AutoCloseable> open = new ArrayList<>();

    @AfterEach
    void close() throws Exception {
        for (AutoCloseable closeable : open) {
            closeable.close();
        }
    }

    private Stack start(Interceptor interceptor) {
        Stack stack = StackConfig.defaults().withClock(ClockSpec.manual()).withInterceptor(interceptor).start();
        open.add(stack);
        return stack;
    }

    private SqsClient sqs(Stack stack) {
        SqsClient client = Clients.of(SqsClient.builder(), stack);
        open.add(client);
        return client;
    }

    @Test
    void a_result_says_the_status_and_error_code_the_caller_gets() {
        List<String> seen = new CopyOnWriteArrayList<>();
        Stack stack = start((call, next) -> next.proceed(call).thenApply(result -> {
            seen.add(call.operation() + " " + result.succeeded() + " " + result.status() + " "
                    + result.errorCode().orElse("-") + " " + result.error().map(AwsException::status).orElse(0));
            return result;
        }));
        S3Client s3 = Clients.of(S3Client.builder().forcePathStyle(true), stack);
        open.add(s3);
        s3.createBucket(b -> b.bucket("media"));
        s3.putObject(b -> b.bucket("media").key("k"), RequestBody.fromString("x"));
        s3.deleteObject(b -> b.bucket("media").key("k"));
        assertThatThrownBy(() -> s3.getObject(b -> b.bucket("media").key("k"))).isInstanceOf(AwsServiceException.class);

        assertThat(seen).containsExactly("CreateBucket true 200 - 0", "PutObject true 200 - 0",
                "DeleteObject true 204 - 0", "GetObject false 404 NoSuchKey 404");
        assertThat(stack.ledger().entries(LedgerEntry.Request.class)).extracting(LedgerEntry.Request::status)
                .containsExactly(200, 200, 204, 404);
    }

    @Test
    void an_interceptor_replaces_a_call_with_an_aws_error_the_sdk_raises_as_its_own() {
        Stack stack = start((call, next) -> call.member("QueueName").filter("forbidden"::equals).isPresent()
                ? CompletableFuture.completedFuture(CallResult.failure(new AwsException("QueueDoesNotExist",
                        "AWS.SimpleQueueService.NonExistentQueue", 400, true, "not for you")))
                : next.proceed(call));
        SqsClient sqs = sqs(stack);

        assertThatThrownBy(() -> sqs.createQueue(b -> b.queueName("forbidden")))
                .isInstanceOfSatisfying(QueueDoesNotExistException.class, e ->
                        assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("not for you"));
        assertThat(sqs.listQueues().queueUrls()).isEmpty(); // the service never saw the call
    }

    @Test
    void an_interceptor_replaces_the_services_answer_after_it_ran() {
        Stack stack = start((call, next) -> next.proceed(call).thenApply(result ->
                call.operation().equals("CreateQueue") ? CallResult.failure(new AwsException("InternalFailure", 500,
                        "lost the answer")) : result));
        SqsClient sqs = sqs(stack);

        assertThatThrownBy(() -> sqs.createQueue(b -> b.queueName("orders")))
                .isInstanceOfSatisfying(AwsServiceException.class, e -> assertThat(e.statusCode()).isEqualTo(500));
        assertThat(sqs.listQueues().queueUrls()).hasSize(1); // the service ran; its answer was replaced
    }

    @Test
    void an_interceptor_delays_a_result_on_the_stacks_clock() throws Exception {
        List<Stack> self = new CopyOnWriteArrayList<>();
        AtomicBoolean held = new AtomicBoolean();
        Stack stack = start((call, next) -> {
            CompletableFuture<CallResult> later = new CompletableFuture<>();
            next.proceed(call).thenAccept(result -> {
                self.get(0).clock().schedule(Duration.ofSeconds(3), () -> later.complete(result));
                held.set(true);
            });
            return later;
        });
        self.add(stack);
        SqsClient sqs = sqs(stack);

        CompletableFuture<List<String>> list = CompletableFuture.supplyAsync(() -> sqs.listQueues().queueUrls());
        Awaitility.await().untilTrue(held);
        stack.clock().advance(Duration.ofMillis(2_999));
        assertThat(list).isNotDone();
        stack.clock().advance(Duration.ofMillis(1));
        assertThat(list.get(10, TimeUnit.SECONDS)).isEmpty();
        assertThat(stack.ledger().entries(LedgerEntry.Request.class)).singleElement()
                .satisfies(r -> assertThat(r.latency()).isEqualTo(Duration.ofSeconds(3)));
    }

    @Test
    void an_exception_an_interceptor_throws_is_answered_as_an_internal_failure_naming_it() {
        Stack stack = start((call, next) -> {
            throw new IllegalStateException("interceptor bug");
        });
        SqsClient sqs = sqs(stack);

        assertThatThrownBy(sqs::listQueues).isInstanceOfSatisfying(AwsServiceException.class, e -> {
            assertThat(e.statusCode()).isEqualTo(500);
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("InternalFailure");
            assertThat(e.awsErrorDetails().errorMessage()).startsWith("SimStack's engine failed on sqs.ListQueues: "
                    + "java.lang.IllegalStateException: interceptor bug.");
        });
    }

    @Test
    void a_failure_carries_its_error() {
        AwsException error = new AwsException("SlowDown", 503, "Please reduce your request rate.");
        CallResult failure = CallResult.failure(error);

        assertThat(failure.succeeded()).isFalse();
        assertThat(failure.status()).isEqualTo(503);
        assertThat(failure.errorCode()).contains("SlowDown");
        assertThat(failure.error()).containsSame(error);
        assertThat(failure).hasToString("failure SlowDown (503): Please reduce your request rate.");
    }
}
