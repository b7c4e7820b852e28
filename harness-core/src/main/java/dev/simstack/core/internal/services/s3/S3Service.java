package dev.simstack.core.internal.services.s3;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.S3Hook;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.FunctionSink;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.engine.QueueSink;
import dev.simstack.core.internal.engine.ScratchDirectory;
import dev.simstack.core.internal.engine.Service;
import dev.simstack.core.internal.protocol.ServiceDescriptor;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.protocol.restxml.RestOperations;
import dev.simstack.core.internal.protocol.restxml.RestXmlError;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * Amazon S3 (API 2006-03-01) over REST-XML: buckets and their configuration, objects with versions,
 * conditional requests and checksums, listings, multipart uploads and event notifications. Object bytes
 * larger than a megabyte live in the stack's scratch directory, not the heap. This class only
 * dispatches; each operation family lives in its own action class.
 */
public final class S3Service implements Service {

    public static final ServiceDescriptor DESCRIPTOR = new ServiceDescriptor("s3", null, null, "com.amazonaws.s3",
            false, false, null);

    /** The operations that read or write a whole object at once: copies, and the concatenation of parts. */
    private static final java.util.Set<String> LONG_OPERATIONS = java.util.Set.of("CopyObject", "UploadPartCopy",
            "CompleteMultipartUpload");

    private final S3Store store;
    private final OperationTable<S3Operation> operations = OperationTable.forRest(S3Errors::notImplemented);
    private S3Context s3;
    private final BucketActions buckets;
    private final S3Port port;

    /** An S3 whose notifications reach SQS queues only (Lambda targets are stored, not invoked). */
    public S3Service(StackContext context, ScratchDirectory scratch, QueueSink queues) {
        this(context, scratch, queues, null);
    }

    /** An S3 whose notifications reach SQS queues and, through {@code functions}, Lambda functions. */
    public S3Service(StackContext context, ScratchDirectory scratch, QueueSink queues, FunctionSink functions) {
        this.store = new S3Store(context.accountId());
        IdMint ids = new IdMint(context.ids());
        S3Context s3 = this.s3 = new S3Context(context, store, ids, new BlobWriter(scratch),
                new Notifier(context, queues, functions));
        this.buckets = new BucketActions(s3);
        buckets.register(operations);
        new BucketConfigActions(s3).register(operations);
        new NotificationActions(s3).register(operations);
        PutObjectAction puts = new PutObjectAction(s3);
        puts.register(operations);
        new GetObjectAction(s3).register(operations);
        new CopyObjectAction(s3).register(operations);
        DeleteObjectActions deletes = new DeleteObjectActions(s3);
        deletes.register(operations);
        new ObjectTaggingActions(s3).register(operations);
        new ListObjectsActions(s3).register(operations);
        new ListVersionsAction(s3).register(operations);
        new MultipartActions(s3).register(operations);
        new CompleteMultipartAction(s3).register(operations);
        new AclActions(s3).register(operations);
        BucketLogging.register(operations, s3);
        ReplicationActions.register(operations, s3);
        new ObjectLockActions(s3).register(operations);
        new LifecycleActions(s3).register(operations);
        new ObjectAttributesAction(s3).register(operations);
        new SelectObjectAction(s3).register(operations);
        new PostObjectAction(s3).register(operations);
        this.port = new S3Port(s3, puts, deletes);
    }

    /** The typed object operations the engine's own callers use (and PutObject, GetObject, DeleteObject decode into). */
    public S3Port port() {
        return port;
    }

    /** The harness's view of bucket {@code name}, or null if there is no such bucket. */
    public BucketView view(String name) {
        Bucket bucket = store.find(name);
        return bucket == null ? null : new BucketView(bucket);
    }

    /** The names of the buckets, by the region each lives in, each list sorted. */
    public java.util.SortedMap<String, java.util.List<String>> bucketNames() {
        java.util.SortedMap<String, java.util.List<String>> names = new java.util.TreeMap<>();
        for (Bucket bucket : store.all()) {
            names.computeIfAbsent(bucket.region(), region -> new java.util.ArrayList<>()).add(bucket.name());
        }
        return names;
    }

    /** Every event notification of every bucket, bucket to queue or function, for reports. */
    public java.util.List<dev.simstack.core.internal.engine.ResourceLink> notificationLinks() {
        java.util.List<dev.simstack.core.internal.engine.ResourceLink> links = new java.util.ArrayList<>();
        for (Bucket bucket : store.all()) {
            var from = dev.simstack.core.ResourceRef.bucket(bucket.region(), "", bucket.name());
            for (NotificationConfiguration.Target target : bucket.notifications().targets()) {
                var to = dev.simstack.core.internal.engine.ResourceLink.refOrNull(target.arn());
                if (to != null) {
                    links.add(new dev.simstack.core.internal.engine.ResourceLink(from, to,
                            String.join(", ", target.events())));
                }
            }
        }
        return links;
    }

