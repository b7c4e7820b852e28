package dev.simstack.core.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import dev.simstack.core.AwsException;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.internal.services.dynamodb.DynamoDbPort;
import dev.simstack.core.internal.services.dynamodb.ItemChange;
import dev.simstack.core.internal.services.dynamodb.expressions.Condition;
import dev.simstack.core.internal.services.dynamodb.expressions.ConditionExpressionParser;
import dev.simstack.core.internal.services.dynamodb.expressions.ExpressionAttributes;
import dev.simstack.core.internal.services.dynamodb.expressions.UpdateExpression;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.item.AttributeValue;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** DynamoDB's typed port: the item writes and reads of the API, on the service's own items, seen by SDK clients. */
class DynamoDbPortTest {

    private Stack stack;
    private DynamoDbClient dynamo;
    private DynamoDbPort port;
    private ResourceRef orders;

    @BeforeEach
    void start() {
        stack = StackConfig.defaults().withSeed(13).start();
        dynamo = DynamoDbClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(PortsSupport.CREDENTIALS).build();
        dynamo.createTable(b -> b.tableName("orders").billingMode("PAY_PER_REQUEST")
                .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S)));
        port = PortsSupport.engine(stack).dynamodb().port();
        orders = ResourceRef.table(stack.defaultRegion(), stack.accountId(), "orders");
    }

    @AfterEach
    void stop() {
        dynamo.close();
        stack.close();
    }

    @Test
    void a_port_put_is_what_an_sdk_get_reads_and_the_ledger_records_a_PutItem() {
        ItemChange change = port.write(port.putItem(orders, order("o-1", 3), null));

        assertThat(change.before()).isNull();
        var item = dynamo.getItem(b -> b.tableName("orders").key(Map.of("id", s("o-1")))).item();
        assertThat(item).containsEntry("id", s("o-1")).containsEntry("qty",
                software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("3"));
        assertThat(stack.ledger().entries(LedgerEntry.ItemWrite.class)).singleElement().satisfies(write -> {
            assertThat(write.operation()).isEqualTo("PutItem");
            assertThat(write.outcome()).isEqualTo(LedgerEntry.ConditionOutcome.APPLIED);
        });
    }

    @Test
    void a_port_get_reads_what_a_wire_put_wrote() {
        dynamo.putItem(b -> b.tableName("orders").item(Map.of("id", s("o-2"), "note", s("Grüße ✓"))));

        AttributeMap item = port.get(orders, key("o-2"));

        assertThat(((AttributeValue.S) item.get("note")).value()).isEqualTo("Grüße ✓");
        assertThat(port.get(orders, key("absent"))).isNull();
    }

    @Test
    void a_refused_port_condition_fails_as_the_wire_fails_and_is_recorded_as_refused() {
        dynamo.putItem(b -> b.tableName("orders").item(Map.of("id", s("o-3"))));
        Condition absent = ConditionExpressionParser.parse("ConditionExpression", "attribute_not_exists(id)",
                ExpressionAttributes.none());

        AwsException typed = catchThrowableOfType(() -> port.write(port.putItem(orders, order("o-3", 1), absent)),
                AwsException.class);
        DynamoDbException wire = catchThrowableOfType(() -> dynamo.putItem(b -> b.tableName("orders")
                .item(Map.of("id", s("o-3"))).conditionExpression("attribute_not_exists(id)")),
                DynamoDbException.class);

        assertThat(typed.code()).isEqualTo(wire.awsErrorDetails().errorCode())
                .isEqualTo("ConditionalCheckFailedException");
        assertThat(typed.getMessage()).isEqualTo(wire.awsErrorDetails().errorMessage());
        assertThat(stack.ledger().entries(LedgerEntry.ItemWrite.class))
                .extracting(LedgerEntry.ItemWrite::outcome).containsExactly(LedgerEntry.ConditionOutcome.APPLIED,
                        LedgerEntry.ConditionOutcome.CONDITION_FAILED, LedgerEntry.ConditionOutcome.CONDITION_FAILED);
    }

    @Test
    void a_port_update_applies_its_update_expression_to_the_stored_item() {
        port.write(port.putItem(orders, order("o-4", 1), null));
        ExpressionAttributes attributes = new ExpressionAttributes(Map.of("#q", "qty"),
                Map.of(":n", AttributeValue.n(2)));

        ItemChange change = port.write(port.updateItem(orders, key("o-4"),
                UpdateExpression.parse("ADD #q :n", attributes), null));

        assertThat(change.after().get("qty")).isEqualTo(AttributeValue.n(3));
        assertThat(dynamo.getItem(b -> b.tableName("orders").key(Map.of("id", s("o-4")))).item().get("qty").n())
                .isEqualTo("3");
    }

    @Test
    void a_port_transaction_writes_all_or_nothing() {
        port.write(port.putItem(orders, order("paid", 1), null));
        Condition absent = ConditionExpressionParser.parse("ConditionExpression", "attribute_not_exists(id)",
                ExpressionAttributes.none());

        AwsException refused = catchThrowableOfType(() -> port.transactWrite(List.of(
                port.putItem(orders, order("new", 1), null),
                port.conditionCheck(orders, key("paid"), absent))), AwsException.class);

        assertThat(refused.code()).isEqualTo("TransactionCanceledException");
        assertThat(refused.getMessage()).contains("[None, ConditionalCheckFailed]");
        assertThat(port.get(orders, key("new"))).isNull();

        port.transactWrite(List.of(port.putItem(orders, order("new", 1), null),
                port.deleteItem(orders, key("paid"), null)));

        assertThat(port.get(orders, key("new"))).isNotNull();
        assertThat(port.get(orders, key("paid"))).isNull();
        assertThat(stack.ledger().entries(LedgerEntry.ItemWrite.class)).extracting(LedgerEntry.ItemWrite::operation)
                .containsExactly("PutItem", "TransactWriteItems", "TransactWriteItems", "TransactWriteItems");
    }

    @Test
    void a_key_that_does_not_fit_the_schema_and_a_missing_table_fail_as_the_wire_fails() {
        AttributeMap wrongType = AttributeMap.of(Map.of("id", AttributeValue.n(1)));
        AwsException typed = catchThrowableOfType(() -> port.get(orders, wrongType), AwsException.class);
        DynamoDbException wire = catchThrowableOfType(() -> dynamo.getItem(b -> b.tableName("orders")
                .key(Map.of("id", software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromN("1")))),
                DynamoDbException.class);
        assertThat(typed.getMessage()).isEqualTo(wire.awsErrorDetails().errorMessage());

        AwsException missing = catchThrowableOfType(() -> port.get(
                ResourceRef.table(stack.defaultRegion(), stack.accountId(), "missing"), key("x")), AwsException.class);
        assertThat(missing.code()).isEqualTo("ResourceNotFoundException");
    }

    private static AttributeMap order(String id, long qty) {
        return AttributeMap.of(Map.of("id", AttributeValue.s(id), "qty", AttributeValue.n(qty)));
    }

    private static AttributeMap key(String id) {
        return AttributeMap.of(Map.of("id", AttributeValue.s(id)));
    }

    private static software.amazon.awssdk.services.dynamodb.model.AttributeValue s(String value) {
        return software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS(value);
    }
}
