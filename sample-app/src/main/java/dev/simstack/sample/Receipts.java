package dev.simstack.sample;

import java.nio.charset.StandardCharsets;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.protocols.jsoncore.JsonWriter;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

/** The receipts bucket: one JSON object per paid order, at {@code receipts/<orderId>.json}, written once. */
final class Receipts {

    private final S3Client s3;
    private final String bucket;

    Receipts(S3Client s3, String bucket) {
        this.s3 = s3;
        this.bucket = bucket;
    }

    static String key(String orderId) {
        return "receipts/" + orderId + ".json";
    }

    /**
     * Writes the receipt unless one exists ({@code If-None-Match: *}, S3's conditional write); answers whether
     * this call wrote it.
     */
    // docs:put-if-absent-start
    boolean putIfAbsent(Order order, String chargeId) {
        try {
            s3.putObject(b -> b.bucket(bucket).key(key(order.orderId())).contentType("application/json")
                    .ifNoneMatch("*"), RequestBody.fromString(json(order, chargeId)));
            return true;
        } catch (S3Exception e) {
            if (e.statusCode() == 412) {
                return false; // PreconditionFailed: an earlier delivery wrote it
            }
            throw e;
        }
    }
    // docs:put-if-absent-end

    static String json(Order order, String chargeId) {
        return new String(JsonWriter.create().writeStartObject()
                .writeFieldName("orderId").writeValue(order.orderId())
                .writeFieldName("customerId").writeValue(order.customerId())
                .writeFieldName("amount").writeValue(order.amount())
                .writeFieldName("currency").writeValue(order.currency())
                .writeFieldName("chargeId").writeValue(chargeId)
                .writeEndObject().getBytes(), StandardCharsets.UTF_8);
    }
}
