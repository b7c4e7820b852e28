package dev.simstack.junit.internal.backend;

import dev.simstack.core.AwsService;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.LedgerEntry.ConditionOutcome;
import dev.simstack.core.LedgerEntry.MessageEvent;
import dev.simstack.core.LedgerEntry.ObjectWriteKind;
import dev.simstack.core.LedgerEntry.WriteOutcome;
import dev.simstack.core.ResourceRef;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import software.amazon.awssdk.core.SdkField;
import software.amazon.awssdk.core.SdkPojo;

/**
 * The ledger entries a call's request and answer show, beside its request entry: the message steps of SQS sends,
 * receives and deletes (ids from the answers, a delete's message found by the receipt handle a receive gave), the
 * item writes of DynamoDB's single-item writes, the object writes of S3's. Read through the SDK's generic member
 * access ({@link SdkPojo}), so that no service module is needed to load this class.
 */
final class ClientEffects {

    private final ClientLedger ledger;
    /** A declared table's key attribute names, partition key first. */
    private final Map<String, List<String>> keys;
    private final Map<String, String> messageByReceipt = new ConcurrentHashMap<>();
    private final Map<String, Integer> deliveries = new ConcurrentHashMap<>();
    private final Map<String, String> groups = new ConcurrentHashMap<>();
    private final BatchItemWrites batches;

    /** @param declared the backend's names to the declared ones, for the tables named inside batches */
    ClientEffects(ClientLedger ledger, Map<String, List<String>> keys, Map<String, String> declared) {
        this.ledger = ledger;
        this.keys = keys;
        this.batches = new BatchItemWrites(this, declared);
    }

    /** The account in a request's queue URL ({@code https://host/123456789012/orders}), or null. */
    static String queueAccount(Object request) {
        return member(request, "QueueUrl") instanceof String url ? accountOf(url) : null;
    }

    /** The account in a queue URL, its path's first segment. */
    static String accountOf(String queueUrl) {
        String[] parts = queueUrl.split("/");
        return parts.length >= 2 ? parts[parts.length - 2] : "";
    }

    /** Records what {@code call}'s successful answer shows. */
    void answered(SdkCall call, String account, Object request, Object response) {
        if (call.service() == AwsService.DYNAMODB && BatchItemWrites.OPERATIONS.contains(call.operation())) {
            batches.answered(call, request, response);
            return;
        }
        if (call.resource() == null) {
            return;
        }
        switch (call.service()) {
            case SQS -> messages(call, ResourceRef.queue(call.region(), account == null ? "" : account,
                    call.resource()), request, response);
            case DYNAMODB -> itemWrite(call, request, ConditionOutcome.APPLIED);
            case S3 -> objectWrite(call, request, response, WriteOutcome.APPLIED);
            default -> {
            }
        }
    }

    /** Records a write a condition refused ({@code errorCode} from the final answer, {@code failure} its exception). */
    void refused(SdkCall call, Object request, String errorCode, Object failure) {
        if (call.service() == AwsService.DYNAMODB && "TransactionCanceledException".equals(errorCode)) {
            batches.canceled(call, request, failure);
            return;
        }
        if (call.resource() == null) {
            return;
        }
        if (call.service() == AwsService.DYNAMODB && "ConditionalCheckFailedException".equals(errorCode)) {
            itemWrite(call, request, ConditionOutcome.CONDITION_FAILED);
        } else if (call.service() == AwsService.S3 && "PreconditionFailed".equals(errorCode)) {
            objectWrite(call, request, null, WriteOutcome.PRECONDITION_FAILED);
        }
    }

    private void messages(SdkCall call, ResourceRef queue, Object request, Object response) {
        switch (call.operation()) {
            case "SendMessage" -> sent(queue, (String) member(response, "MessageId"),
                    (String) member(request, "MessageGroupId"), (String) member(request, "MessageBody"));
            case "SendMessageBatch" -> {
                Map<Object, Object> entries = byId(member(request, "Entries"));
                for (Object ok : list(member(response, "Successful"))) {
                    Object entry = entries.get(member(ok, "Id"));
                    sent(queue, (String) member(ok, "MessageId"), (String) member(entry, "MessageGroupId"),
                            (String) member(entry, "MessageBody"));
                }
            }
            case "ReceiveMessage" -> list(member(response, "Messages")).forEach(message -> delivered(queue, message));
            case "DeleteMessage" -> deleted(queue, (String) member(request, "ReceiptHandle"));
            case "DeleteMessageBatch" -> {
                Map<Object, Object> entries = byId(member(request, "Entries"));
                for (Object ok : list(member(response, "Successful"))) {
                    deleted(queue, (String) member(entries.get(member(ok, "Id")), "ReceiptHandle"));
                }
            }
            default -> {
            }
        }
    }

    private void sent(ResourceRef queue, String messageId, String group, String body) {
        if (messageId == null) {
            return;
        }
        if (group != null) {
            groups.put(messageId, group);
        }
        ledger.append((sequence, at) -> new LedgerEntry.Message(sequence, at, MessageEvent.SENT, queue, messageId,
                0, null, group, body));
    }

