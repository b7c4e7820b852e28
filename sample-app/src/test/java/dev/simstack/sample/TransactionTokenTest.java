package dev.simstack.sample;

import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.Stack;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.Table;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.IdempotentParameterMismatchException;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItem;
import software.amazon.awssdk.services.dynamodb.model.TransactWriteItemsRequest;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;

/**
 * A worker that marks an order PAID and records its payment in one transaction can repeat that transaction
 * safely with a {@code ClientRequestToken}: DynamoDB applies a token's transaction once within ten minutes and
 * answers a repeat as a success. (The app's worker uses two conditional writes instead; this is the alternative
 * when both writes must happen together.)
 */
@SimStack(tables = {@Table(name = "orders", partitionKey = "orderId"),
                    @Table(name = "payments", partitionKey = "paymentId")},
        clock = "manual")
class TransactionTokenTest {

    @BeforeEach
    void aPendingOrder(DynamoDbClient dynamo) {
        dynamo.putItem(b -> b.tableName("orders").item(Map.of("orderId", AttributeValue.fromS("o-1"),
                "status", AttributeValue.fromS("PENDING"))));
    }

    @Test
    void a_repeated_transaction_with_the_same_token_is_applied_once(Stack stack, DynamoDbClient dynamo) {
        // docs:client-token-start
        TransactWriteItemsRequest pay = markPaidAndRecord("o-1", "ch-1").toBuilder()
                .clientRequestToken("pay-o-1")                 // the order's own key: a retry sends the same one
                .build();

        dynamo.transactWriteItems(pay);
        dynamo.transactWriteItems(pay);                        // a retry after a lost answer: succeeds, changes nothing

        assertThat(stack).idempotency().ofItemWrites("payments").byAttribute("orderId").eachKeyAppliedOnce();
        assertThat(dynamo.scan(b -> b.tableName("payments")).count()).isEqualTo(1);
        // docs:client-token-end
    }

    @Test
    void without_a_token_the_repeat_is_cancelled_by_its_condition(DynamoDbClient dynamo) {
        // docs:no-token-start
        dynamo.transactWriteItems(markPaidAndRecord("o-1", "ch-1"));

        assertThatThrownBy(() -> dynamo.transactWriteItems(markPaidAndRecord("o-1", "ch-1")))
                .isInstanceOf(TransactionCanceledException.class)
                .hasMessageContaining("[ConditionalCheckFailed, ConditionalCheckFailed]");   // both conditions, as AWS checks all
        // docs:no-token-end
    }

    @Test
    void a_token_reused_for_another_transaction_is_refused(DynamoDbClient dynamo) {
        // docs:token-mismatch-start
        dynamo.transactWriteItems(markPaidAndRecord("o-1", "ch-1").toBuilder().clientRequestToken("pay-o-1").build());

        assertThatThrownBy(() -> dynamo.transactWriteItems(
                markPaidAndRecord("o-1", "ch-2").toBuilder().clientRequestToken("pay-o-1").build()))
                .isInstanceOf(IdempotentParameterMismatchException.class);
        // docs:token-mismatch-end
    }

    @Test
    void a_token_is_remembered_for_ten_minutes_of_the_stacks_clock(Stack stack, DynamoDbClient dynamo) {
        TransactWriteItemsRequest pay = markPaidAndRecord("o-1", "ch-1").toBuilder()
                .clientRequestToken("pay-o-1").build();
        dynamo.transactWriteItems(pay);

        stack.clock().advance(Duration.ofMinutes(10).plusSeconds(1));

        assertThatThrownBy(() -> dynamo.transactWriteItems(pay)).isInstanceOf(TransactionCanceledException.class);
    }

    // docs:transaction-start
    /** Marks the order PAID if it is PENDING and records its payment, both or neither. */
    static TransactWriteItemsRequest markPaidAndRecord(String orderId, String chargeId) {
        return TransactWriteItemsRequest.builder().transactItems(
                TransactWriteItem.builder().update(u -> u.tableName("orders")
                        .key(Map.of("orderId", AttributeValue.fromS(orderId)))
                        .updateExpression("SET #status = :paid")
                        .conditionExpression("#status = :pending")
                        .expressionAttributeNames(Map.of("#status", "status"))
                        .expressionAttributeValues(Map.of(":paid", AttributeValue.fromS("PAID"),
                                ":pending", AttributeValue.fromS("PENDING")))).build(),
                TransactWriteItem.builder().put(p -> p.tableName("payments")
                        .item(Map.of("paymentId", AttributeValue.fromS(chargeId),
                                "orderId", AttributeValue.fromS(orderId)))
                        .conditionExpression("attribute_not_exists(paymentId)")).build())
                .build();
    }
    // docs:transaction-end
}
