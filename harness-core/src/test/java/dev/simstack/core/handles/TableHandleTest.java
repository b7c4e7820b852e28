package dev.simstack.core.handles;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.TableHandle;
import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/** {@code stack.table(..)}: items as plain Java values, by key, counted exactly, after real DynamoDB writes. */
class TableHandleTest {

    private Stack stack;
    private DynamoDbClient dynamo;

    @BeforeEach
    void start() {
        stack = StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(3).start();
        dynamo = HandleClients.dynamo(stack);
        dynamo.createTable(b -> b.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(definition("pk", ScalarAttributeType.S), definition("sk", ScalarAttributeType.N))
                .keySchema(KeySchemaElement.builder().attributeName("pk").keyType(KeyType.HASH).build(),
                        KeySchemaElement.builder().attributeName("sk").keyType(KeyType.RANGE).build()));
    }

    @AfterEach
    void stop() {
        dynamo.close();
        stack.close();
    }

    private static AttributeDefinition definition(String name, ScalarAttributeType type) {
        return AttributeDefinition.builder().attributeName(name).attributeType(type).build();
    }

    private void put(String pk, int sk, Map<String, AttributeValue> more) {
        Map<String, AttributeValue> item = new java.util.HashMap<>(more);
        item.put("pk", AttributeValue.fromS(pk));
        item.put("sk", AttributeValue.fromN(Integer.toString(sk)));
        dynamo.putItem(b -> b.tableName("orders").item(item));
    }

    @Test
    void items_come_as_plain_java_values_for_every_attribute_type() {
        put("a", 1, Map.of(
                "s", AttributeValue.fromS("text"),
                "n", AttributeValue.fromN("1.50"),
                "big", AttributeValue.fromN("100"),
                "b", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {7, 8})),
                "bool", AttributeValue.fromBool(true),
                "nothing", AttributeValue.fromNul(true),
                "l", AttributeValue.fromL(List.of(AttributeValue.fromS("x"), AttributeValue.fromN("2"))),
                "m", AttributeValue.fromM(Map.of("inner", AttributeValue.fromBool(false))),
                "ss", AttributeValue.fromSs(List.of("red", "blue")),
                "ns", AttributeValue.fromNs(List.of("1", "2.5"))));
        put("a", 2, Map.of("bs", AttributeValue.fromBs(List.of(SdkBytes.fromByteArray(new byte[] {1})))));

        List<Map<String, Object>> items = stack.table("orders").items();

        Map<String, Object> item = items.get(0);
        assertThat(item).containsEntry("pk", "a").containsEntry("sk", new BigDecimal("1"))
                .containsEntry("s", "text").containsEntry("n", new BigDecimal("1.5"))
                .containsEntry("big", new BigDecimal("100")).containsEntry("bool", true)
                .containsEntry("nothing", null).containsEntry("l", List.of("x", new BigDecimal("2")))
                .containsEntry("m", Map.of("inner", false)).containsEntry("ss", Set.of("red", "blue"))
                .containsEntry("ns", Set.of(new BigDecimal("1"), new BigDecimal("2.5")));
        assertThat((byte[]) item.get("b")).containsExactly(7, 8);
        assertThat(item.keySet()).containsExactly("b", "big", "bool", "l", "m", "n", "nothing", "ns", "pk", "s", "sk",
                "ss");
        assertThat((Set<?>) items.get(1).get("bs")).singleElement()
                .satisfies(bytes -> assertThat((byte[]) bytes).containsExactly(1));
    }

    @Test
    void items_are_in_scan_order_and_counted_exactly() {
        put("b", 2, Map.of());
        put("a", 10, Map.of());
        put("b", 1, Map.of());
        put("a", 9, Map.of());

        TableHandle orders = stack.table("orders");
        List<Map<String, Object>> scanned = dynamo.scan(b -> b.tableName("orders")).items().stream()
                .map(item -> Map.<String, Object>of("pk", item.get("pk").s(), "sk", new BigDecimal(item.get("sk").n())))
                .toList();

        assertThat(orders.items()).isEqualTo(scanned);
        assertThat(orders.itemCount()).isEqualTo(4);
        dynamo.deleteItem(b -> b.tableName("orders").key(Map.of("pk", AttributeValue.fromS("a"),
                "sk", AttributeValue.fromN("9"))));
        assertThat(orders.itemCount()).isEqualTo(3);
    }

    @Test
    void item_by_composite_key_given_as_plain_values() {
        put("a", 5, Map.of("note", AttributeValue.fromS("five")));

        TableHandle orders = stack.table("orders");

        assertThat(orders.item(Map.of("pk", "a", "sk", 5))).hasValueSatisfying(item ->
                assertThat(item).containsEntry("note", "five"));
        assertThat(orders.item(Map.of("pk", "a", "sk", new BigDecimal("6")))).isEmpty();
        assertThat(orders.ref()).isEqualTo(ResourceRef.table("us-east-1", "000000000000", "orders"));
        assertThat(orders.arn()).isEqualTo("arn:aws:dynamodb:us-east-1:000000000000:table/orders");
    }

    @Test
    void a_key_of_the_wrong_shape_names_the_table_key() {
        TableHandle orders = stack.table("orders");

        assertThatThrownBy(() -> orders.item(Map.of("pk", "a"))).isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the key {pk=a} does not match table 'orders' in us-east-1, whose key is pk (S, partition"
                        + " key) and sk (N, sort key): give exactly its key attributes, with those types (S a String,"
                        + " N a Number, B a byte[])");
        assertThatThrownBy(() -> orders.item(Map.of("pk", "a", "sk", "5")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("whose key is pk (S, partition");
    }

    @Test
    void a_handle_on_a_deleted_table_says_so_when_read() {
        TableHandle orders = stack.table("orders");
        dynamo.deleteTable(b -> b.tableName("orders"));

        assertThatThrownBy(orders::items).isInstanceOf(IllegalStateException.class)
                .hasMessage("the DynamoDB table 'orders' in us-east-1 no longer exists: it was deleted (or the stack"
                        + " reset without it) after this handle was taken; the handle reads it again once it is"
                        + " created again");
    }
}
