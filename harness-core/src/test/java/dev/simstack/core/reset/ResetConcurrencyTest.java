package dev.simstack.core.reset;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.awscore.exception.AwsServiceException;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.Runtime;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A reset while requests and background work are in flight: an SQS event source mapping invoking a
 * handler, writers and a long poll on every service, S3 notifications and delayed messages. Afterwards the
 * stack is empty and stays so, nothing answers 500, and nothing from before the reset reappears.
 */
class ResetConcurrencyTest {

    /** Holds its first invocation until released; records the bodies of the others (other pollers' too). */
    public static final class HeldConsumer implements RequestHandler<SQSEvent, Void> {
        static final CountDownLatch STARTED = new CountDownLatch(1);
        static final CountDownLatch RELEASE = new CountDownLatch(1);
        static final CountDownLatch FINISHED = new CountDownLatch(1);
        static final AtomicBoolean HOLDING = new AtomicBoolean(true);
        static final List<String> SEEN = new CopyOnWriteArrayList<>();

        @Override
        public Void handleRequest(SQSEvent event, Context context) {
            if (HOLDING.compareAndSet(true, false)) {
                STARTED.countDown();
                try {
                    RELEASE.await();
                } catch (InterruptedException e) {
                    Thread.currentThread().interrupt();
                } finally {
                    FINISHED.countDown();
                }
                return null;
            }
            event.getRecords().forEach(record -> SEEN.add(record.getBody()));
            return null;
        }
    }

