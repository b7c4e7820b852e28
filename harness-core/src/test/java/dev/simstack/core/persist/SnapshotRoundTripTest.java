package dev.simstack.core.persist;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.DataDirectory;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.ListObjectVersionsResponse;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;
import software.amazon.awssdk.services.sqs.model.MessageAttributeValue;
import software.amazon.awssdk.services.sqs.model.MessageSystemAttributeName;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * State created through the SDK in every service survives a save and a start of a new stack from the
 * data directory, read back through the SDK.
 */
class SnapshotRoundTripTest {

    @TempDir
    Path dir;

    private static StackConfig manual() {
        return StackConfig.defaults().withClock(ClockSpec.manual());
    }

    @Test
    void sqs_queues_and_messages_survive_with_attributes_digests_and_receive_state() throws Exception {
        DataDirectory data = DataDirectory.open(dir);
        List<Message> sent = new ArrayList<>();
        String inFlightId;
        try (Stack stack = data.start(manual().withSeed(7), System.err::println); SqsClient sqs = Clients.sqs(stack)) {
            String dlq = sqs.createQueue(b -> b.queueName("orders-dlq")).queueUrl();
            String dlqArn = sqs.getQueueAttributes(b -> b.queueUrl(dlq).attributeNames(QueueAttributeName.QUEUE_ARN))
                    .attributes().get(QueueAttributeName.QUEUE_ARN);
            String url = sqs.createQueue(b -> b.queueName("orders").tags(Map.of("team", "shop")).attributes(Map.of(
                    QueueAttributeName.VISIBILITY_TIMEOUT, "45",
                    QueueAttributeName.REDRIVE_POLICY, "{\"deadLetterTargetArn\":\"" + dlqArn
                            + "\",\"maxReceiveCount\":\"3\"}"))).queueUrl();
            for (int i = 0; i < 5; i++) {
                int n = i;
                sqs.sendMessage(b -> b.queueUrl(url).messageBody("order " + n).messageAttributes(Map.of(
                        "kind", MessageAttributeValue.builder().dataType("String").stringValue("k" + n).build(),
                        "amount", MessageAttributeValue.builder().dataType("Number").stringValue("1" + n).build(),
                        "raw", MessageAttributeValue.builder().dataType("Binary")
                                .binaryValue(SdkBytes.fromByteArray(new byte[] {1, 2, (byte) n})).build())));
            }
            Message inFlight = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(1)).messages().get(0);
            inFlightId = inFlight.messageId();
            sent.addAll(sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10).visibilityTimeout(0)
                    .messageAttributeNames("All")).messages());
            assertThat(sent).hasSize(4);
            data.save(stack);
        }

        try (Stack stack = data.start(manual(), System.err::println); SqsClient sqs = Clients.sqs(stack)) {
            assertThat(stack.seed()).isEqualTo(7);
            assertThat(data.loaded()).hasValueSatisfying(l -> assertThat(l.counts()).contains("2 queues", "5 messages"));
            String url = sqs.getQueueUrl(b -> b.queueName("orders")).queueUrl();
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(url)
                    .attributeNames(QueueAttributeName.ALL)).attributes();
            assertThat(attributes).containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "45")
                    .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES, "4")
                    .containsEntry(QueueAttributeName.APPROXIMATE_NUMBER_OF_MESSAGES_NOT_VISIBLE, "1");
            assertThat(attributes.get(QueueAttributeName.REDRIVE_POLICY)).contains("orders-dlq");
            assertThat(sqs.listQueueTags(b -> b.queueUrl(url)).tags()).containsEntry("team", "shop");

            List<Message> back = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                    .messageAttributeNames("All").messageSystemAttributeNames(MessageSystemAttributeName.ALL))
                    .messages();
            assertThat(back).extracting(Message::messageId)
                    .containsExactlyInAnyOrderElementsOf(sent.stream().map(Message::messageId).toList());
            for (Message message : back) {
                Message before = sent.stream().filter(m -> m.messageId().equals(message.messageId())).findFirst()
                        .orElseThrow();
                assertThat(message.body()).isEqualTo(before.body());
                assertThat(message.md5OfBody()).isEqualTo(before.md5OfBody());
                assertThat(message.md5OfMessageAttributes()).isEqualTo(before.md5OfMessageAttributes());
                assertThat(message.messageAttributes()).isEqualTo(before.messageAttributes());
                assertThat(message.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2");
            }
            // The message in flight at the save stays hidden until its visibility timeout, then comes back.
            stack.clock().advance(Duration.ofSeconds(46));
            Message again = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)
                    .messageSystemAttributeNames(MessageSystemAttributeName.ALL)).messages().stream()
                    .filter(m -> m.messageId().equals(inFlightId)).findFirst().orElseThrow();
            assertThat(again.attributes()).containsEntry(MessageSystemAttributeName.APPROXIMATE_RECEIVE_COUNT, "2");

            String fresh = sqs.sendMessage(b -> b.queueUrl(url).messageBody("after reload")).messageId();
            assertThat(sent).extracting(Message::messageId).doesNotContain(fresh).doesNotContain(inFlightId);
        }
    }

    @Test
    void a_receipt_handle_from_before_the_reload_still_deletes_its_message() {
        DataDirectory data = DataDirectory.open(dir);
        String receipt;
        try (Stack stack = data.start(manual(), System.err::println); SqsClient sqs = Clients.sqs(stack)) {
            String url = sqs.createQueue(b -> b.queueName("work")).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("job"));
            receipt = sqs.receiveMessage(b -> b.queueUrl(url)).messages().get(0).receiptHandle();
            data.save(stack);
        }
        try (Stack stack = data.start(manual(), System.err::println); SqsClient sqs = Clients.sqs(stack)) {
            String url = sqs.getQueueUrl(b -> b.queueName("work")).queueUrl();
            sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(receipt));
            stack.clock().advance(Duration.ofMinutes(1));
            assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages()).isEmpty();
        }
    }

    @Test
    void fifo_queue_keeps_its_deduplication_window_and_sequence() {
        DataDirectory data = DataDirectory.open(dir);
        String firstId;
        String firstSequence;
        try (Stack stack = data.start(manual(), System.err::println); SqsClient sqs = Clients.sqs(stack)) {
            String url = sqs.createQueue(b -> b.queueName("jobs.fifo").attributes(Map.of(
                    QueueAttributeName.FIFO_QUEUE, "true", QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true")))
                    .queueUrl();
            var sentFirst = sqs.sendMessage(b -> b.queueUrl(url).messageBody("one").messageGroupId("g"));
            firstId = sentFirst.messageId();
            firstSequence = sentFirst.sequenceNumber();
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("two").messageGroupId("g"));
            data.save(stack);
        }
        try (Stack stack = data.start(manual(), System.err::println); SqsClient sqs = Clients.sqs(stack)) {
            String url = sqs.getQueueUrl(b -> b.queueName("jobs.fifo")).queueUrl();
            var duplicate = sqs.sendMessage(b -> b.queueUrl(url).messageBody("one").messageGroupId("g"));
            assertThat(duplicate.messageId()).isEqualTo(firstId);
            var third = sqs.sendMessage(b -> b.queueUrl(url).messageBody("three").messageGroupId("g"));
            assertThat(third.sequenceNumber()).isGreaterThan(firstSequence);
            assertThat(sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages())
                    .extracting(Message::body).containsExactly("one", "two", "three");
        }
    }

    @Test
    void dynamodb_tables_keep_schema_indexes_settings_and_items() {
        DataDirectory data = DataDirectory.open(dir);
        List<Map<String, AttributeValue>> written = new ArrayList<>();
        TableDescription before;
        try (Stack stack = data.start(manual(), System.err::println); DynamoDbClient dynamo = Clients.dynamo(stack)) {
            dynamo.createTable(b -> b.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(a -> a.attributeName("pk").attributeType(ScalarAttributeType.S),
                            a -> a.attributeName("sk").attributeType(ScalarAttributeType.N),
                            a -> a.attributeName("status").attributeType(ScalarAttributeType.S))
                    .keySchema(k -> k.attributeName("pk").keyType(KeyType.HASH),
                            k -> k.attributeName("sk").keyType(KeyType.RANGE))
                    .globalSecondaryIndexes(g -> g.indexName("by-status")
                            .keySchema(k -> k.attributeName("status").keyType(KeyType.HASH))
                            .projection(p -> p.projectionType(ProjectionType.ALL)))
                    .streamSpecification(s -> s.streamEnabled(true).streamViewType("NEW_AND_OLD_IMAGES"))
                    .tags(t -> t.key("team").value("shop")));
            dynamodb_ttl(dynamo);
            for (int i = 0; i < 20; i++) {
                Map<String, AttributeValue> item = Map.of(
                        "pk", AttributeValue.fromS("customer-" + (i % 3)),
                        "sk", AttributeValue.fromN(String.valueOf(i)),
                        "status", AttributeValue.fromS(i % 2 == 0 ? "open" : "paid"),
                        "total", AttributeValue.fromN("12.5"),
                        "tags", AttributeValue.fromSs(List.of("a", "b" + i)),
                        "blob", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {(byte) i, 0, 7})),
                        "nested", AttributeValue.fromM(Map.of("list", AttributeValue.fromL(List.of(
                                AttributeValue.fromBool(true), AttributeValue.fromNul(true))))));
                dynamo.putItem(b -> b.tableName("orders").item(item));
                written.add(item);
            }
            before = dynamo.describeTable(b -> b.tableName("orders")).table();
            data.save(stack);
        }
        try (Stack stack = data.start(manual(), System.err::println); DynamoDbClient dynamo = Clients.dynamo(stack)) {
            TableDescription after = dynamo.describeTable(b -> b.tableName("orders")).table();
            assertThat(after.keySchema()).isEqualTo(before.keySchema());
            assertThat(after.attributeDefinitions()).containsExactlyInAnyOrderElementsOf(before.attributeDefinitions());
            assertThat(after.billingModeSummary().billingMode()).isEqualTo(BillingMode.PAY_PER_REQUEST);
            assertThat(after.globalSecondaryIndexes()).singleElement()
                    .satisfies(index -> assertThat(index.indexName()).isEqualTo("by-status"));
            assertThat(after.streamSpecification()).isEqualTo(before.streamSpecification());
            assertThat(after.itemCount()).isEqualTo(20);
            assertThat(after.tableArn()).isEqualTo(before.tableArn());
            assertThat(dynamo.listTagsOfResource(b -> b.resourceArn(after.tableArn())).tags())
                    .singleElement().satisfies(tag -> assertThat(tag.value()).isEqualTo("shop"));
            assertThat(dynamo.describeTimeToLive(b -> b.tableName("orders")).timeToLiveDescription()
                    .attributeName()).isEqualTo("expires");
            assertThat(dynamo.scan(b -> b.tableName("orders")).items()).containsExactlyInAnyOrderElementsOf(written);
            assertThat(dynamo.query(b -> b.tableName("orders").indexName("by-status")
                    .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
                    .expressionAttributeValues(Map.of(":s", AttributeValue.fromS("paid")))).count()).isEqualTo(10);
        }
    }

    private static void dynamodb_ttl(DynamoDbClient dynamo) {
        dynamo.updateTimeToLive(b -> b.tableName("orders")
                .timeToLiveSpecification(t -> t.attributeName("expires").enabled(true)));
    }

    @Test
    void s3_buckets_keep_configuration_versions_metadata_and_bytes() throws Exception {
        DataDirectory data = DataDirectory.open(dir);
        byte[] large = new byte[3 * 1024 * 1024 + 17];
        new Random(3).nextBytes(large);
        ListObjectVersionsResponse versionsBefore;
        String uploadId;
        try (Stack stack = data.start(manual(), System.err::println); S3Client s3 = Clients.s3(stack)) {
            s3.createBucket(b -> b.bucket("media"));
            s3.putBucketVersioning(b -> b.bucket("media")
                    .versioningConfiguration(v -> v.status(BucketVersioningStatus.ENABLED)));
            s3.putBucketTagging(b -> b.bucket("media").tagging(t -> t.tagSet(s -> s.key("env").value("test"))));
            s3.putBucketPolicy(b -> b.bucket("media").policy("{\"Version\":\"2012-10-17\",\"Statement\":[]}"));
            s3.putObject(b -> b.bucket("media").key("a.txt").contentType("text/plain").metadata(Map.of("owner", "ann")),
                    RequestBody.fromString("first"));
            s3.putObject(b -> b.bucket("media").key("a.txt").contentType("text/plain")
                    .checksumAlgorithm("SHA256"), RequestBody.fromString("second"));
            s3.putObject(b -> b.bucket("media").key("big.bin"), RequestBody.fromBytes(large));
            s3.putObject(b -> b.bucket("media").key("gone.txt"), RequestBody.fromString("soon deleted"));
            s3.deleteObject(b -> b.bucket("media").key("gone.txt"));
            s3.putObjectTagging(b -> b.bucket("media").key("big.bin").tagging(t -> t.tagSet(s -> s.key("k").value("v"))));
            uploadId = s3.createMultipartUpload(b -> b.bucket("media").key("parts.bin")).uploadId();
            s3.uploadPart(b -> b.bucket("media").key("parts.bin").uploadId(uploadId).partNumber(1),
                    RequestBody.fromBytes(Arrays.copyOf(large, 5 * 1024 * 1024)));
            versionsBefore = s3.listObjectVersions(b -> b.bucket("media"));
            DataDirectory.Saved saved = data.save(stack);
            assertThat(saved.newBodyBytes()).isGreaterThan(large.length);
            // A second save writes no body again: they are content-addressed.
            assertThat(data.save(stack).newBodyBytes()).isZero();
        }
        try (Stack stack = data.start(manual(), System.err::println); S3Client s3 = Clients.s3(stack)) {
            assertThat(s3.getBucketVersioning(b -> b.bucket("media")).status()).isEqualTo(BucketVersioningStatus.ENABLED);
            assertThat(s3.getBucketTagging(b -> b.bucket("media")).tagSet()).singleElement()
                    .satisfies(tag -> assertThat(tag.value()).isEqualTo("test"));
            assertThat(s3.getBucketPolicy(b -> b.bucket("media")).policy()).contains("2012-10-17");
            ListObjectVersionsResponse versionsAfter = s3.listObjectVersions(b -> b.bucket("media"));
            assertThat(versionsAfter.versions()).isEqualTo(versionsBefore.versions());
            assertThat(versionsAfter.deleteMarkers()).isEqualTo(versionsBefore.deleteMarkers());

            var first = s3.getObjectAsBytes(b -> b.bucket("media").key("a.txt")
                    .versionId(versionsBefore.versions().stream().filter(v -> v.key().equals("a.txt") && !v.isLatest())
                            .findFirst().orElseThrow().versionId()));
            assertThat(first.asString(StandardCharsets.UTF_8)).isEqualTo("first");
            assertThat(first.response().metadata()).containsEntry("owner", "ann");
            assertThat(first.response().contentType()).isEqualTo("text/plain");
            var second = s3.getObjectAsBytes(b -> b.bucket("media").key("a.txt").checksumMode("ENABLED"));
            assertThat(second.asString(StandardCharsets.UTF_8)).isEqualTo("second");
            assertThat(second.response().checksumSHA256()).isNotNull();
            var big = s3.getObjectAsBytes(b -> b.bucket("media").key("big.bin"));
            GetObjectResponse bigResponse = big.response();
            assertThat(big.asByteArray()).isEqualTo(large);
            assertThat(bigResponse.eTag()).isEqualTo(versionsBefore.versions().stream()
                    .filter(v -> v.key().equals("big.bin")).findFirst().orElseThrow().eTag());
            assertThat(s3.getObjectTagging(b -> b.bucket("media").key("big.bin")).tagSet()).singleElement()
                    .satisfies(tag -> assertThat(tag.key()).isEqualTo("k"));
            assertThat(s3.listParts(b -> b.bucket("media").key("parts.bin").uploadId(uploadId)).parts()).hasSize(1);

            String newVersion = s3.putObject(b -> b.bucket("media").key("a.txt"), RequestBody.fromString("third"))
                    .versionId();
            assertThat(versionsBefore.versions()).extracting(v -> v.versionId()).doesNotContain(newVersion);
        }
    }

    @Test
    void s3_bucket_settings_keep_object_lock_and_locks_default_encryption_lifecycle_and_legacy_location() throws Exception {
        DataDirectory data = DataDirectory.open(dir);
        java.time.Instant until = java.time.Instant.parse("2100-01-01T00:00:00Z");
        String version;
        try (Stack stack = data.start(manual(), System.err::println); S3Client s3 = Clients.s3(stack)) {
            s3.createBucket(b -> b.bucket("vault").objectLockEnabledForBucket(true));
            s3.putObjectLockConfiguration(b -> b.bucket("vault").objectLockConfiguration(c -> c.objectLockEnabled("Enabled")
                    .rule(r -> r.defaultRetention(d -> d.mode("GOVERNANCE").years(2)))));
            s3.putBucketEncryption(b -> b.bucket("vault").serverSideEncryptionConfiguration(c -> c.rules(r -> r
                    .applyServerSideEncryptionByDefault(d -> d.sseAlgorithm("aws:kms").kmsMasterKeyID("key-1")))));
            version = s3.putObject(b -> b.bucket("vault").key("doc").objectLockMode("COMPLIANCE")
                    .objectLockRetainUntilDate(until).objectLockLegalHoldStatus("ON"), RequestBody.fromString("x"))
                    .versionId();
            s3.createBucket(b -> b.bucket("old-eu").createBucketConfiguration(c -> c.locationConstraint("EU")));
            s3.putBucketLifecycleConfiguration(b -> b.bucket("old-eu").lifecycleConfiguration(c -> c.rules(r -> r
                    .id("month").status("Enabled").filter(f -> f.prefix("logs/")).expiration(e -> e.days(30)))));
            data.save(stack);
        }
        try (Stack stack = data.start(manual(), System.err::println); S3Client s3 = Clients.s3(stack)) {
            assertThat(s3.getObjectLockConfiguration(b -> b.bucket("vault")).objectLockConfiguration().rule()
                    .defaultRetention().years()).isEqualTo(2);
            var head = s3.headObject(b -> b.bucket("vault").key("doc").versionId(version));
            assertThat(head.objectLockModeAsString()).isEqualTo("COMPLIANCE");
            assertThat(head.objectLockRetainUntilDate()).isEqualTo(until);
            assertThat(head.objectLockLegalHoldStatusAsString()).isEqualTo("ON");
            assertThat(head.ssekmsKeyId()).endsWith(":key/key-1");
            assertThat(s3.getBucketEncryption(b -> b.bucket("vault")).serverSideEncryptionConfiguration().rules().get(0)
                    .applyServerSideEncryptionByDefault().sseAlgorithmAsString()).isEqualTo("aws:kms");
            assertThat(s3.getBucketLocation(b -> b.bucket("old-eu")).locationConstraintAsString()).isEqualTo("EU");
            assertThat(s3.getBucketLifecycleConfiguration(b -> b.bucket("old-eu")).rules()).singleElement()
                    .satisfies(rule -> assertThat(rule.expiration().days()).isEqualTo(30));
        }
    }

    @Test
    void s3_ownership_acls_logging_and_customer_key_digests_survive() throws Exception {
        String key = java.util.Base64.getEncoder().encodeToString(new byte[32]);
        String keyMd5 = java.util.Base64.getEncoder().encodeToString(java.security.MessageDigest.getInstance("MD5")
                .digest(new byte[32]));
        DataDirectory data = DataDirectory.open(dir);
        String owner;
        try (Stack stack = data.start(manual(), System.err::println); S3Client s3 = Clients.s3(stack)) {
            s3.createBucket(b -> b.bucket("shared").objectOwnership("ObjectWriter")
                    .acl(software.amazon.awssdk.services.s3.model.BucketCannedACL.PUBLIC_READ));
            s3.createBucket(b -> b.bucket("plain"));
            s3.deleteBucketOwnershipControls(b -> b.bucket("plain"));
            s3.putObject(b -> b.bucket("shared").key("k").acl("authenticated-read"), RequestBody.fromString("x"));
            s3.putBucketLogging(b -> b.bucket("plain").bucketLoggingStatus(l -> l.loggingEnabled(e -> e
                    .targetBucket("shared").targetPrefix("plain/"))));
            owner = s3.getBucketAcl(b -> b.bucket("shared")).owner().id();
            s3.putObject(b -> b.bucket("plain").key("sse-c").sseCustomerAlgorithm("AES256").sseCustomerKey(key)
                    .sseCustomerKeyMD5(keyMd5), RequestBody.fromString("x"));
            data.save(stack);
        }
        try (Stack stack = data.start(manual(), System.err::println); S3Client s3 = Clients.s3(stack)) {
            assertThat(s3.getBucketOwnershipControls(b -> b.bucket("shared")).ownershipControls().rules().get(0)
                    .objectOwnershipAsString()).isEqualTo("ObjectWriter");
            assertThatThrownBy(() -> s3.getBucketOwnershipControls(b -> b.bucket("plain")))
                    .hasMessageStartingWith("The bucket ownership controls were not found");
            assertThat(s3.getBucketAcl(b -> b.bucket("shared")).grants()).hasSize(2);
            assertThat(s3.getObjectAcl(b -> b.bucket("shared").key("k")).grants()).extracting(g -> g.grantee().id())
                    .containsExactly(owner, null);
            assertThat(s3.getBucketLogging(b -> b.bucket("plain")).loggingEnabled().targetPrefix()).isEqualTo("plain/");
            assertThat(s3.headObject(b -> b.bucket("plain").key("sse-c").sseCustomerAlgorithm("AES256")
                    .sseCustomerKey(key).sseCustomerKeyMD5(keyMd5)).sseCustomerKeyMD5()).isEqualTo(keyMd5);
            assertThatThrownBy(() -> s3.headObject(b -> b.bucket("plain").key("sse-c")))
                    .hasMessageContaining("Status Code: 400");
        }
    }

    @Test
    void s3_replication_configuration_and_replication_status_survive() throws Exception {
        DataDirectory data = DataDirectory.open(dir);
        try (Stack stack = data.start(manual(), System.err::println); S3Client s3 = Clients.s3(stack)) {
            for (String bucket : java.util.List.of("origin", "copy")) {
                s3.createBucket(b -> b.bucket(bucket));
                s3.putBucketVersioning(v -> v.bucket(bucket).versioningConfiguration(c -> c.status("Enabled")));
            }
            s3.putBucketReplication(r -> r.bucket("origin").replicationConfiguration(c -> c
                    .role("arn:aws:iam::000000000000:role/replication").rules(rule -> rule.id("all").priority(1)
                            .status("Enabled").filter(f -> f.prefix("")).deleteMarkerReplication(d -> d.status(
                                    "Enabled")).destination(d -> d.bucket("arn:aws:s3:::copy")))));
            s3.putObject(b -> b.bucket("origin").key("k"), RequestBody.fromString("x"));
            data.save(stack);
        }
        try (Stack stack = data.start(manual(), System.err::println); S3Client s3 = Clients.s3(stack)) {
            assertThat(s3.getBucketReplication(b -> b.bucket("origin")).replicationConfiguration().rules().get(0)
                    .id()).isEqualTo("all");
            assertThat(s3.headObject(b -> b.bucket("origin").key("k")).replicationStatusAsString())
                    .isEqualTo("COMPLETED");
            assertThat(s3.headObject(b -> b.bucket("copy").key("k")).replicationStatusAsString()).isEqualTo("REPLICA");
            s3.putObject(b -> b.bucket("origin").key("after"), RequestBody.fromString("y"));
            assertThat(s3.getObjectAsBytes(b -> b.bucket("copy").key("after")).asUtf8String()).isEqualTo("y");
        }
    }
}
