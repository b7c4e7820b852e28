package dev.simstack.core.dynamodb;

import static dev.simstack.core.dynamodb.DynamoDbTestSupport.item;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.SdkBytes;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.ContinuousBackupsDescription;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ExportConflictException;
import software.amazon.awssdk.services.dynamodb.model.ExportDescription;
import software.amazon.awssdk.services.dynamodb.model.ExportFormat;
import software.amazon.awssdk.services.dynamodb.model.ExportNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ExportStatus;
import software.amazon.awssdk.services.dynamodb.model.ExportSummary;
import software.amazon.awssdk.services.dynamodb.model.ExportType;
import software.amazon.awssdk.services.dynamodb.model.InvalidExportTimeException;
import software.amazon.awssdk.services.dynamodb.model.ListExportsResponse;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryStatus;
import software.amazon.awssdk.services.dynamodb.model.PointInTimeRecoveryUnavailableException;
import software.amazon.awssdk.services.dynamodb.model.TableNotFoundException;

/**
 * Point-in-time recovery as a setting, and ExportTableToPointInTime into the stack's S3: the files AWS writes
 * (manifests and gzip data in DynamoDB JSON), read back through the S3 SDK; DescribeExport and ListExports.
 */
class ExportToS3Test {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static S3TransferSupport io;

    @BeforeAll
    static void start() {
        io = new S3TransferSupport();
        io.s3.createBucket(b -> b.bucket("exports"));
    }

    @AfterAll
    static void stop() {
        io.close();
    }

