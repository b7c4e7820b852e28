package dev.simstack.bench;

import com.amazonaws.services.lambda.runtime.Context;
import com.amazonaws.services.lambda.runtime.RequestHandler;
import com.amazonaws.services.lambda.runtime.events.SQSEvent;
import dev.simstack.core.FunctionEnvironment;
import java.net.URI;
import java.util.Map;
import java.util.concurrent.atomic.LongAdder;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * The consumer end of API → SQS → Lambda → DynamoDB, as harness-core's end-to-end test has it: stores
 * each order of an SQS batch with PutItem, through a client built once per execution environment and
 * pointed at the endpoint the runtime gives it. Counts what it stored, so the benchmark can wait for
 * the last item without scanning the table.
 */
public final class StoreOrdersHandler implements RequestHandler<SQSEvent, Void> {

    /** Items stored by every instance since the last reset (the benchmark runs one stack at a time). */
    static final LongAdder STORED = new LongAdder();

    private DynamoDbClient dynamo;

    @Override
    public Void handleRequest(SQSEvent event, Context context) {
        if (dynamo == null) {
            dynamo = Clients.dynamoDb(URI.create(FunctionEnvironment.get(context, "AWS_ENDPOINT_URL")), 4);
        }
        String table = FunctionEnvironment.get(context, "TABLE");
        for (SQSEvent.SQSMessage message : event.getRecords()) {
            dynamo.putItem(b -> b.tableName(table).item(Map.of(
                    "id", AttributeValue.fromS(message.getBody()),
                    "messageId", AttributeValue.fromS(message.getMessageId()))));
            STORED.increment();
        }
        return null;
    }
}
