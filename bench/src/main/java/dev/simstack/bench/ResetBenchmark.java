package dev.simstack.bench;

import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageBatchRequestEntry;

/**
 * {@code Stack.reset()}, as a JUnit harness resetting a per-class stack between test methods pays it. Before
 * every reset (unmeasured) the stack is filled through the SDK: {@code full} holds 10 queues of 10 messages,
 * 10 tables of 10 items and 10 buckets of 10 objects of 1 KiB, one bucket also a 2 MiB object (a scratch
 * file, deleted by the reset); {@code no-file} the same without the large object; {@code empty} nothing.
 * Sampled: mean and percentiles.
 */
@State(Scope.Thread)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Fork(1)
@Warmup(iterations = 5, time = 2)
@Measurement(iterations = 5, time = 4)
public class ResetBenchmark {

    private static final int RESOURCES = 10;
    private static final int CONTENT = 10;
    private static final byte[] KIB = new byte[1024];
    private static final byte[] LARGE = new byte[2 * 1024 * 1024];

    @Param({"full", "no-file", "empty"})
    public String content;

    private Stack stack;
    private SqsClient sqs;
    private DynamoDbClient dynamo;
    private S3Client s3;

    @Setup(Level.Trial)
    public void start() {
        stack = StackConfig.defaults().start();
        sqs = Clients.sqs(stack.endpoint(), 4);
        dynamo = Clients.dynamoDb(stack.endpoint(), 4);
        s3 = Clients.s3(stack.endpoint(), 4);
    }

    @Setup(Level.Invocation)
    public void fill() {
        if (content.equals("empty")) {
            return;
        }
        for (int r = 0; r < RESOURCES; r++) {
            String name = "reset-" + r;
            String url = sqs.createQueue(b -> b.queueName(name)).queueUrl();
            List<SendMessageBatchRequestEntry> messages = new ArrayList<>();
            for (int m = 0; m < CONTENT; m++) {
                messages.add(SendMessageBatchRequestEntry.builder().id("m" + m).messageBody(Payloads.BODY)
                        .build());
            }
            sqs.sendMessageBatch(b -> b.queueUrl(url).entries(messages));
            dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH)));
            List<WriteRequest> items = new ArrayList<>();
            for (int i = 0; i < CONTENT; i++) {
                String pk = "item-" + i;
                items.add(WriteRequest.builder().putRequest(p -> p.item(Map.of("pk", AttributeValue.fromS(pk),
                        "body", AttributeValue.fromS(Payloads.BODY)))).build());
            }
            dynamo.batchWriteItem(b -> b.requestItems(Map.of(name, items)));
            s3.createBucket(b -> b.bucket(name));
            for (int o = 0; o < CONTENT; o++) {
                String key = "object-" + o;
                s3.putObject(b -> b.bucket(name).key(key), RequestBody.fromBytes(KIB));
            }
        }
        if (content.equals("full")) {
            s3.putObject(b -> b.bucket("reset-0").key("large"), RequestBody.fromBytes(LARGE));
        }
    }

    @Benchmark
    public Stack reset() {
        stack.reset();
        return stack;
    }

    @TearDown(Level.Trial)
    public void close() {
        sqs.close();
        dynamo.close();
        s3.close();
        stack.close();
    }
}