    private void delivered(ResourceRef queue, Object message) {
        String messageId = (String) member(message, "MessageId");
        if (messageId == null) {
            return;
        }
        Object receipt = member(message, "ReceiptHandle");
        if (receipt instanceof String handle) {
            messageByReceipt.put(handle, messageId);
        }
        Map<?, ?> attributes = member(message, "Attributes") instanceof Map<?, ?> map ? map : Map.of();
        // The service's count when the test asked for it; else the deliveries these clients saw.
        int seen = deliveries.merge(messageId, 1, Integer::sum);
        int count = attributes.get("ApproximateReceiveCount") instanceof String text ? Integer.parseInt(text) : seen;
        String group = attributes.get("MessageGroupId") instanceof String g ? g : groups.get(messageId);
        ledger.append((sequence, at) -> new LedgerEntry.Message(sequence, at, MessageEvent.DELIVERED, queue,
                messageId, count, null, group));
    }

    private void deleted(ResourceRef queue, String receipt) {
        String messageId = receipt == null ? null : messageByReceipt.get(receipt);
        if (messageId == null) {
            return; // received by a client the harness did not inject: the message is not known here
        }
        int count = deliveries.getOrDefault(messageId, 0);
        ledger.append((sequence, at) -> new LedgerEntry.Message(sequence, at, MessageEvent.DELETED, queue,
                messageId, count, null, groups.get(messageId)));
    }

    private void itemWrite(SdkCall call, Object request, ConditionOutcome outcome) {
        Object item = switch (call.operation()) {
            case "PutItem" -> member(request, "Item");
            case "UpdateItem", "DeleteItem" -> member(request, "Key");
            default -> null;
        };
        itemWrite(call.region(), call.resource(), item, call.operation(), outcome);
    }

    /** Records a write of the item (or key) {@code item} to the declared table {@code table}. */
    void itemWrite(String region, String table, Object item, String operation, ConditionOutcome outcome) {
        String key = keyOf(table, item);
        if (key == null) {
            return;
        }
        ResourceRef ref = ResourceRef.table(region, "", table);
        ledger.append((sequence, at) -> new LedgerEntry.ItemWrite(sequence, at, ref, key, operation, outcome));
    }

    /** The item's key as the ledger writes it ({@code id=o-1}, {@code pk=a, sk=5}); null for an undeclared table. */
    String keyOf(String table, Object item) {
        List<String> names = keys.get(table);
        if (!(item instanceof Map<?, ?> attributes) || names == null) {
            return null;
        }
        StringBuilder key = new StringBuilder();
        for (String name : names) {
            key.append(key.length() == 0 ? "" : ", ").append(name).append('=').append(scalar(attributes.get(name)));
        }
        return key.toString();
    }

    private void objectWrite(SdkCall call, Object request, Object response, WriteOutcome outcome) {
        ObjectWriteKind kind = switch (call.operation()) {
            case "PutObject" -> ObjectWriteKind.PUT;
            case "CopyObject" -> ObjectWriteKind.COPY;
            case "CompleteMultipartUpload" -> ObjectWriteKind.COMPLETE_MULTIPART_UPLOAD;
            case "DeleteObject" -> Boolean.TRUE.equals(member(response, "DeleteMarker"))
                    ? ObjectWriteKind.DELETE_MARKER : ObjectWriteKind.DELETE;
            default -> null;
        };
        Object key = member(request, call.operation().equals("CopyObject") ? "DestinationKey" : "Key");
        if (kind == null || !(key instanceof String objectKey)) {
            return;
        }
        String versionId = response == null ? null : (String) member(response, "VersionId");
        ResourceRef bucket = ResourceRef.bucket(call.region(), "", call.resource());
        ledger.append((sequence, at) -> new LedgerEntry.ObjectWrite(sequence, at, bucket, objectKey, versionId,
                kind, call.operation(), outcome));
    }

    /** A DynamoDB attribute value's text: a string or number as it is, else the value as the SDK prints it. */
    private static String scalar(Object value) {
        Object text = member(value, "S");
        if (text == null) {
            text = member(value, "N");
        }
        return text != null ? text.toString() : String.valueOf(value);
    }

    private static Map<Object, Object> byId(Object entries) {
        Map<Object, Object> byId = new java.util.HashMap<>();
        list(entries).forEach(entry -> byId.put(member(entry, "Id"), entry));
        return byId;
    }

    static List<?> list(Object value) {
        return value instanceof List<?> list ? list : List.of();
    }

    /** The member named {@code name} (as AWS's API names it, e.g. {@code MessageId}) of an SDK object, or null. */
    static Object member(Object pojo, String name) {
        if (!(pojo instanceof SdkPojo sdk)) {
            return null;
        }
        for (SdkField<?> field : sdk.sdkFields()) {
            if (field.memberName().equals(name)) {
                return field.getValueOrDefault(pojo);
            }
        }
        return null;
    }
}
