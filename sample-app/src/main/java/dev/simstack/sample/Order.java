package dev.simstack.sample;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.UUID;
import software.amazon.awssdk.protocols.jsoncore.JsonNode;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;

/**
 * An order as the table stores it, as the queue carries it and as the API answers it.
 *
 * @param orderId the table's key, derived from the client's {@code Idempotency-Key}
 * @param status {@code PENDING} until the worker has charged it, then {@code PAID}
 */
record Order(String orderId, String customerId, long amount, String currency, String status) {

    static final String PENDING = "PENDING";
    static final String PAID = "PAID";

    /** A new PENDING order for {@code request}, its id derived from the key so a repeat finds it again. */
    static Order pending(String idempotencyKey, OrderRequest request) {
        String id = "o-" + UUID.nameUUIDFromBytes(idempotencyKey.getBytes(StandardCharsets.UTF_8));
        return new Order(id, request.customerId(), request.amount(), request.currency(), PENDING);
    }

    /** Whether this order is what {@code request} asks for (a repeated key must repeat the same order). */
    boolean sameAs(OrderRequest request) {
        return customerId.equals(request.customerId()) && amount == request.amount()
                && currency.equals(request.currency());
    }

    Map<String, AttributeValue> item() {
        return Map.of("orderId", AttributeValue.fromS(orderId), "customerId", AttributeValue.fromS(customerId),
                "amount", AttributeValue.fromN(Long.toString(amount)), "currency", AttributeValue.fromS(currency),
                "status", AttributeValue.fromS(status));
    }

    static Order fromItem(Map<String, AttributeValue> item) {
        return new Order(item.get("orderId").s(), item.get("customerId").s(), Long.parseLong(item.get("amount").n()),
                item.get("currency").s(), item.get("status").s());
    }

    /** The order as JSON, the queue's message body and the API's answer. */
    String json() {
        return new String(JsonWriter.create().writeStartObject()
                .writeFieldName("orderId").writeValue(orderId)
                .writeFieldName("customerId").writeValue(customerId)
                .writeFieldName("amount").writeValue(amount)
                .writeFieldName("currency").writeValue(currency)
                .writeFieldName("status").writeValue(status)
                .writeEndObject().getBytes(), StandardCharsets.UTF_8);
    }

    static Order fromJson(String json) {
        Map<String, JsonNode> fields = JsonNode.parser().parse(json).asObject();
        return new Order(fields.get("orderId").asString(), fields.get("customerId").asString(),
                Long.parseLong(fields.get("amount").asNumber()), fields.get("currency").asString(),
                fields.get("status").asString());
    }
}
