package dev.simstack.core.examples;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.simstack.core.AwsService;
import dev.simstack.core.CallResult;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.Interceptor;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** The README's interceptor example, compiled and run so that it cannot rot. Keep the two in step. */
class InterceptorExampleTest {

    @Test
    void an_interceptor_refuses_the_first_send_to_one_queue() {
        // README:begin
        AtomicInteger sends = new AtomicInteger();
        Interceptor throttleFirstSend = (call, next) -> {
            boolean toOrders = call.resource().map(ResourceRef::name).filter("orders"::equals).isPresent();
            if (call.operation().equals("SendMessage") && toOrders && sends.getAndIncrement() == 0) {
                call.noteFault("first send throttled");          // the ledger shows it
                return CompletableFuture.completedFuture(CallResult.failure(AwsService.SQS.throttlingError()));
            }
            return next.proceed(call);                            // or look at the result it completes with
        };
        try (Stack stack = StackConfig.defaults().withQueue(QueueSpec.named("orders"))
                .withClock(ClockSpec.manual()).withInterceptor(throttleFirstSend).start();
             SqsClient sqs = SqsClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .overrideConfiguration(c -> c.retryStrategy(s -> s.maxAttempts(1)))   // show the error, no retry
                .build()) {

            String url = stack.queue("orders").url();
            assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("a")))
                    .isInstanceOf(SqsException.class).hasMessageContaining("Request is throttled");
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("b"));

            assertThat(stack.queue("orders").depth().visible()).isEqualTo(1);
            assertThat(stack.ledger().entries(LedgerEntry.Request.class))
                    .filteredOn(request -> stack.queue("orders").ref().equals(request.resource()))
                    .extracting(LedgerEntry.Request::status, LedgerEntry.Request::errorCode, LedgerEntry.Request::fault)
                    .containsExactly(tuple(400, "RequestThrottled", "first send throttled"),
                            tuple(200, null, null));
        }
        // README:end
    }
}
