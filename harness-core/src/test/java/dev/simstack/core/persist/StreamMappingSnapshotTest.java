package dev.simstack.core.persist;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.DataDirectory;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;
import software.amazon.awssdk.services.lambda.model.GetEventSourceMappingResponse;
import software.amazon.awssdk.services.lambda.model.Runtime;

/** A DynamoDB stream event source mapping survives a reload and keeps invoking its function on new writes. */
class StreamMappingSnapshotTest {

    private static final Duration QUIET = Duration.ofSeconds(20);

    @TempDir
    Path dir;

    /** Counts records by doing nothing; its invocations are in the ledger. On the class path, as a reload needs. */
    public static final class Ignores implements RequestHandler<Map<String, Object>, String> {
        @Override
        public String handleRequest(Map<String, Object> event, Context context) {
            return "ok";
        }
    }

    private static Stack start(DataDirectory data) {
        return data.start(StackConfig.defaults().withClock(ClockSpec.manual()), System.err::println);
    }

    private static void put(DynamoDbClient dynamo, String id) {
        dynamo.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS(id))));
    }

    private static List<LedgerEntry.Invocation> invocations(Stack stack) throws InterruptedException {
        assertThat(stack.awaitQuiet(QUIET)).isTrue();
        return stack.ledger().entries(LedgerEntry.Invocation.class);
    }

    @Test
    void a_reloaded_stream_mapping_keeps_its_settings_and_invokes_on_new_writes() throws InterruptedException {
        DataDirectory data = DataDirectory.open(dir);
        String streamArn;
        String uuid;
        try (Stack stack = start(data); DynamoDbClient dynamo = Clients.dynamo(stack);
                LambdaClient lambda = Clients.lambda(stack)) {
            streamArn = dynamo.createTable(b -> b.tableName("orders").billingMode("PAY_PER_REQUEST")
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType("NEW_IMAGE")))
                    .tableDescription().latestStreamArn();
            lambda.createFunction(b -> b.functionName("ignores").runtime(Runtime.JAVA21)
                    .handler(Ignores.class.getName()).role("arn:aws:iam::000000000000:role/lambda")
                    .code(c -> c.zipFile(SdkBytes.fromUtf8String("the handler is on the class path"))));
            uuid = lambda.createEventSourceMapping(b -> b.functionName("ignores").eventSourceArn(streamArn)
                    .startingPosition(EventSourcePosition.LATEST).batchSize(1).maximumRetryAttempts(3)).uuid();
            put(dynamo, "before");
            assertThat(invocations(stack)).hasSize(1);
            stack.clock().advance(Duration.ofHours(1)); // a stream created at the reload would have another label
            data.save(stack);
        }
        try (Stack stack = start(data); DynamoDbClient dynamo = Clients.dynamo(stack);
                LambdaClient lambda = Clients.lambda(stack)) {
            assertThat(dynamo.describeTable(b -> b.tableName("orders")).table().latestStreamArn())
                    .as("the table keeps its stream").isEqualTo(streamArn);
            GetEventSourceMappingResponse mapping = lambda.getEventSourceMapping(b -> b.uuid(uuid));
            assertThat(mapping.eventSourceArn()).isEqualTo(streamArn);
            assertThat(mapping.startingPosition()).isEqualTo(EventSourcePosition.LATEST);
            assertThat(mapping.batchSize()).isEqualTo(1);
            assertThat(mapping.maximumRetryAttempts()).isEqualTo(3);
            assertThat(mapping.state()).isEqualTo("Enabled");

            put(dynamo, "after-1");
            put(dynamo, "after-2");

            assertThat(invocations(stack)).hasSize(2)
                    .allSatisfy(run -> assertThat(run.function().name()).isEqualTo("ignores"));
        }
    }
}
