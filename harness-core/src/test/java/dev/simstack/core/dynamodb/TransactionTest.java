package dev.simstack.core.dynamodb;

import static dev.simstack.core.dynamodb.DynamoDbTestSupport.item;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.n;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.CancellationReason;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.ReturnValuesOnConditionCheckFailure;
import software.amazon.awssdk.services.dynamodb.model.TransactGetItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

class TransactionTest {

    private static DynamoDbTestSupport support;

    @BeforeAll
    static void start() {
        support = DynamoDbTestSupport.start();
        support.hashTable("accounts");
        support.hashTable("audit");
    }

    @AfterAll
    static void stop() {
        support.close();
    }

    private static Map<String, AttributeValue> get(String table, String id) {
        return support.dynamo.getItem(b -> b.tableName(table).key(Map.of("id", s(id)))).item();
    }

    private static TransactWriteItem debit(String id, int amount) {
        return TransactWriteItem.builder().update(u -> u.tableName("accounts").key(Map.of("id", s(id)))
                .updateExpression("SET balance = balance - :a").conditionExpression("balance >= :a")
                .expressionAttributeValues(Map.of(":a", n(amount)))
                .returnValuesOnConditionCheckFailure(ReturnValuesOnConditionCheckFailure.ALL_OLD)).build();
    }

    private static TransactWriteItem credit(String id, int amount) {
        return TransactWriteItem.builder().update(u -> u.tableName("accounts").key(Map.of("id", s(id)))
                .updateExpression("SET balance = balance + :a").expressionAttributeValues(Map.of(":a", n(amount))))
                .build();
    }

    private static TransactWriteItem audit(String id) {
        return TransactWriteItem.builder().put(p -> p.tableName("audit").item(item("id", id))).build();
    }

    @Test
    void a_transfer_applies_every_action() {
        support.dynamo.putItem(b -> b.tableName("accounts").item(item("id", "a1", "balance", 100)));
        support.dynamo.putItem(b -> b.tableName("accounts").item(item("id", "b1", "balance", 0)));

        support.dynamo.transactWriteItems(b -> b.transactItems(debit("a1", 30), credit("b1", 30), audit("t1")));

        assertThat(get("accounts", "a1").get("balance")).isEqualTo(n(70));
        assertThat(get("accounts", "b1").get("balance")).isEqualTo(n(30));
        assertThat(get("audit", "t1")).isNotEmpty();
    }

    @Test
    void a_failed_condition_cancels_everything_with_reasons_in_order() {
        support.dynamo.putItem(b -> b.tableName("accounts").item(item("id", "a2", "balance", 10)));
        support.dynamo.putItem(b -> b.tableName("accounts").item(item("id", "b2", "balance", 0)));

        assertThatThrownBy(() -> support.dynamo.transactWriteItems(b -> b.transactItems(credit("b2", 50),
                debit("a2", 50), audit("t2"))))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.awsErrorDetails().errorMessage()).isEqualTo("Transaction cancelled, please refer "
                            + "cancellation reasons for specific reasons [None, ConditionalCheckFailed, None]");
                    assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
                            .containsExactly("None", "ConditionalCheckFailed", "None");
                    assertThat(e.cancellationReasons().get(1).message()).isEqualTo("The conditional request failed");
                    assertThat(e.cancellationReasons().get(1).item()).isEqualTo(item("id", "a2", "balance", 10));
                });

        assertThat(get("accounts", "b2").get("balance")).isEqualTo(n(0));
        assertThat(get("audit", "t2")).isEmpty();
    }

    @Test
    void a_condition_check_guards_without_writing() {
        support.dynamo.putItem(b -> b.tableName("accounts").item(item("id", "frozen", "state", "FROZEN")));

        assertThatThrownBy(() -> support.dynamo.transactWriteItems(b -> b.transactItems(
                TransactWriteItem.builder().conditionCheck(c -> c.tableName("accounts").key(Map.of("id", s("frozen")))
                        .conditionExpression("#s <> :f").expressionAttributeNames(Map.of("#s", "state"))
                        .expressionAttributeValues(Map.of(":f", s("FROZEN")))).build(),
                audit("t3")))).isInstanceOf(TransactionCanceledException.class);

        assertThat(get("audit", "t3")).isEmpty();
    }

    @Test
    void a_mistyped_key_cancels_with_a_validation_error_reason() {
        assertThatThrownBy(() -> support.dynamo.transactWriteItems(b -> b.transactItems(audit("t4"),
                TransactWriteItem.builder().put(p -> p.tableName("accounts").item(Map.of("id", n(5)))).build())))
                .isInstanceOfSatisfying(TransactionCanceledException.class, e -> {
                    assertThat(e.cancellationReasons()).extracting(CancellationReason::code)
                            .containsExactly("None", "ValidationError");
                    assertThat(e.cancellationReasons().get(1).message()).isEqualTo("One or more parameter values were "
                            + "invalid: Type mismatch for key id expected: S actual: N");
                });

        assertThat(get("audit", "t4")).isEmpty();
    }

    @Test
    void two_actions_on_one_item_are_refused() {
        assertThatThrownBy(() -> support.dynamo.transactWriteItems(b -> b.transactItems(audit("dup"), audit("dup"))))
                .isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("Transaction request cannot include multiple operations on one item");
    }

    @Test
    void a_retry_with_the_same_token_does_not_apply_twice() {
        support.dynamo.putItem(b -> b.tableName("accounts").item(item("id", "idem", "balance", 0)));

        support.dynamo.transactWriteItems(b -> b.clientRequestToken("token-1").transactItems(credit("idem", 5)));
        support.dynamo.transactWriteItems(b -> b.clientRequestToken("token-1").transactItems(credit("idem", 5)));

        assertThat(get("accounts", "idem").get("balance")).isEqualTo(n(5));
    }

    @Test
    void the_same_token_with_other_parameters_is_a_mismatch() {
        support.dynamo.putItem(b -> b.tableName("accounts").item(item("id", "idem2", "balance", 0)));
        support.dynamo.transactWriteItems(b -> b.clientRequestToken("token-2").transactItems(credit("idem2", 5)));

        assertThatThrownBy(() -> support.dynamo.transactWriteItems(b -> b.clientRequestToken("token-2")
                .transactItems(credit("idem2", 6)))).isInstanceOf(IdempotentParameterMismatchException.class);
    }

    @Test
    void a_token_expires_after_ten_minutes_on_the_clock() {
        support.dynamo.putItem(b -> b.tableName("accounts").item(item("id", "idem3", "balance", 0)));
        support.dynamo.transactWriteItems(b -> b.clientRequestToken("token-3").transactItems(credit("idem3", 5)));

        support.stack.clock().advance(Duration.ofMinutes(10));
        support.dynamo.transactWriteItems(b -> b.clientRequestToken("token-3").transactItems(credit("idem3", 5)));

        assertThat(get("accounts", "idem3").get("balance")).isEqualTo(n(10));
    }

    @Test
    void transact_get_reads_a_consistent_snapshot() {
        support.dynamo.putItem(b -> b.tableName("accounts").item(item("id", "g1", "balance", 1)));

        var response = support.dynamo.transactGetItems(b -> b.transactItems(
                TransactGetItem.builder().get(g -> g.tableName("accounts").key(Map.of("id", s("g1")))).build(),
                TransactGetItem.builder().get(g -> g.tableName("accounts").key(Map.of("id", s("none")))).build()));

        assertThat(response.responses().get(0).item()).isEqualTo(item("id", "g1", "balance", 1));
        assertThat(response.responses().get(1).hasItem()).isFalse();
    }
}
