package dev.simstack.core.reset;

import static org.assertj.core.api.Assertions.assertThat;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import dev.simstack.core.ClockSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.StreamViewType;
import dev.simstack.core.TableSpec;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourcePosition;

/**
 * A reset of DynamoDB alone deletes the tables whose streams Lambda's mappings read: as for a table deleted and
 * created again on AWS, an old mapping's source is gone, and it reads neither the old stream nor the new one.
 */
class StreamMappingResetTest {

    private static final Duration QUIET = Duration.ofSeconds(20);

    private Stack stack;
    private DynamoDbClient dynamo;
    private LambdaClient lambda;

    /** Does nothing; its invocations are in the ledger. */
    public static final class Ignores implements RequestHandler<Map<String, Object>, String> {
        @Override
        public String handleRequest(Map<String, Object> event, Context context) {
            return "ok";
        }
    }

    @BeforeEach
    void start() {
        stack = StackConfig.defaults().withClock(ClockSpec.manual())
                .withTable(TableSpec.named("orders").withPartitionKey("id").withStream(StreamViewType.NEW_IMAGE))
                .withFunction(FunctionSpec.named("ignores", Ignores.class)).start();
        dynamo = ResetClients.dynamo(stack);
        lambda = ResetClients.lambda(stack);
    }

    @AfterEach
    void stop() {
        dynamo.close();
        lambda.close();
        stack.close();
    }

    private void put(String id) {
        dynamo.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS(id))));
    }

    private String streamArn() {
        return dynamo.describeTable(b -> b.tableName("orders")).table().latestStreamArn();
    }

    private List<LedgerEntry.Invocation> invocations() throws InterruptedException {
        assertThat(stack.awaitQuiet(QUIET)).isTrue();
        return stack.ledger().entries(LedgerEntry.Invocation.class);
    }

    @Test
    void after_a_dynamodb_reset_an_old_mapping_reads_neither_the_old_stream_nor_the_new_one() throws Exception {
        String uuid = lambda.createEventSourceMapping(b -> b.functionName("ignores").eventSourceArn(streamArn())
                .startingPosition(EventSourcePosition.TRIM_HORIZON).batchSize(1).enabled(false)).uuid();
        put("before-the-reset");

        assertThat(ResetClients.http(stack, "POST", "/_localstack/state/dynamodb/reset").statusCode()).isEqualTo(200);
        lambda.updateEventSourceMapping(b -> b.uuid(uuid).enabled(true));
        put("after-the-reset");

        assertThat(invocations()).isEmpty();

        lambda.createEventSourceMapping(b -> b.functionName("ignores").eventSourceArn(streamArn())
                .startingPosition(EventSourcePosition.LATEST).batchSize(1));
        put("to-the-new-mapping");

        assertThat(invocations()).hasSize(1);
    }
}
