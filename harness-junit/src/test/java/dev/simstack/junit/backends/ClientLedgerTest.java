package dev.simstack.junit.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import dev.simstack.core.Ledger;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.LedgerEntry.ConditionOutcome;
import dev.simstack.core.LedgerEntry.MessageEvent;
import dev.simstack.core.LedgerEntry.ObjectWriteKind;
import dev.simstack.core.LedgerEntry.WriteOutcome;
import dev.simstack.junit.Bucket;
import dev.simstack.junit.Kit;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.Table;
import dev.simstack.junit.Throttle;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;

/**
 * On a remote backend the injected Ledger is what the injected clients saw: each attempt, and the message steps,
 * item writes and object writes their requests and answers show, under the declared names, on the wall clock.
 */
class ClientLedgerTest {

    @Test
    void the_injected_clients_record_what_they_saw() {
        try (StandIn standIn = new StandIn()) {
            Kit.assertPassed(Kit.run(standIn.asEndpoint(), Recorded.class), 3);
        }
    }

    @SimStack(queues = {@Queue(name = "orders"), @Queue(name = "invoices")},
            tables = @Table(name = "orders", partitionKey = "id"),
            buckets = @Bucket(name = "receipts", versioning = true))
    static class Recorded {

        @Test
        void messages_are_followed_by_their_ids(SqsClient sqs, @QueueUrl("invoices") String orders, Ledger ledger) {
            int before = ledger.size();
            String id = sqs.sendMessage(b -> b.queueUrl(orders).messageBody("order-1")).messageId();
            Message received = sqs.receiveMessage(b -> b.queueUrl(orders)
                    .messageSystemAttributeNames(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT))
                    .messages().get(0);
            sqs.deleteMessage(b -> b.queueUrl(orders).receiptHandle(received.receiptHandle()));

            List<LedgerEntry.Message> steps = ledger.entries(LedgerEntry.Message.class).stream()
                    .filter(step -> step.messageId().equals(id)).toList();
            assertThat(steps).extracting(LedgerEntry.Message::kind)
                    .containsExactly(MessageEvent.SENT, MessageEvent.DELIVERED, MessageEvent.DELETED);
            assertThat(steps.get(0).body()).isEqualTo("order-1");
            assertThat(steps.get(1).receiveCount()).isEqualTo(1);
            assertThat(steps.get(0).queue().name()).isEqualTo("invoices");
            assertThat(steps.get(0).queue().account()).isEqualTo("000000000000");
            // The tests of a class share its ledger, as they share its resources on a remote backend.
            assertThat(ledger.entries().stream().skip(before).filter(LedgerEntry.Request.class::isInstance)
                    .map(LedgerEntry.Request.class::cast).toList())
                    .extracting(LedgerEntry.Request::operation, LedgerEntry.Request::status, r -> r.resource().name())
                    .containsExactly(tuple("SendMessage", 200, "invoices"), tuple("ReceiveMessage", 200, "invoices"),
                            tuple("DeleteMessage", 200, "invoices"));
        }

        @Test
        void writes_are_applied_or_refused(DynamoDbClient dynamo, S3Client s3, Ledger ledger) {
            Map<String, AttributeValue> item = Map.of("id", AttributeValue.fromS("o-1"));
            dynamo.putItem(b -> b.tableName("orders").item(item).conditionExpression("attribute_not_exists(id)"));
            assertThatThrownBy(() -> dynamo.putItem(b -> b.tableName("orders").item(item)
                    .conditionExpression("attribute_not_exists(id)")))
                    .isInstanceOf(ConditionalCheckFailedException.class);
            String version = s3.putObject(b -> b.bucket("receipts").key("r-1"), RequestBody.fromString("paid"))
                    .versionId();

            assertThat(ledger.entries(LedgerEntry.ItemWrite.class))
                    .extracting(w -> w.table().name(), LedgerEntry.ItemWrite::key, LedgerEntry.ItemWrite::outcome)
                    .containsExactly(tuple("orders", "id=o-1", ConditionOutcome.APPLIED),
                            tuple("orders", "id=o-1", ConditionOutcome.CONDITION_FAILED));
            assertThat(ledger.entries(LedgerEntry.ObjectWrite.class))
                    .extracting(w -> w.bucket().name(), LedgerEntry.ObjectWrite::key,
                            LedgerEntry.ObjectWrite::versionId, LedgerEntry.ObjectWrite::kind,
                            LedgerEntry.ObjectWrite::outcome)
                    .containsExactly(tuple("receipts", "r-1", version, ObjectWriteKind.PUT, WriteOutcome.APPLIED));
            assertThat(ledger.entries(LedgerEntry.Request.class)).filteredOn(r -> r.operation().equals("PutItem"))
                    .extracting(LedgerEntry.Request::status, LedgerEntry.Request::errorCode)
                    .containsExactly(tuple(200, null), tuple(400, "ConditionalCheckFailedException"));
        }

        @Test
        @Throttle(service = "sqs", operation = "SendMessage", times = 2)
        void each_attempt_is_recorded_with_the_fault_that_answered_it(SqsClient sqs, @QueueUrl("orders") String orders,
                Ledger ledger) {
            long before = ledger.entries(LedgerEntry.Request.class).size();
            sqs.sendMessage(b -> b.queueUrl(orders).messageBody("order-2"));

            assertThat(ledger.entries(LedgerEntry.Request.class).stream().skip(before).toList())
                    .extracting(LedgerEntry.Request::operation, LedgerEntry.Request::status,
                            LedgerEntry.Request::errorCode, r -> r.fault() != null)
                    .containsExactly(tuple("SendMessage", 400, "RequestThrottled", true),
                            tuple("SendMessage", 400, "RequestThrottled", true),
                            tuple("SendMessage", 200, null, false));
        }
    }
}
