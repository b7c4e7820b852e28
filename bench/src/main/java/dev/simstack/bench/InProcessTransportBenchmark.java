package dev.simstack.bench;

import dev.simstack.core.InProcessHttpClient;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
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
import org.openjdk.jmh.annotations.Threads;
import org.openjdk.jmh.annotations.Warmup;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.awscore.client.builder.AwsClientBuilder;
import software.amazon.awssdk.awscore.client.builder.AwsSyncClientBuilder;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.GetItemRequest;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.GetObjectRequest;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.SendMessageRequest;

/**
 * The in-process transport ({@link InProcessHttpClient}) against the socket (the SDK's Apache client on the
 * stack's port) and the loopback floor, one client thread: SendMessage of {@link Payloads#BODY}, GetItem of one
 * 200-byte order, GetObject of 1 KiB (the body drained into a reused buffer). Score: requests per second.
 * Each iteration gets a fresh stack (and floor), as the SQS and DynamoDB benchmarks do.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.Throughput)
@OutputTimeUnit(TimeUnit.SECONDS)
@Fork(3)
@Warmup(iterations = 8, time = 2)
@Measurement(iterations = 5, time = 2)
public class InProcessTransportBenchmark {

    private static final String QUEUE = "bench";
    private static final int SIZE = 1024;

    @Param({"in-process", "socket", "floor"})
    public String transport;

    @Param({"SendMessage", "GetItem", "GetObject"})
    public String operation;

    private AutoCloseable server;
    private SqsClient sqs;
    private DynamoDbClient dynamodb;
    private S3Client s3;
    private SendMessageRequest send;
    private GetItemRequest get;
    private GetObjectRequest getObject;
    private final byte[] buffer = new byte[64 * 1024];

    @Setup(Level.Iteration)
    public void open() {
        URI endpoint;
        Stack stack = null;
        if (transport.equals("floor")) {
            FloorServer floor = FloorServer.start(SqsTarget.EVENT_LOOP_THREADS);
            server = floor;
            endpoint = floor.endpoint();
        } else {
            stack = StackConfig.defaults().withQueue(QueueSpec.named(QUEUE)).start();
            server = stack;
            endpoint = stack.endpoint();
        }
        sqs = client(SqsClient.builder(), endpoint, stack);
        dynamodb = client(DynamoDbClient.builder(), endpoint, stack);
        s3 = client(S3Client.builder().forcePathStyle(true), endpoint, stack);
        prepare(stack != null);
    }

    /** The queue's URL, the table with the order GetItem reads, the bucket with the object GetObject reads. */
    private void prepare(boolean engine) {
        send = SendMessageRequest.builder().queueUrl(endpoint() + "/000000000000/" + QUEUE)
                .messageBody(Payloads.BODY).build();
        Map<String, AttributeValue> item = Orders.item(42, 7);
        get = GetItemRequest.builder().tableName(Orders.TABLE).key(Map.of("pk", item.get("pk"), "sk", item.get("sk")))
                .build();
        String key = S3Objects.key(SIZE, "read");
        getObject = GetObjectRequest.builder().bucket(S3Objects.BUCKET).key(key).build();
        if (engine) {
            DynamoDbBenchmark.createTable(dynamodb);
            s3.createBucket(b -> b.bucket(S3Objects.BUCKET));
        }
        dynamodb.putItem(b -> b.tableName(Orders.TABLE).item(item));
        s3.putObject(b -> b.bucket(S3Objects.BUCKET).key(key), RequestBody.fromBytes(S3Objects.content(SIZE)));
    }

    private String endpoint() {
        return server instanceof Stack stack ? stack.endpoint().toString() : ((FloorServer) server).endpoint().toString();
    }

    private <B extends AwsClientBuilder<B, C> & AwsSyncClientBuilder<B, C>, C> C client(B builder, URI endpoint,
            Stack stack) {
        builder.endpointOverride(endpoint).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")));
        if (transport.equals("in-process")) {
            builder.httpClient(InProcessHttpClient.of(stack));
        } else {
            builder.httpClientBuilder(software.amazon.awssdk.http.apache.ApacheHttpClient.builder()
                    .maxConnections(SqsTarget.MAX_CONNECTIONS));
        }
        return builder.build();
    }

    @TearDown(Level.Iteration)
    public void close() throws Exception {
        sqs.close();
        dynamodb.close();
        s3.close();
        server.close();
    }

    @Benchmark
    @Threads(1)
    public Object threads1() {
        switch (operation) {
            case "SendMessage":
                return sqs.sendMessage(send);
            case "GetItem":
                return dynamodb.getItem(get);
            case "GetObject":
                return readObject();
            default:
                throw new IllegalArgumentException("no operation " + operation);
        }
    }

    private long readObject() {
        long read = 0;
        try (InputStream in = s3.getObject(getObject)) {
            for (int n = in.read(buffer); n >= 0; n = in.read(buffer)) {
                read += n;
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (read != SIZE) {
            throw new IllegalStateException("GetObject read " + read + " bytes of " + SIZE);
        }
        return read;
    }
}
