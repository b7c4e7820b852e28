package dev.simstack.core.ports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.simstack.core.AwsException;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.LedgerEntry.ObjectWrite;
import dev.simstack.core.LedgerEntry.ObjectWriteKind;
import dev.simstack.core.LedgerEntry.WriteOutcome;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.internal.services.s3.DeleteObjectResult;
import dev.simstack.core.internal.services.s3.PutObjectResult;
import dev.simstack.core.internal.services.s3.S3Port;
import dev.simstack.core.internal.services.s3.StoredObject;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.ResponseBytes;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.Event;
import software.amazon.awssdk.services.s3.model.GetObjectResponse;
import software.amazon.awssdk.services.s3.model.PutObjectResponse;
import software.amazon.awssdk.services.s3.model.QueueConfiguration;
import software.amazon.awssdk.services.s3.model.S3Exception;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * S3's typed port: objects put, read and deleted in-process are the objects SDK clients see, with the same
 * ETags, version ids, metadata, preconditions, ledger entries and notifications.
 */
class S3PortTest {

    private Stack stack;
    private S3Client s3;
    private S3Port port;
    private ResourceRef archive;

    @BeforeEach
    void start() {
        stack = StackConfig.defaults().withSeed(21).withQueue(QueueSpec.named("uploads")).start();
        s3 = PortsSupport.s3(stack);
        s3.createBucket(b -> b.bucket("archive"));
        s3.putBucketVersioning(b -> b.bucket("archive").versioningConfiguration(v -> v.status("Enabled")));
        s3.createBucket(b -> b.bucket("plain"));
        port = PortsSupport.engine(stack).s3().port();
        archive = ResourceRef.bucket(stack.defaultRegion(), stack.accountId(), "archive");
    }

    @AfterEach
    void stop() {
        s3.close();
        stack.close();
    }

    @Test
    void a_port_put_answers_the_etag_and_version_id_an_sdk_get_sees_with_its_type_and_metadata() {
        PutObjectResult put = port.putObject(archive, "reports/q1.csv", bytes("a,b\n1,2\n"), "text/csv",
                Map.of("Origin", "ledger"), false);

        ResponseBytes<GetObjectResponse> got = s3.getObjectAsBytes(b -> b.bucket("archive").key("reports/q1.csv"));
        assertThat(got.asUtf8String()).isEqualTo("a,b\n1,2\n");
        assertThat(put.etag()).isEqualTo(got.response().eTag());
        assertThat(put.versionId()).isNotNull().isEqualTo(got.response().versionId());
        assertThat(got.response().contentType()).isEqualTo("text/csv");
        assertThat(got.response().metadata()).isEqualTo(Map.of("origin", "ledger"));
    }

    @Test
    void a_port_get_reads_what_sdk_puts_wrote_the_current_version_or_the_one_named() {
        PutObjectResponse first = s3.putObject(b -> b.bucket("archive").key("k").contentType("text/plain")
                .metadata(Map.of("rev", "1")), RequestBody.fromString("one"));
        PutObjectResponse second = s3.putObject(b -> b.bucket("archive").key("k").metadata(Map.of("rev", "2")),
                RequestBody.fromString("two"));

        StoredObject current = port.getObject(archive, "k", null);
        StoredObject older = port.getObject(archive, "k", first.versionId());

        assertThat(new String(current.bytes(), StandardCharsets.UTF_8)).isEqualTo("two");
        assertThat(current.etag()).isEqualTo(second.eTag());
        assertThat(current.versionId()).isEqualTo(second.versionId());
        assertThat(current.metadata()).isEqualTo(Map.of("rev", "2"));
        assertThat(new String(older.bytes(), StandardCharsets.UTF_8)).isEqualTo("one");
        assertThat(older.etag()).isEqualTo(first.eTag());
        assertThat(older.contentType()).isEqualTo("text/plain");
        assertThat(older.versionId()).isEqualTo(first.versionId());
    }

    @Test
    void an_unversioned_bucket_names_no_version_to_the_port_as_to_the_sdk() {
        ResourceRef plain = ResourceRef.bucket(stack.defaultRegion(), stack.accountId(), "plain");

        PutObjectResult put = port.putObject(plain, "k", bytes("x"), null, Map.of(), false);

        GetObjectResponse head = s3.getObject(b -> b.bucket("plain").key("k")).response();
        assertThat(put.versionId()).isNull();
        assertThat(head.versionId()).isNull();
        assertThat(head.contentType()).isEqualTo("binary/octet-stream");
        assertThat(port.getObject(plain, "k", null).versionId()).isNull();
    }