    @Test
    void reset_during_a_running_event_source_mapping_leaves_no_trace_of_it() throws Exception {
        Set<Thread> before = Thread.getAllStackTraces().keySet();
        try (Stack stack = StackConfig.defaults().start(); SqsClient sqs = ResetClients.sqs(stack);
                LambdaClient lambda = ResetClients.lambda(stack)) {
            String url = consumeWithHeldHandler(stack, sqs, lambda);
            for (int i = 0; i < 5; i++) {
                int n = i;
                sqs.sendMessage(b -> b.queueUrl(url).messageBody("before-" + n));
            }
            assertThat(HeldConsumer.STARTED.await(30, TimeUnit.SECONDS)).as("the handler started").isTrue();

            stack.reset();
            HeldConsumer.RELEASE.countDown();
            assertThat(HeldConsumer.FINISHED.await(30, TimeUnit.SECONDS)).isTrue();

            assertThat(sqs.listQueues().queueUrls()).isEmpty();
            assertThat(lambda.listEventSourceMappings().eventSourceMappings()).isEmpty();
            String again = consumeWithHeldHandler(stack, sqs, lambda);
            String afterId = sqs.sendMessage(b -> b.queueUrl(again).messageBody("after")).messageId();
            await().atMost(Duration.ofSeconds(30)).until(() -> HeldConsumer.SEEN.contains("after"));
            await().atMost(Duration.ofSeconds(30)).until(() -> !stack.ledger().entries(LedgerEntry.Message.class)
                    .stream().filter(m -> m.kind() == LedgerEntry.MessageEvent.DELETED).toList().isEmpty());

            assertThat(stack.ledger().entries(LedgerEntry.Invocation.class))
                    .as("the invocation running at the reset is not recorded").singleElement()
                    .satisfies(invocation -> assertThat(invocation.carried()).containsExactly(afterId));
            assertThat(sqs.receiveMessage(b -> b.queueUrl(again).maxNumberOfMessages(10)).messages())
                    .as("no message from before the reset came back").isEmpty();
            assertNoEngineFailure(stack);
        }
        // A closed stack's threads end by themselves, shortly after close returns on a loaded machine.
        await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> assertThat(Thread.getAllStackTraces().keySet())
                .as("threads left behind").noneMatch(thread -> thread.isAlive() && !before.contains(thread)
                        && thread.getName().startsWith("simstack-")));
    }

    private static String consumeWithHeldHandler(Stack stack, SqsClient sqs, LambdaClient lambda) {
        String url = sqs.createQueue(b -> b.queueName("work")).queueUrl();
        lambda.createFunction(b -> b.functionName("consumer").runtime(Runtime.JAVA21)
                .handler(HeldConsumer.class.getName()).role("arn:aws:iam::000000000000:role/lambda").timeout(60)
                .code(c -> c.zipFile(SdkBytes.fromUtf8String("the handler is on the class path"))));
        lambda.createEventSourceMapping(b -> b.functionName("consumer").batchSize(1)
                .eventSourceArn(stack.queue("work").arn()));
        return url;
    }

    @Test
    void reset_during_concurrent_writes_leaves_a_consistent_empty_stack() throws Exception {
        try (Stack stack = StackConfig.defaults().start(); SqsClient sqs = ResetClients.sqs(stack);
                DynamoDbClient dynamo = ResetClients.dynamo(stack); S3Client s3 = ResetClients.s3(stack)) {
            String url = sqs.createQueue(b -> b.queueName("events")).queueUrl();
            StackResetTest.createTable(dynamo, "orders");
            s3.createBucket(b -> b.bucket("uploads"));
            s3.putBucketNotificationConfiguration(b -> b.bucket("uploads").notificationConfiguration(n -> n
                    .queueConfigurations(q -> q.queueArn(stack.queue("events").arn())
                            .eventsWithStrings("s3:ObjectCreated:*"))));
            Writers writers = new Writers();
            writers.start("send", n -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("m" + n).delaySeconds(n % 2)));
            writers.start("put-item", n -> dynamo.putItem(b -> b.tableName("orders")
                    .item(Map.of("pk", AttributeValue.fromS("o-" + n)))));
            writers.start("put-object", n -> s3.putObject(b -> b.bucket("uploads").key("k" + n),
                    RequestBody.fromString("body " + n)));
            writers.start("long-poll", n -> sqs.receiveMessage(b -> b.queueUrl(url).waitTimeSeconds(20)
                    .visibilityTimeout(30)));
            await().atMost(Duration.ofSeconds(60)).until(() -> writers.succeededEach(5));

            stack.reset();

            await().atMost(Duration.ofSeconds(60)).until(() -> writers.refusedEach(3));
            writers.stop();
            assertThat(writers.unexpected).as("failures other than 'does not exist'").isEmpty();
            assertThat(sqs.listQueues().queueUrls()).isEmpty();
            assertThat(dynamo.listTables().tableNames()).isEmpty();
            assertThat(s3.listBuckets().buckets()).isEmpty();
            assertNoEngineFailure(stack);
        }
    }

    private static void assertNoEngineFailure(Stack stack) {
        assertThat(stack.ledger().entries(LedgerEntry.Request.class)).noneMatch(request -> request.status() >= 500);
    }

    /** Threads calling one operation each in a loop, counting successes and "does not exist" refusals. */
    private static final class Writers {
        private final List<Thread> threads = new CopyOnWriteArrayList<>();
        private final Map<String, AtomicInteger> succeeded = new java.util.concurrent.ConcurrentHashMap<>();
        private final Map<String, AtomicInteger> refused = new java.util.concurrent.ConcurrentHashMap<>();
        final List<Throwable> unexpected = new CopyOnWriteArrayList<>();
        private volatile boolean running = true;

        interface Call {
            void run(int n);
        }

        void start(String name, Call call) {
            succeeded.put(name, new AtomicInteger());
            refused.put(name, new AtomicInteger());
            Thread thread = new Thread(() -> {
                for (int n = 0; running; n++) {
                    try {
                        call.run(n);
                        succeeded.get(name).incrementAndGet();
                    } catch (AwsServiceException e) {
                        if (e.statusCode() == 400 || e.statusCode() == 404) {
                            refused.get(name).incrementAndGet(); // QueueDoesNotExist, ResourceNotFound, NoSuchBucket
                        } else {
                            unexpected.add(e);
                        }
                    } catch (RuntimeException e) {
                        unexpected.add(e);
                    }
                }
            }, "writer-" + name);
            threads.add(thread);
            thread.start();
        }

        boolean succeededEach(int count) {
            return succeeded.values().stream().allMatch(n -> n.get() >= count);
        }

        boolean refusedEach(int count) {
            return refused.values().stream().allMatch(n -> n.get() >= count);
        }

        void stop() throws InterruptedException {
            running = false;
            for (Thread thread : threads) {
                thread.join(TimeUnit.SECONDS.toMillis(60));
            }
        }
    }
}