    S3Context state() {
        return s3;
    }

    /** Whether bucket {@code name} exists (in any region: bucket names are global). */
    public boolean hasBucket(String name) {
        return s3.store().all().stream().anyMatch(bucket -> bucket.name().equals(name));
    }

    /**
     * CreateBucket in-process (a declared bucket) in {@code region}: the same name rules and errors.
     *
     * @throws dev.simstack.core.AwsException CreateBucket's error
     */
    public void createBucket(String name, String region) {
        createBucket(name, region, s3.stack().clock().now());
    }

    /** CreateBucket in-process of a bucket created {@code at} (a data directory's, keeping its creation date). */
    Bucket createBucket(String name, String region, java.time.Instant at) {
        return buckets.create(name, () -> region, at);
    }

    /** PutBucketVersioning with status Enabled. */
    public void enableVersioning(String bucket) {
        s3.store().bucket(bucket).versioning(Bucket.Versioning.ENABLED);
    }

    /**
     * PutBucketNotificationConfiguration in-process, replacing the bucket's configuration, with S3's event
     * name rules. The caller has checked that the destinations exist (no s3:TestEvent is sent).
     */
    public void putNotifications(String bucket, List<NotificationTarget> targets) {
        Bucket found = s3.store().bucket(bucket);
        List<NotificationConfiguration.Target> configured = new java.util.ArrayList<>();
        for (NotificationTarget target : targets) {
            target.events().forEach(NotificationConfiguration::checkEvent);
            configured.add(new NotificationConfiguration.Target(s3.ids().versionId(), target.function()
                    ? NotificationConfiguration.Kind.LAMBDA : NotificationConfiguration.Kind.QUEUE, target.arn(),
                    List.copyOf(target.events()), target.prefix(), target.suffix()));
        }
        found.notifications(new NotificationConfiguration(List.copyOf(configured), false));
    }

    /**
     * One notification destination as typed values.
     *
     * @param function true for a Lambda function, false for an SQS queue
     * @param arn the destination's ARN
     * @param prefix the key prefix filter, or null
     * @param suffix the key suffix filter, or null
     */
    public record NotificationTarget(boolean function, String arn, List<String> events, String prefix,
            String suffix) {
    }

    /** The operation table the REST-XML codec resolves S3 requests with. */
    public static RestOperations operationTable() {
        return new S3OperationTable();
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public boolean worksLong(String operation) {
        return LONG_OPERATIONS.contains(operation);
    }

    @Override
    public CompletionStage<JsonNode> invoke(DecodedCall call) {
        S3Operation operation = operations.handler(call);
        S3Call s3Call = new S3Call(call);
        checkExpectedOwner(s3Call);
        checkRequestRate(call, s3Call);
        return CompletableFuture.completedFuture(operation.invoke(s3Call).node());
    }

    /** An object request that a hook finds beyond its prefix's rate answers SlowDown before it runs. */
    private void checkRequestRate(DecodedCall call, S3Call s3Call) {
        List<S3Hook> hooks = s3.stack().hooks(S3Hook.class);
        if (hooks.isEmpty() || s3Call.key() == null || s3Call.bucket() == null) {
            return;
        }
        Bucket bucket = store.find(s3Call.bucket());
        if (bucket == null) {
            return;
        }
        String operation = call.operation();
        boolean read = operation.startsWith("Get") || operation.startsWith("Head");
        for (S3Hook hook : hooks) {
            String fault = hook.slowsDown(bucket.ref(), s3Call.key(), read);
            if (fault != null) {
                call.noteFault(fault);
                throw S3Errors.slowDown();
            }
        }
    }

    /** {@code x-amz-expected-bucket-owner} guards against writing to someone else's bucket: 403 if not ours. */
    private static void checkExpectedOwner(S3Call call) {
        String expected = call.header("x-amz-expected-bucket-owner");
        if (expected != null && !expected.equals(call.accountId())) {
            throw new RestXmlError("AccessDenied", 403, "Access Denied");
        }
    }

    /** Deleting large objects' files takes milliseconds on some disks: it waits until requests run again. */
    @Override
    public Runnable reset() {
        java.util.List<Bucket> detached = store.detach();
        return () -> S3Store.release(detached);
    }

    @Override
    public void close() {
        store.clear();
    }
}
