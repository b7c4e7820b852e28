package dev.simstack.bench;

import dev.simstack.core.StackConfig;
import java.util.HashMap;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbResponse;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.PutItemRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryRequest;
import software.amazon.awssdk.services.dynamodb.model.QueryResponse;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * DynamoDB item operations through the real SDK (Apache HTTP client, one shared client), against the
 * engine and against the floor. Score: requests per second. {@code PutItem} writes a new order each
 * call; {@code ConditionalPutItem} does the same under {@code attribute_not_exists(pk)} (create if
 * absent, the condition is evaluated against the table and holds); {@code GetItem} reads one of 100
 * orders of a customer; {@code Query} reads 10 consecutive of them ({@code pk = :c AND sk BETWEEN}).
 * Each iteration gets a fresh target (table), as SendMessage's does; warm-up and measurement as the
 * SQS benchmarks.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(3)
@Warmup(iterations = 18, time = 3)
@Measurement(iterations = 5, time = 3)
public class DynamoDbBenchmark {

    private static final long READ_CUSTOMER = 42;

    @Param({"engine", Transport.IN_PROCESS, "floor"})
    public String backend;

    @Param({"PutItem", "ConditionalPutItem", "GetItem", "Query"})
    public String operation;

    private Target<DynamoDbClient> target;
    private final AtomicLong nextCustomer = new AtomicLong(1_000);
    private final Map<String, AttributeValue> template = Orders.item(0, 7);
    private GetItemRequest[] gets;
    private QueryRequest[] queries;

    @Setup(Level.Iteration)
    public void open() {
        target = Target.open(backend, StackConfig.defaults(), Clients::dynamoDb, DynamoDbBenchmark::createTable);
        // the orders GetItem and Query read (the floor answers these puts and forgets them)
        for (int order = 0; order < Orders.PER_CUSTOMER; order++) {
            target.client().putItem(PutItemRequest.builder().tableName(Orders.TABLE)
                    .item(Orders.item(READ_CUSTOMER, order)).build());
        }
        gets = new GetItemRequest[Orders.PER_CUSTOMER];
        for (int i = 0; i < gets.length; i++) {
            Map<String, AttributeValue> item = Orders.item(READ_CUSTOMER, i);
            gets[i] = GetItemRequest.builder().tableName(Orders.TABLE)
                    .key(Map.of("pk", item.get("pk"), "sk", item.get("sk"))).build();
        }
        queries = new QueryRequest[Orders.PER_CUSTOMER - Orders.QUERY_LIMIT + 1];
        for (int i = 0; i < queries.length; i++) {
            queries[i] = QueryRequest.builder().tableName(Orders.TABLE)
                    .keyConditionExpression("pk = :c AND sk BETWEEN :from AND :to")
                    .expressionAttributeValues(Map.of(":c", AttributeValue.fromS(Orders.customer(READ_CUSTOMER)),
                            ":from", AttributeValue.fromS(Orders.order(i)),
                            ":to", AttributeValue.fromS(Orders.order(i + Orders.QUERY_LIMIT - 1))))
                    .build();
        }
    }

    static void createTable(DynamoDbClient dynamo) {
        dynamo.createTable(b -> b.tableName(Orders.TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                        k -> k.attributeName("sk").keyType(KeyType.RANGE))
                .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("sk").attributeType(ScalarAttributeType.S)));
    }

    @TearDown(Level.Iteration)
    public void close() throws Exception {
        target.close();
    }

    @Benchmark
    @Threads(1)
    public DynamoDbResponse threads1() {
        return call();
    }

    @Benchmark
    @Threads(8)
    public DynamoDbResponse threads8() {
        return call();
    }

    private DynamoDbResponse call() {
        ThreadLocalRandom random = ThreadLocalRandom.current();
        switch (operation) {
            case "PutItem":
                return target.client().putItem(put().build());
            case "ConditionalPutItem":
                return target.client().putItem(put().conditionExpression("attribute_not_exists(pk)").build());
            case "GetItem":
                GetItemResponse got = target.client().getItem(gets[random.nextInt(gets.length)]);
                return checked(got, got.hasItem());
            case "Query":
                QueryResponse found = target.client().query(queries[random.nextInt(queries.length)]);
                return checked(found, found.count() == Orders.QUERY_LIMIT);
            default:
                throw new IllegalArgumentException("no operation " + operation);
        }
    }

    /** A new order: the template with a new customer, so that every put creates an item. */
    private PutItemRequest.Builder put() {
        Map<String, AttributeValue> item = new HashMap<>(template);
        item.put("pk", AttributeValue.fromS(Orders.customer(nextCustomer.getAndIncrement())));
        return PutItemRequest.builder().tableName(Orders.TABLE).item(item);
    }

    private static DynamoDbResponse checked(DynamoDbResponse response, boolean complete) {
        if (!complete) {
            throw new IllegalStateException("a read found less than it should: the fill did not happen");
        }
        return response;
    }
}
