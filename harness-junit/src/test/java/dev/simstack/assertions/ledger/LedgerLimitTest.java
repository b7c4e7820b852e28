package dev.simstack.assertions.ledger;

import static dev.simstack.assertions.SimStackAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.StackConfig;
import dev.simstack.core.Stack;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.StackDefinition;
import dev.simstack.junit.Table;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.SqsClient;

/** An assertion that reads the ledger refuses to pass on a ledger that has evicted entries. */
@SimStack(queues = @Queue(name = "orders"), tables = @Table(name = "charges", partitionKey = "orderId"),
        definition = LedgerLimitTest.KeepThree.class, clock = "manual", seed = 14)
class LedgerLimitTest {

    /** A ledger of three entries. */
    public static final class KeepThree implements StackDefinition {
        @Override
        public StackConfig define(StackConfig base) {
            return base.withLedgerLimit(3);
        }
    }

    @Test
    void delivery_and_idempotency_need_the_whole_ledger(Stack stack, SqsClient sqs, @QueueUrl("orders") String orders) {
        for (int n = 0; n < 3; n++) {
            sqs.sendMessage(b -> b.queueUrl(orders).messageBody("{}"));
        }

        assertThatThrownBy(() -> assertThat(stack).delivery("orders").noneLost())
                .isInstanceOf(IllegalStateException.class)
                .hasMessage("delivery(\"orders\").noneLost() needs the whole ledger, but this stack keeps only its"
                        + " newest 3 entries and has evicted 3 older ones since it started or was last reset. Raise"
                        + " the limit (StackConfig.withLedgerLimit(n), or --ledger-limit N for the standalone server;"
                        + " 0 keeps every entry), or reset the stack before the traffic the check reads.");
        assertThatThrownBy(() -> assertThat(stack).idempotency().ofItemWrites("charges").eachKeyAppliedOnce())
                .isInstanceOf(IllegalStateException.class)
                .hasMessageStartingWith("idempotency() of the writes to dynamodb:us-east-1/charges by item key needs"
                        + " the whole ledger");
    }
}
