package dev.simstack.bench;

import java.util.Locale;
import java.util.StringJoiner;

/**
 * The fixed, valid AWS JSON 1.0 bodies the floor server answers: everything the SDK checks (the MD5 of
 * each body, the batch entry ids it sent, DynamoDB's CRC32 of the body, which the server adds) is right,
 * so the SDK does exactly the work it does against a real endpoint.
 */
final class FloorAnswers {

    /** ReceiveMessage answers this many messages, SQS's maximum per call. */
    static final int MESSAGES_PER_RECEIVE = 10;

    private FloorAnswers() {
    }

    static String sendMessage() {
        return "{\"MD5OfMessageBody\":\"" + Payloads.BODY_MD5 + "\",\"MessageId\":\"" + messageId(0) + "\"}";
    }

    static String receiveMessage() {
        StringJoiner messages = new StringJoiner(",", "{\"Messages\":[", "]}");
        String body = Payloads.BODY.replace("\\", "\\\\").replace("\"", "\\\"");
        for (int i = 0; i < MESSAGES_PER_RECEIVE; i++) {
            messages.add("{\"MessageId\":\"" + messageId(i) + "\",\"ReceiptHandle\":\"" + receiptHandle(i)
                    + "\",\"MD5OfBody\":\"" + Payloads.BODY_MD5 + "\",\"Body\":\"" + body + "\"}");
        }
        return messages.toString();
    }

    /** Every entry deleted; the client numbers its entries 0..9, as the benchmark does. */
    static String deleteMessageBatch() {
        StringJoiner entries = new StringJoiner(",", "{\"Successful\":[", "],\"Failed\":[]}");
        for (int i = 0; i < MESSAGES_PER_RECEIVE; i++) {
            entries.add("{\"Id\":\"" + i + "\"}");
        }
        return entries.toString();
    }

    /** Every entry sent; the fill numbers its entries 0..9 and sends the benchmark's body. */
    static String sendMessageBatch() {
        StringJoiner entries = new StringJoiner(",", "{\"Successful\":[", "],\"Failed\":[]}");
        for (int i = 0; i < MESSAGES_PER_RECEIVE; i++) {
            entries.add("{\"Id\":\"" + i + "\",\"MessageId\":\"" + messageId(i) + "\",\"MD5OfMessageBody\":\""
                    + Payloads.BODY_MD5 + "\"}");
        }
        return entries.toString();
    }

    /** PutItem with no ReturnValues: an empty document. */
    static String putItem() {
        return "{}";
    }

    /** One order, as large as any the benchmark reads. */
    static String getItem() {
        return "{\"Item\":" + Orders.json(Orders.item(42, 7)) + "}";
    }

    /** Ten consecutive orders of one customer, as the benchmark's Query selects them. */
    static String query() {
        StringJoiner items = new StringJoiner(",", "{\"Count\":" + Orders.QUERY_LIMIT + ",\"Items\":[",
                "],\"ScannedCount\":" + Orders.QUERY_LIMIT + "}");
        for (int i = 0; i < Orders.QUERY_LIMIT; i++) {
            items.add(Orders.json(Orders.item(42, i)));
        }
        return items.toString();
    }

    static String unknownOperation(String target) {
        return "{\"__type\":\"com.amazonaws.sqs#UnsupportedOperation\",\"message\":\"the floor server answers only"
                + " SendMessage, SendMessageBatch, ReceiveMessage, DeleteMessageBatch, PutItem, GetItem, Query and"
                + " Lambda's Invoke, not " + target + "\"}";
    }

    private static String messageId(int i) {
        return String.format(Locale.ROOT, "0a1b2c3d-4e5f-4a6b-8c7d-%012d", i);
    }

    // A receipt handle is opaque to the SDK; a realistic length keeps the bytes on the wire honest.
    private static String receiptHandle(int i) {
        return "AQEB" + "x".repeat(160) + i;
    }
}
