package dev.simstack.assertions.ledger;

import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ConditionalCheckFailedException;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.sqs.model.Message;

/** Two ways to charge an order for each message: naively, and with a conditional write. */
final class PaymentConsumers {

    private PaymentConsumers() {
    }

    /** The order id in a body such as {@code {"orderId":"o-1"}}. */
    static String orderId(Message message) {
        return message.body().replaceAll(".*\"orderId\"\\s*:\\s*\"([^\"]*)\".*", "$1");
    }

    /** Charges again for every delivery: a new payment item each time, under a fresh payment id. */
    static final class Naive {
        private final DynamoDbClient dynamo;
        private int payments;

        Naive(DynamoDbClient dynamo) {
            this.dynamo = dynamo;
        }

        void process(Message message) {
            String paymentId = "p-" + ++payments;
            dynamo.putItem(b -> b.tableName("payments").item(Map.of(
                    "paymentId", AttributeValue.fromS(paymentId),
                    "orderId", AttributeValue.fromS(orderId(message)))));
        }
    }

    /** Charges once per order: the write is refused when the order was charged already. */
    static final class Conditional {
        private final DynamoDbClient dynamo;

        Conditional(DynamoDbClient dynamo) {
            this.dynamo = dynamo;
        }

        // docs:conditional-consumer-start
        void process(Message message) {
            try {
                dynamo.putItem(b -> b.tableName("charges")
                        .item(Map.of("orderId", AttributeValue.fromS(orderId(message))))
                        .conditionExpression("attribute_not_exists(orderId)"));
            } catch (ConditionalCheckFailedException charged) {
                // Charged by an earlier delivery of the same order: nothing more to do.
            }
        }
        // docs:conditional-consumer-end
    }

    /** Writes a receipt per delivery, naively or only when there is none yet (If-None-Match: *). */
    static void writeReceipt(S3Client s3, Message message, boolean conditional) {
        try {
            s3.putObject(b -> b.bucket("receipts").key("receipts/" + orderId(message) + ".txt")
                    .ifNoneMatch(conditional ? "*" : null), RequestBody.fromString(message.body()));
        } catch (S3Exception written) {
            if (written.statusCode() != 412) {
                throw written;
            }
        }
    }
}
