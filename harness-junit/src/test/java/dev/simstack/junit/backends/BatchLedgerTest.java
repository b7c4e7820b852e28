package dev.simstack.junit.backends;

import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.simstack.core.Ledger;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.LedgerEntry.ConditionOutcome;
import dev.simstack.junit.Backend;
import dev.simstack.junit.Kit;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.Table;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.TransactionCanceledException;
import software.amazon.awssdk.services.dynamodb.model.WriteRequest;

/**
 * The writes inside BatchWriteItem and TransactWriteItems are in a remote backend's client ledger item by item, as
 * the engine records them (the same fixture runs on both), so the idempotency checks see them; on AWS the declared
 * table names inside batches and transactions reach the prefixed tables.
 */
class BatchLedgerTest {

    @Test
    void batch_and_transaction_writes_are_recorded_item_by_item_on_the_endpoint() {
        try (StandIn standIn = new StandIn()) {
            Kit.assertPassed(Kit.run(standIn.asEndpoint(), Batches.class), 1);
        }
    }

    @Test
    void the_engine_records_the_same_writes() {
        Kit.assertPassed(Kit.run(Batches.class), 1);
    }

    @Test
    void on_aws_the_declared_tables_inside_batches_and_transactions_are_the_prefixed_ones() {
        try (StandIn account = new StandIn()) {
            Kit.assertPassed(StandIn.withDefaultChain("us-east-1", () -> Kit.run(account.asAws(), BatchesOnAws.class)), 1);
            assertThat(account.writtenKeys()).containsExactly("orderId=o-1", "id=a-1", "orderId=o-2");
        }
    }

    private static Map<String, AttributeValue> payment(String id) {
        return Map.of("orderId", AttributeValue.fromS(id));
    }

    @SimStack(tables = {@Table(name = "payments", partitionKey = "orderId"),
            @Table(name = "audit", partitionKey = "id")})
    static class Batches {

        @Test
        void each_write_is_an_entry(DynamoDbClient dynamo, Ledger ledger) {
            dynamo.batchWriteItem(b -> b.requestItems(Map.of(
                    "payments", List.of(WriteRequest.builder().putRequest(p -> p.item(payment("o-1"))).build(),
                            WriteRequest.builder().putRequest(p -> p.item(payment("o-2"))).build()),
                    "audit", List.of(WriteRequest.builder().deleteRequest(d -> d.key(Map.of("id",
                            AttributeValue.fromS("a-0")))).build()))));
            dynamo.transactWriteItems(b -> b.transactItems(
                    t -> t.put(p -> p.tableName("payments").item(payment("o-3"))),
                    t -> t.conditionCheck(c -> c.tableName("payments").key(payment("o-1"))
                            .conditionExpression("attribute_exists(orderId)")),
                    t -> t.update(u -> u.tableName("audit").key(Map.of("id", AttributeValue.fromS("a-1")))
                            .updateExpression("SET seen = :t").expressionAttributeValues(Map.of(":t",
                                    AttributeValue.fromBool(true))))));
            assertThatThrownBy(() -> dynamo.transactWriteItems(b -> b.transactItems(
                    t -> t.put(p -> p.tableName("payments").item(payment("o-4"))),
                    t -> t.put(p -> p.tableName("payments").item(payment("o-1"))
                            .conditionExpression("attribute_not_exists(orderId)")))))
                    .isInstanceOf(TransactionCanceledException.class);

            assertThat(ledger.entries(LedgerEntry.ItemWrite.class))
                    .extracting(w -> w.table().name(), LedgerEntry.ItemWrite::key, LedgerEntry.ItemWrite::operation,
                            LedgerEntry.ItemWrite::outcome)
                    .containsExactlyInAnyOrder(
                            tuple("payments", "orderId=o-1", "BatchWriteItem", ConditionOutcome.APPLIED),
                            tuple("payments", "orderId=o-2", "BatchWriteItem", ConditionOutcome.APPLIED),
                            tuple("audit", "id=a-0", "BatchWriteItem", ConditionOutcome.APPLIED),
                            tuple("payments", "orderId=o-3", "TransactWriteItems", ConditionOutcome.APPLIED),
                            tuple("audit", "id=a-1", "TransactWriteItems", ConditionOutcome.APPLIED),
                            tuple("payments", "orderId=o-1", "TransactWriteItems",
                                    ConditionOutcome.CONDITION_FAILED));
            assertThat(ledger).idempotency().ofItemWrites("payments").eachKeyAppliedOnce();
            assertThatThrownBy(() -> assertThat(ledger).idempotency().ofItemWrites("audit").keys("id=a-0", "id=a-9")
                    .eachKeyAppliedOnce()).isInstanceOf(AssertionError.class);
        }
    }

    @SimStack(backend = Backend.AWS, tables = {@Table(name = "payments", partitionKey = "orderId"),
            @Table(name = "audit", partitionKey = "id")})
    static class BatchesOnAws {

        @Test
        void declared_names_reach_the_prefixed_tables(DynamoDbClient dynamo, Ledger ledger) {
            dynamo.batchWriteItem(b -> b.requestItems(Map.of("payments", List.of(WriteRequest.builder()
                    .putRequest(p -> p.item(payment("o-1"))).build()))));
            dynamo.transactWriteItems(b -> b.transactItems(
                    t -> t.put(p -> p.tableName("audit").item(Map.of("id", AttributeValue.fromS("a-1")))),
                    t -> t.put(p -> p.tableName("payments").item(payment("o-2")))));

            assertThat(dynamo.getItem(b -> b.tableName("payments").key(payment("o-2"))).hasItem()).isTrue();
            assertThat(ledger.entries(LedgerEntry.ItemWrite.class)).extracting(w -> w.table().name(),
                    LedgerEntry.ItemWrite::key).containsExactly(tuple("payments", "orderId=o-1"),
                    tuple("audit", "id=a-1"), tuple("payments", "orderId=o-2"));
        }
    }
}
