package dev.simstack.core.internal.services.s3;

import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.engine.FunctionSink;
import dev.simstack.core.internal.engine.QueueSink;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.protocol.json.JsonTrees;
import dev.simstack.core.S3Hook;
import java.net.URLEncoder;
import java.time.Duration;
import java.util.List;
import java.nio.charset.StandardCharsets;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Delivers S3 event notifications inside the engine (never over HTTP), in the message shape S3 sends
 * ("Event message structure", eventVersion 2.1). Queue targets get the message through the stack's
 * {@link QueueSink}, Lambda targets as asynchronous invocations through the stack's {@link FunctionSink};
 * topic targets are stored but not delivered, as the engine has no SNS. Deviation from AWS: delivery
 * happens as the write commits, not seconds later, and once; an {@link S3Hook} may deliver it twice or late.
 */
final class Notifier {

    private static final Logger LOG = LoggerFactory.getLogger(Notifier.class);
    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    private final StackContext stack;
    private final QueueSink queues;
    private final FunctionSink functions;
    private final JsonTrees json = new JsonTrees();

    /** {@code functions} may be null: Lambda targets are then stored but not invoked. */
    Notifier(StackContext stack, QueueSink queues, FunctionSink functions) {
        this.stack = stack;
        this.queues = queues;
        this.functions = functions;
    }

    QueueSink queues() {
        return queues;
    }

    /** {@code event} is Put, Post, Copy or CompleteMultipartUpload. */
    void objectCreated(Bucket bucket, ObjectVersion version, String event, S3Requester requester) {
        publish(bucket, version, "ObjectCreated:" + event, requester);
    }

    /** {@code event} is Delete or DeleteMarkerCreated. */
    void objectRemoved(Bucket bucket, ObjectVersion version, String event, S3Requester requester) {
        publish(bucket, version, "ObjectRemoved:" + event, requester);
    }

    /** {@code event} is Delete or DeleteMarkerCreated: a lifecycle rule expired the object. */
    void lifecycleExpired(Bucket bucket, ObjectVersion version, String event, S3Requester requester) {
        publish(bucket, version, "LifecycleExpiration:" + event, requester);
    }

    private void publish(Bucket bucket, ObjectVersion version, String eventName, S3Requester requester) {
        NotificationConfiguration configuration = bucket.notifications();
        for (NotificationConfiguration.Target target : configuration.targets()) {
            if (!target.wants(eventName, version.key())) {
                continue;
            }
            byte[] message = record(bucket, version, eventName, target.id(), requester);
            List<Duration> delays = deliveries(bucket, version.key(), eventName, target.arn());
            if (delays == null) {
                deliver(bucket, target, eventName, message);
                continue;
            }
            for (Duration delay : delays) {
                if (delay.isZero() || delay.isNegative()) {
                    deliver(bucket, target, eventName, message);
                } else {
                    stack.clock().schedule(delay, () -> deliver(bucket, target, eventName, message));
                }
            }
        }
    }

    /** The delays of a hook that delivers this event twice or late; null (no hook answers) for once, now. */
    private List<Duration> deliveries(Bucket bucket, String key, String eventName, String destination) {
        for (S3Hook hook : stack.hooks(S3Hook.class)) {
            List<Duration> delays = hook.notificationDelays(bucket.ref(), key, eventName, destination);
            if (delays != null) {
                return delays;
            }
        }
        return null;
    }

    private void deliver(Bucket bucket, NotificationConfiguration.Target target, String eventName, byte[] message) {
        try {
            if (target.kind() == NotificationConfiguration.Kind.QUEUE) {
                queues.send(ResourceRef.fromArn(target.arn()), new String(message, StandardCharsets.UTF_8));
            } else if (target.kind() == NotificationConfiguration.Kind.LAMBDA && functions != null) {
                functions.invokeAsync(ResourceRef.fromArn(target.arn()), message, "s3:" + bucket.name());
            }
        } catch (AwsException | IllegalArgumentException e) {
            // S3 drops events whose destination has gone; the ledger shows no delivery.
            LOG.debug("S3 event {} for {} not delivered to {}: {}", eventName, bucket.name(), target.arn(), e);
        }
    }

    /** The {@code s3:TestEvent} S3 sends to each destination when a configuration is put. */
    String testEvent(Bucket bucket, S3Requester requester) {
        ObjectNode test = NODES.objectNode();
        test.put("Service", "Amazon S3");
        test.put("Event", "s3:TestEvent");
        test.put("Time", S3Time.iso(stack.clock().now()));
        test.put("Bucket", bucket.name());
        test.put("RequestId", requester.requestId());
        test.put("HostId", requester.requestId());
        return new String(json.write(test), StandardCharsets.UTF_8);
    }

    /** The event message's JSON bytes. */
    private byte[] record(Bucket bucket, ObjectVersion version, String eventName, String configurationId,
            S3Requester requester) {
        ObjectNode record = NODES.objectNode();
        record.put("eventVersion", "2.1");
        record.put("eventSource", "aws:s3");
        record.put("awsRegion", bucket.region());
        record.put("eventTime", S3Time.iso(version.lastModified()));
        record.put("eventName", eventName);
        record.putObject("userIdentity").put("principalId", principal(requester));
        record.putObject("requestParameters").put("sourceIPAddress", "127.0.0.1");
        ObjectNode response = record.putObject("responseElements");
        response.put("x-amz-request-id", requester.requestId());
        response.put("x-amz-id-2", requester.requestId());
        ObjectNode s3 = record.putObject("s3");
        s3.put("s3SchemaVersion", "1.0");
        s3.put("configurationId", configurationId);
        ObjectNode bucketNode = s3.putObject("bucket");
        bucketNode.put("name", bucket.name());
        bucketNode.putObject("ownerIdentity").put("principalId", stack.accountId());
        bucketNode.put("arn", bucket.arn());
        ObjectNode object = s3.putObject("object");
        object.put("key", encodeKey(version.key()));
        if (eventName.startsWith("ObjectCreated")) {
            object.put("size", version.size());
            object.put("eTag", ReadConditions.unquote(version.etag()));
        }
        if (bucket.versioning() != null) {
            object.put("versionId", version.versionId());
        }
        object.put("sequencer", String.format("%016X", version.sequence()));
        ObjectNode message = NODES.objectNode();
        message.putArray("Records").add(record);
        return json.write(message);
    }

    private String principal(S3Requester requester) {
        return "AWS:" + (requester.principal() == null ? stack.accountId() : requester.principal());
    }

    /** Keys in events are URL-encoded as in a form (space as {@code +}), slashes kept. */
    static String encodeKey(String key) {
        return URLEncoder.encode(key, StandardCharsets.UTF_8).replace("%2F", "/");
    }
}