    @Test
    void continuous_backups_are_disabled_until_enabled_and_the_window_starts_when_enabled() {
        io.support.hashTable("backed");
        ContinuousBackupsDescription off = io.support.dynamo.describeContinuousBackups(b -> b.tableName("backed"))
                .continuousBackupsDescription();
        assertThat(off.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
                .isEqualTo(PointInTimeRecoveryStatus.DISABLED);

        Instant enabled = io.support.stack.clock().now();
        io.support.dynamo.updateContinuousBackups(b -> b.tableName("backed").pointInTimeRecoverySpecification(p -> p
                .pointInTimeRecoveryEnabled(true).recoveryPeriodInDays(7)));
        io.support.stack.clock().advance(Duration.ofMinutes(10));
        ContinuousBackupsDescription on = io.support.dynamo.describeContinuousBackups(b -> b.tableName("backed"))
                .continuousBackupsDescription();

        assertThat(on.continuousBackupsStatusAsString()).isEqualTo("ENABLED");
        assertThat(on.pointInTimeRecoveryDescription().pointInTimeRecoveryStatus())
                .isEqualTo(PointInTimeRecoveryStatus.ENABLED);
        assertThat(on.pointInTimeRecoveryDescription().recoveryPeriodInDays()).isEqualTo(7);
        assertThat(on.pointInTimeRecoveryDescription().earliestRestorableDateTime()).isEqualTo(enabled);
        assertThat(on.pointInTimeRecoveryDescription().latestRestorableDateTime())
                .isEqualTo(io.support.stack.clock().now());
    }

    @Test
    void continuous_backups_of_a_missing_table_are_table_not_found() {
        assertThatThrownBy(() -> io.support.dynamo.describeContinuousBackups(b -> b.tableName("nowhere")))
                .isInstanceOf(TableNotFoundException.class).hasMessageStartingWith("Table not found: nowhere");
    }

    @Test
    void an_export_writes_the_manifests_and_a_gzip_data_file_holding_every_item_in_dynamodb_json() throws Exception {
        String tableArn = io.recoverableTable("catalog");
        io.support.dynamo.putItem(b -> b.tableName("catalog").item(item("pk", "a", "sk", 1, "name", "first")));
        io.support.dynamo.putItem(b -> b.tableName("catalog").item(item("pk", "b", "sk", 2,
                "bytes", AttributeValue.fromB(SdkBytes.fromByteArray(new byte[] {1, 2})),
                "tags", AttributeValue.fromSs(List.of("x", "y")))));

        ExportDescription started = io.support.dynamo.exportTableToPointInTime(b -> b.tableArn(tableArn)
                .s3Bucket("exports").s3Prefix("nightly")).exportDescription();
        String id = started.exportArn().substring(started.exportArn().lastIndexOf('/') + 1);
        String folder = "nightly/AWSDynamoDB/" + id + "/";

        assertThat(started.exportArn()).isEqualTo(tableArn + "/export/" + id).matches(".*/export/\\d{14}-[0-9a-f]{8}");
        JsonNode summary = JSON.readTree(io.text("exports", folder + "manifest-summary.json"));
        assertThat(summary.get("version").asText()).isEqualTo("2020-06-30");
        assertThat(summary.get("exportArn").asText()).isEqualTo(started.exportArn());
        assertThat(summary.get("tableArn").asText()).isEqualTo(tableArn);
        assertThat(summary.get("itemCount").asLong()).isEqualTo(2);
        assertThat(summary.get("outputFormat").asText()).isEqualTo("DYNAMODB_JSON");
        assertThat(summary.get("exportType").asText()).isEqualTo("FULL_EXPORT");
        assertThat(summary.get("manifestFilesS3Key").asText()).isEqualTo(folder + "manifest-files.json");
        JsonNode file = JSON.readTree(io.text("exports", folder + "manifest-files.json"));
        assertThat(file.get("itemCount").asLong()).isEqualTo(2);
        String dataKey = file.get("dataFileS3Key").asText();
        assertThat(dataKey).matches(folder + "data/[a-z2-7]{26}\\.json\\.gz");
        assertThat(file.get("etag").asText())
                .isEqualTo(io.s3.headObject(b -> b.bucket("exports").key(dataKey)).eTag().replace("\"", ""));
        assertThat(io.text("exports", folder + "_started")).isEmpty();
        assertThat(lines(io.gunzipped("exports", dataKey))).containsExactlyInAnyOrder(
                JSON.readTree("{\"Item\":{\"pk\":{\"S\":\"a\"},\"sk\":{\"N\":\"1\"},\"name\":{\"S\":\"first\"}}}"),
                JSON.readTree("{\"Item\":{\"pk\":{\"S\":\"b\"},\"sk\":{\"N\":\"2\"},\"bytes\":{\"B\":\"AQI=\"},"
                        + "\"tags\":{\"SS\":[\"x\",\"y\"]}}}"));
    }

    @Test
    void an_export_answers_in_progress_and_describe_export_answers_completed_with_its_counts() {
        String tableArn = io.recoverableTable("counted");
        io.support.dynamo.putItem(b -> b.tableName("counted").item(item("pk", "a", "sk", 1)));

        ExportDescription started = io.support.dynamo.exportTableToPointInTime(b -> b.tableArn(tableArn)
                .s3Bucket("exports")).exportDescription();
        ExportDescription described = io.support.dynamo.describeExport(b -> b.exportArn(started.exportArn()))
                .exportDescription();

        assertThat(started.exportStatus()).isEqualTo(ExportStatus.IN_PROGRESS);
        assertThat(described.exportStatus()).isEqualTo(ExportStatus.COMPLETED);
        assertThat(described.itemCount()).isEqualTo(1);
        assertThat(described.billedSizeBytes()).isPositive();
        assertThat(described.exportFormat()).isEqualTo(ExportFormat.DYNAMODB_JSON);
        assertThat(described.exportType()).isEqualTo(ExportType.FULL_EXPORT);
        assertThat(described.exportTime()).isEqualTo(io.support.stack.clock().now());
        assertThat(described.exportManifest()).startsWith("AWSDynamoDB/").endsWith("/manifest-summary.json");
        assertThat(io.s3.headObject(b -> b.bucket("exports").key(described.exportManifest())).contentLength())
                .isPositive();
    }

    @Test
    void an_export_without_point_in_time_recovery_is_unavailable() {
        io.support.hashTable("unprotected");
        String arn = io.support.dynamo.describeTable(b -> b.tableName("unprotected")).table().tableArn();

        assertThatThrownBy(() -> io.support.dynamo.exportTableToPointInTime(b -> b.tableArn(arn).s3Bucket("exports")))
                .isInstanceOf(PointInTimeRecoveryUnavailableException.class)
                .hasMessageStartingWith("Point in time recovery is not enabled for table 'unprotected'");
    }

    @Test
    void an_export_of_a_missing_table_is_table_not_found() {
        String arn = "arn:aws:dynamodb:us-east-1:000000000000:table/absent";
        assertThatThrownBy(() -> io.support.dynamo.exportTableToPointInTime(b -> b.tableArn(arn).s3Bucket("exports")))
                .isInstanceOf(TableNotFoundException.class).hasMessageStartingWith("Table not found: absent");
    }

    @Test
    void an_export_time_in_the_future_or_in_the_past_is_an_invalid_export_time() {
        String arn = io.recoverableTable("timed");
        Instant now = io.support.stack.clock().now();

        assertThatThrownBy(() -> io.support.dynamo.exportTableToPointInTime(b -> b.tableArn(arn).s3Bucket("exports")
                .exportTime(now.plus(Duration.ofMinutes(5))))).isInstanceOf(InvalidExportTimeException.class)
                .hasMessageStartingWith("ExportTime " + now.plus(Duration.ofMinutes(5)) + " is in the future");
        assertThatThrownBy(() -> io.support.dynamo.exportTableToPointInTime(b -> b.tableArn(arn).s3Bucket("exports")
                .exportTime(now.minus(Duration.ofDays(1))))).isInstanceOf(InvalidExportTimeException.class)
                .hasMessageStartingWith("ExportTime " + now.minus(Duration.ofDays(1)) + " is before the point in time "
                        + "recovery window, which starts at " + now);
        io.support.stack.clock().advance(Duration.ofMinutes(10));
        Instant later = io.support.stack.clock().now();
        assertThatThrownBy(() -> io.support.dynamo.exportTableToPointInTime(b -> b.tableArn(arn).s3Bucket("exports")
                .exportTime(now))).isInstanceOf(InvalidExportTimeException.class)
                .hasMessageStartingWith("SimStack's engine exports a table as it is now and cannot rebuild it as of "
                        + now + "; leave ExportTime out or pass the stack clock's now (" + later + ")");
        assertThat(io.support.dynamo.exportTableToPointInTime(b -> b.tableArn(arn).s3Bucket("exports")
                .exportTime(later)).exportDescription().exportTime()).isEqualTo(later);
    }

    @Test
    void ion_and_incremental_exports_are_refused_by_name() {
        String arn = io.recoverableTable("formats");
        assertThatThrownBy(() -> io.support.dynamo.exportTableToPointInTime(b -> b.tableArn(arn).s3Bucket("exports")
                .exportFormat(ExportFormat.ION))).isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("SimStack's engine does not support ExportFormat ION; export as DYNAMODB_JSON "
                        + "(see docs/compatibility.md).");
        assertThatThrownBy(() -> io.support.dynamo.exportTableToPointInTime(b -> b.tableArn(arn).s3Bucket("exports")
                .exportType(ExportType.INCREMENTAL_EXPORT))).isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("SimStack's engine does not support ExportType INCREMENTAL_EXPORT");
        assertThatThrownBy(() -> io.support.dynamo.exportTableToPointInTime(b -> b.tableArn(arn)
                .exportFormat("CSV"))).isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("2 validation errors detected: Value null at 's3Bucket' failed to satisfy "
                        + "constraint: Member must not be null; Value 'CSV' at 'exportFormat' failed to satisfy "
                        + "constraint: Member must satisfy enum value set: [DYNAMODB_JSON, ION]");
    }

    @Test
    void an_export_to_a_missing_bucket_fails_with_s3_no_such_bucket() {
        String arn = io.recoverableTable("lost");
        String exportArn = io.support.dynamo.exportTableToPointInTime(b -> b.tableArn(arn).s3Bucket("no-such-bucket"))
                .exportDescription().exportArn();

        ExportDescription failed = io.support.dynamo.describeExport(b -> b.exportArn(exportArn)).exportDescription();

        assertThat(failed.exportStatus()).isEqualTo(ExportStatus.FAILED);
        assertThat(failed.failureCode()).isEqualTo("S3NoSuchBucket");
        assertThat(failed.failureMessage()).isEqualTo("The specified bucket does not exist");
    }

    @Test
    void a_client_token_answers_the_same_export_and_other_parameters_with_it_conflict() {
        String arn = io.recoverableTable("tokened");
        String first = io.support.dynamo.exportTableToPointInTime(b -> b.tableArn(arn).s3Bucket("exports")
                .clientToken("once")).exportDescription().exportArn();
        String again = io.support.dynamo.exportTableToPointInTime(b -> b.tableArn(arn).s3Bucket("exports")
                .clientToken("once")).exportDescription().exportArn();

        assertThat(again).isEqualTo(first);
        assertThatThrownBy(() -> io.support.dynamo.exportTableToPointInTime(b -> b.tableArn(arn).s3Bucket("exports")
                .s3Prefix("elsewhere").clientToken("once"))).isInstanceOf(ExportConflictException.class)
                .hasMessageStartingWith("There was a conflict when writing to the specified S3 bucket.");
    }

    @Test
    void list_exports_pages_the_exports_of_a_table_and_describe_export_of_an_unknown_arn_is_not_found() {
        String arn = io.recoverableTable("listed");
        List<String> started = java.util.stream.IntStream.range(0, 3).mapToObj(i -> io.support.dynamo
                .exportTableToPointInTime(b -> b.tableArn(arn).s3Bucket("exports")).exportDescription().exportArn())
                .toList();

        ListExportsResponse first = io.support.dynamo.listExports(b -> b.tableArn(arn).maxResults(2));
        ListExportsResponse second = io.support.dynamo.listExports(b -> b.tableArn(arn).maxResults(2)
                .nextToken(first.nextToken()));

        assertThat(first.exportSummaries()).extracting(ExportSummary::exportArn).isEqualTo(started.subList(0, 2));
        assertThat(second.exportSummaries()).extracting(ExportSummary::exportArn).isEqualTo(started.subList(2, 3));
        assertThat(second.nextToken()).isNull();
        assertThat(second.exportSummaries().get(0).exportStatus()).isEqualTo(ExportStatus.COMPLETED);
        assertThatThrownBy(() -> io.support.dynamo.describeExport(b -> b.exportArn(arn + "/export/nothing")))
                .isInstanceOf(ExportNotFoundException.class)
                .hasMessageStartingWith("Export not found: " + arn + "/export/nothing");
    }

    private static Set<JsonNode> lines(String text) {
        return Arrays.stream(text.split("\n")).map(line -> {
            try {
                return JSON.readTree(line);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }).collect(Collectors.toSet());
    }
}
