package dev.simstack.core.dynamodb;

import static dev.simstack.core.dynamodb.DynamoDbTestSupport.item;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.n;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.ResourceRef;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.dynamodb.model.GetItemResponse;
import software.amazon.awssdk.services.dynamodb.model.PutItemResponse;
import software.amazon.awssdk.services.dynamodb.model.ReturnValue;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.UpdateItemResponse;

class ItemCrudTest {

    private static DynamoDbTestSupport support;

    @BeforeAll
    static void start() {
        support = DynamoDbTestSupport.start();
        support.hashTable("items");
    }

    @AfterAll
    static void stop() {
        support.close();
    }

    @Test
    void put_then_get_returns_every_type_as_written() {
        Map<String, AttributeValue> written = item("id", "all-types", "s", "text", "n", 42);
        written.put("b", AttributeValue.fromB(SdkBytes.fromUtf8String("bytes")));
        written.put("bool", AttributeValue.fromBool(true));
        written.put("nul", AttributeValue.fromNul(true));
        written.put("ss", AttributeValue.fromSs(List.of("a", "b")));
        written.put("ns", AttributeValue.fromNs(List.of("1", "2.5")));
        written.put("l", AttributeValue.fromL(List.of(s("x"), n(1))));
        written.put("m", AttributeValue.fromM(Map.of("inner", s("v"))));
        support.dynamo.putItem(b -> b.tableName("items").item(written));

        GetItemResponse read = support.dynamo.getItem(b -> b.tableName("items").key(Map.of("id", s("all-types")))
                .consistentRead(true));

        assertThat(read.item()).isEqualTo(written);
    }

    @Test
    void get_of_a_missing_item_has_no_item() {
        GetItemResponse read = support.dynamo.getItem(b -> b.tableName("items").key(Map.of("id", s("absent"))));

        assertThat(read.hasItem()).isFalse();
    }

    @Test
    void numbers_come_back_in_canonical_form() {
        support.dynamo.putItem(b -> b.tableName("items").item(item("id", "numbers", "a", n("007.50"), "b",
                n("-0"), "c", n("1E+3"), "d", n("0.000100"))));

        Map<String, AttributeValue> read = support.dynamo.getItem(b -> b.tableName("items")
                .key(Map.of("id", s("numbers")))).item();

        assertThat(read.get("a").n()).isEqualTo("7.5");
        assertThat(read.get("b").n()).isEqualTo("0");
        assertThat(read.get("c").n()).isEqualTo("1000");
        assertThat(read.get("d").n()).isEqualTo("0.0001");
    }

    @Test
    void put_with_all_old_returns_the_replaced_item() {
        support.dynamo.putItem(b -> b.tableName("items").item(item("id", "replace", "v", 1)));

        PutItemResponse response = support.dynamo.putItem(b -> b.tableName("items")
                .item(item("id", "replace", "v", 2)).returnValues(ReturnValue.ALL_OLD));

        assertThat(response.attributes()).isEqualTo(item("id", "replace", "v", 1));
    }

