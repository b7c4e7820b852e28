package dev.simstack.core.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.SimRandom;
import dev.simstack.core.internal.clock.ManualClock;
import dev.simstack.core.internal.engine.IdSource;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.ledger.AppendOnlyLedger;
import dev.simstack.core.internal.protocol.json.JsonTrees;
import dev.simstack.core.internal.services.dynamodb.DynamoDbService;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;

/**
 * The DynamoDB service on its own, without HTTP, over a manual clock: for the hooks a stack does not
 * expose (replication control, the table status delay, streams) and for fast unit tests. Calls take and
 * answer the JSON protocol's shapes.
 */
final class ServiceHarness implements AutoCloseable {

    private final JsonTrees json = new JsonTrees();
    private final ExecutorService timerThread = Executors.newSingleThreadExecutor();
    final ManualClock clock = new ManualClock(Instant.parse("2026-01-01T00:00:00Z"), timerThread);
    final AppendOnlyLedger ledger = new AppendOnlyLedger(clock);
    final DynamoDbService service = new DynamoDbService(new StackContext(clock, new SimRandom(1), new IdSource(1),
            ledger, "000000000000", "us-east-1"));

    /** Calls {@code operation} in {@code region} with {@code input} (JSON, single quotes allowed for readability). */
    JsonNode call(String region, String operation, String input) {
        ObjectNode node;
        try {
            node = (ObjectNode) json.read(input.replace('\'', '"').getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        DecodedCall call = new DecodedCall("dynamodb", operation, region, "000000000000", "request", "json", "test",
                "localhost", clock.now(), node);
        return service.invoke(call).toCompletableFuture().join();
    }

    JsonNode call(String operation, String input) {
        return call("us-east-1", operation, input);
    }

    /** Creates an on-demand table with string partition key {@code id}. */
    void hashTable(String region, String name) {
        call(region, "CreateTable", "{'TableName':'" + name + "','BillingMode':'PAY_PER_REQUEST',"
                + "'AttributeDefinitions':[{'AttributeName':'id','AttributeType':'S'}],"
                + "'KeySchema':[{'AttributeName':'id','KeyType':'HASH'}]}");
    }

    /** Advances the clock and lets timers handed to the timer thread finish. */
    void advance(Duration duration) {
        clock.advance(duration);
        settle();
    }

    void settle() {
        try {
            timerThread.submit(() -> { }).get(5, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        service.close();
        timerThread.shutdownNow();
    }
}