    @Test
    void a_refused_if_none_match_fails_with_PreconditionFailed_as_over_the_wire_and_is_recorded_refused() {
        port.putObject(archive, "once", bytes("first"), null, Map.of(), true);

        AwsException typed = catchThrowableOfType(() -> port.putObject(archive, "once", bytes("again"), null,
                Map.of(), true), AwsException.class);
        S3Exception wire = catchThrowableOfType(() -> s3.putObject(b -> b.bucket("archive").key("once")
                .ifNoneMatch("*"), RequestBody.fromString("again")), S3Exception.class);

        assertThat(typed.code()).isEqualTo(wire.awsErrorDetails().errorCode()).isEqualTo("PreconditionFailed");
        assertThat(typed.status()).isEqualTo(wire.statusCode()).isEqualTo(412);
        assertThat(typed.getMessage()).isEqualTo(wire.awsErrorDetails().errorMessage());
        assertThat(stack.ledger().entries(ObjectWrite.class)).extracting(ObjectWrite::outcome)
                .containsExactly(WriteOutcome.APPLIED, WriteOutcome.PRECONDITION_FAILED,
                        WriteOutcome.PRECONDITION_FAILED);
        assertThat(port.getObject(archive, "once", null).bytes()).isEqualTo(bytes("first"));
    }

    @Test
    void port_writes_record_the_same_ledger_entries_as_wire_writes() {
        s3.putObject(b -> b.bucket("archive").key("wire"), RequestBody.fromString("w"));
        s3.deleteObject(b -> b.bucket("archive").key("wire"));
        port.putObject(archive, "port", bytes("p"), null, Map.of(), false);
        DeleteObjectResult deleted = port.deleteObject(archive, "port", null);

        List<ObjectWrite> writes = stack.ledger().entries(ObjectWrite.class);
        assertThat(writes).extracting(ObjectWrite::kind, ObjectWrite::operation, ObjectWrite::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple(ObjectWriteKind.PUT, "PutObject", WriteOutcome.APPLIED),
                        org.assertj.core.groups.Tuple.tuple(ObjectWriteKind.DELETE_MARKER, "DeleteObject",
                                WriteOutcome.APPLIED),
                        org.assertj.core.groups.Tuple.tuple(ObjectWriteKind.PUT, "PutObject", WriteOutcome.APPLIED),
                        org.assertj.core.groups.Tuple.tuple(ObjectWriteKind.DELETE_MARKER, "DeleteObject",
                                WriteOutcome.APPLIED));
        assertThat(writes).extracting(ObjectWrite::bucket).containsOnly(writes.get(0).bucket()).first()
                .isEqualTo(archive);
        assertThat(deleted.deleteMarker()).isTrue();
        assertThat(writes.get(3).versionId()).isEqualTo(deleted.versionId());
        AwsException gone = catchThrowableOfType(() -> port.getObject(archive, "port", null), AwsException.class);
        S3Exception wireGone = catchThrowableOfType(() -> s3.getObject(b -> b.bucket("archive").key("port")),
                S3Exception.class);
        assertThat(gone.code()).isEqualTo(wireGone.awsErrorDetails().errorCode()).isEqualTo("NoSuchKey");
    }

    @Test
    void a_port_put_raises_the_ObjectCreated_notification_naming_the_account() throws Exception {
        s3.putBucketNotificationConfiguration(n -> n.bucket("archive").notificationConfiguration(c -> c
                .queueConfigurations(QueueConfiguration.builder().id("to-queue")
                        .queueArn(stack.queue("uploads").arn()).events(Event.S3_OBJECT_CREATED).build())));

        PutObjectResult put = port.putObject(archive, "in/a b.txt", bytes("hello"), "text/plain", Map.of(), false);

        List<JsonNode> records = new ArrayList<>();
        try (SqsClient sqs = PortsSupport.sqs(stack)) {
            for (Message message : sqs.receiveMessage(r -> r.queueUrl(stack.queue("uploads").url())
                    .maxNumberOfMessages(10)).messages()) {
                new ObjectMapper().readTree(message.body()).path("Records").forEach(records::add);
            }
        }
        assertThat(records).singleElement().satisfies(record -> {
            assertThat(record.path("eventName").asText()).isEqualTo("ObjectCreated:Put");
            assertThat(record.path("userIdentity").path("principalId").asText())
                    .isEqualTo("AWS:" + stack.accountId());
            assertThat(record.path("s3").path("object").path("key").asText()).isEqualTo("in/a+b.txt");
            assertThat(record.path("s3").path("object").path("eTag").asText())
                    .isEqualTo(put.etag().replace("\"", ""));
            assertThat(record.path("s3").path("object").path("versionId").asText()).isEqualTo(put.versionId());
            assertThat(record.path("responseElements").path("x-amz-request-id").asText()).isNotEmpty();
        });
        assertThat(stack.ledger().entries(LedgerEntry.ObjectWrite.class)).hasSize(1);
    }

    private static byte[] bytes(String text) {
        return text.getBytes(StandardCharsets.UTF_8);
    }
}