    @Test
    void conditional_put_fails_with_the_old_item_when_asked() {
        support.dynamo.putItem(b -> b.tableName("items").item(item("id", "taken", "owner", "alice")));

        assertThatThrownBy(() -> support.dynamo.putItem(b -> b.tableName("items")
                .item(item("id", "taken", "owner", "bob")).conditionExpression("attribute_not_exists(id)")
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)))
                .isInstanceOfSatisfying(ConditionalCheckFailedException.class, e -> {
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("The conditional request failed");
                    assertThat(e.item()).isEqualTo(item("id", "taken", "owner", "alice"));
                });
    }

    @Test
    void update_creates_the_item_and_returns_updated_new() {
        UpdateItemResponse response = support.dynamo.updateItem(b -> b.tableName("items")
                .key(Map.of("id", s("counter"))).updateExpression("SET hits = if_not_exists(hits, :zero) + :one")
                .expressionAttributeValues(Map.of(":zero", n(0), ":one", n(1))).returnValues(ReturnValue.UPDATED_NEW));

        assertThat(response.attributes()).isEqualTo(Map.of("hits", n(1)));
    }

    @Test
    void update_returns_each_return_values_variant() {
        support.dynamo.putItem(b -> b.tableName("items").item(item("id", "variants", "a", 1, "b", "keep")));

        Map<String, AttributeValue> updatedOld = support.dynamo.updateItem(b -> b.tableName("items")
                .key(Map.of("id", s("variants"))).updateExpression("SET a = :two")
                .expressionAttributeValues(Map.of(":two", n(2))).returnValues(ReturnValue.UPDATED_OLD)).attributes();
        Map<String, AttributeValue> allOld = support.dynamo.updateItem(b -> b.tableName("items")
                .key(Map.of("id", s("variants"))).updateExpression("SET a = :three")
                .expressionAttributeValues(Map.of(":three", n(3))).returnValues(ReturnValue.ALL_OLD)).attributes();
        Map<String, AttributeValue> allNew = support.dynamo.updateItem(b -> b.tableName("items")
                .key(Map.of("id", s("variants"))).updateExpression("REMOVE b").returnValues(ReturnValue.ALL_NEW))
                .attributes();

        assertThat(updatedOld).isEqualTo(Map.of("a", n(1)));
        assertThat(allOld).isEqualTo(item("id", "variants", "a", 2, "b", "keep"));
        assertThat(allNew).isEqualTo(item("id", "variants", "a", 3));
    }

    @Test
    void delete_with_all_old_returns_the_deleted_item() {
        support.dynamo.putItem(b -> b.tableName("items").item(item("id", "doomed", "v", 1)));

        Map<String, AttributeValue> old = support.dynamo.deleteItem(b -> b.tableName("items")
                .key(Map.of("id", s("doomed"))).returnValues(ReturnValue.ALL_OLD)).attributes();

        assertThat(old).isEqualTo(item("id", "doomed", "v", 1));
        assertThat(support.dynamo.getItem(b -> b.tableName("items").key(Map.of("id", s("doomed")))).hasItem())
                .isFalse();
    }

    @Test
    void conditional_delete_that_fails_leaves_the_item() {
        support.dynamo.putItem(b -> b.tableName("items").item(item("id", "guarded", "version", 3)));

        assertThatThrownBy(() -> support.dynamo.deleteItem(b -> b.tableName("items").key(Map.of("id", s("guarded")))
                .conditionExpression("version = :v").expressionAttributeValues(Map.of(":v", n(2)))))
                .isInstanceOf(ConditionalCheckFailedException.class);

        assertThat(support.dynamo.getItem(b -> b.tableName("items").key(Map.of("id", s("guarded")))).hasItem())
                .isTrue();
    }

    @Test
    void get_with_projection_returns_only_the_projected_paths() {
        support.dynamo.putItem(b -> b.tableName("items").item(Map.of("id", s("doc"), "name", s("n"),
                "address", AttributeValue.fromM(Map.of("city", s("Paris"), "zip", s("75001"))),
                "tags", AttributeValue.fromL(List.of(s("a"), s("b"), s("c"))))));

        Map<String, AttributeValue> read = support.dynamo.getItem(b -> b.tableName("items")
                .key(Map.of("id", s("doc"))).projectionExpression("address.city, tags[2], #n")
                .expressionAttributeNames(Map.of("#n", "name"))).item();

        assertThat(read).isEqualTo(Map.of("address", AttributeValue.fromM(Map.of("city", s("Paris"))),
                "tags", AttributeValue.fromL(List.of(s("c"))), "name", s("n")));
    }

    @Test
    void the_ledger_records_applied_and_refused_writes() {
        support.dynamo.putItem(b -> b.tableName("items").item(item("id", "ledgered")));
        try {
            support.dynamo.putItem(b -> b.tableName("items").item(item("id", "ledgered"))
                    .conditionExpression("attribute_not_exists(id)"));
        } catch (ConditionalCheckFailedException expected) {
            // the refusal is what the ledger must show
        }

        List<LedgerEntry.ItemWrite> writes = support.stack.ledger().entries(LedgerEntry.ItemWrite.class).stream()
                .filter(w -> w.key().equals("id=ledgered")).toList();

        assertThat(writes).extracting(LedgerEntry.ItemWrite::outcome).containsExactly(
                LedgerEntry.ConditionOutcome.APPLIED, LedgerEntry.ConditionOutcome.CONDITION_FAILED);
        assertThat(writes).allSatisfy(w -> {
            assertThat(w.table()).isEqualTo(ResourceRef.table("us-east-1", "000000000000", "items"));
            assertThat(w.operation()).isEqualTo("PutItem");
        });
    }
}
