package dev.simstack.core.dynamodb;

import static dev.simstack.core.dynamodb.DynamoDbTestSupport.item;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.s;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.LedgerEntry;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.ImportConflictException;
import software.amazon.awssdk.services.dynamodb.model.ImportNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ImportStatus;
import software.amazon.awssdk.services.dynamodb.model.ImportSummary;
import software.amazon.awssdk.services.dynamodb.model.ImportTableDescription;
import software.amazon.awssdk.services.dynamodb.model.ImportTableRequest;
import software.amazon.awssdk.services.dynamodb.model.InputCompressionType;
import software.amazon.awssdk.services.dynamodb.model.InputFormat;
import software.amazon.awssdk.services.dynamodb.model.ListImportsResponse;
import software.amazon.awssdk.services.dynamodb.model.ProjectionType;
import software.amazon.awssdk.services.dynamodb.model.ResourceInUseException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.TableCreationParameters;

/**
 * ImportTable from the stack's S3: what an export wrote comes back equal, CSV with a header line or a header
 * list, gzip, bad lines counted as errors, the new table's indexes; DescribeImport, ListImports and the errors.
 */
class ImportFromS3Test {

    private static S3TransferSupport io;

    @BeforeAll
    static void start() {
        io = new S3TransferSupport();
        io.s3.createBucket(b -> b.bucket("imports"));
    }

    @AfterAll
    static void stop() {
        io.close();
    }

    @Test
    void importing_what_an_export_wrote_gives_a_table_with_equal_items() {
        String sourceArn = io.recoverableTable("source");
        List<Map<String, AttributeValue>> items = List.of(item("pk", "a", "sk", 1, "name", "first"),
                item("pk", "a", "sk", 2, "list", AttributeValue.fromL(List.of(s("x"), AttributeValue.fromNul(true)))),
                item("pk", "b", "sk", 3, "map", AttributeValue.fromM(Map.of("n", AttributeValue.fromN("1.5")))));
        items.forEach(item -> io.support.dynamo.putItem(b -> b.tableName("source").item(item)));
        String exportArn = io.support.dynamo.exportTableToPointInTime(b -> b.tableArn(sourceArn).s3Bucket("imports")
                .s3Prefix("round-trip")).exportDescription().exportArn();
        String dataPrefix = "round-trip/AWSDynamoDB/" + exportArn.substring(exportArn.lastIndexOf('/') + 1) + "/data/";

        ImportTableDescription started = io.support.dynamo.importTable(b -> b.inputFormat(InputFormat.DYNAMODB_JSON)
                .inputCompressionType(InputCompressionType.GZIP)
                .s3BucketSource(s -> s.s3Bucket("imports").s3KeyPrefix(dataPrefix))
                .tableCreationParameters(table("copy"))).importTableDescription();
        ImportTableDescription done = io.support.dynamo.describeImport(b -> b.importArn(started.importArn()))
                .importTableDescription();

        assertThat(started.importStatus()).isEqualTo(ImportStatus.IN_PROGRESS);
        assertThat(done.importStatus()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.importedItemCount()).isEqualTo(3);
        assertThat(done.processedItemCount()).isEqualTo(3);
        assertThat(done.errorCount()).isZero();
        assertThat(done.processedSizeBytes()).isPositive();
        assertThat(done.tableArn()).endsWith(":table/copy");
        assertThat(done.importArn()).matches(".*:table/copy/import/\\d{14}-[0-9a-f]{8}");
        assertThat(io.support.dynamo.scan(b -> b.tableName("copy")).items())
                .containsExactlyInAnyOrderElementsOf(io.support.dynamo.scan(b -> b.tableName("source")).items());
    }

    @Test
    void imported_items_write_no_ledger_entries_and_the_table_has_no_stream() {
        io.put("imports", "quiet/items.json", "{\"Item\":{\"pk\":{\"S\":\"q\"},\"sk\":{\"N\":\"1\"}}}\n");

        importJson("quiet", "quiet/");

        assertThat(io.support.stack.ledger().entries(LedgerEntry.ItemWrite.class))
                .noneMatch(write -> write.table().name().equals("quiet"));
        assertThat(io.support.dynamo.describeTable(b -> b.tableName("quiet")).table().latestStreamArn()).isNull();
        assertThat(io.support.dynamo.getItem(b -> b.tableName("quiet").key(item("pk", "q", "sk", 1))).item())
                .isNotEmpty();
    }

    @Test
    void a_csv_import_reads_its_header_line_types_keys_by_their_definitions_and_imports_the_rest_as_strings() {
        io.put("imports", "csv-header/part.csv", "pk,sk,price,note\nbook,1,12.50,\"a, quoted\"\"note\"\"\"\npen,2,3,\n");

        ImportTableDescription done = describe(io.support.dynamo.importTable(b -> b.inputFormat(InputFormat.CSV)
                .s3BucketSource(s -> s.s3Bucket("imports").s3KeyPrefix("csv-header/"))
                .tableCreationParameters(table("fromcsv"))).importTableDescription());

        assertThat(done.importedItemCount()).isEqualTo(2);
        assertThat(io.support.dynamo.getItem(b -> b.tableName("fromcsv").key(item("pk", "book", "sk", 1))).item())
                .isEqualTo(item("pk", "book", "sk", 1, "price", s("12.50"), "note", s("a, quoted\"note\"")));
        assertThat(io.support.dynamo.getItem(b -> b.tableName("fromcsv").key(item("pk", "pen", "sk", 2))).item())
                .isEqualTo(item("pk", "pen", "sk", 2, "price", s("3")));
    }

    @Test
    void a_csv_import_with_a_header_list_and_a_delimiter_reads_every_line_as_an_item() {
        io.put("imports", "csv-list/part.csv", "cup;7;blue\nmug;8;red\n");

        ImportTableDescription done = describe(io.support.dynamo.importTable(b -> b.inputFormat(InputFormat.CSV)
                .inputFormatOptions(o -> o.csv(c -> c.delimiter(";").headerList("pk", "sk", "colour")))
                .s3BucketSource(s -> s.s3Bucket("imports").s3KeyPrefix("csv-list/"))
                .tableCreationParameters(table("listed"))).importTableDescription());

        assertThat(done.importedItemCount()).isEqualTo(2);
        assertThat(done.inputFormatOptions().csv().delimiter()).isEqualTo(";");
        assertThat(io.support.dynamo.getItem(b -> b.tableName("listed").key(item("pk", "mug", "sk", 8))).item())
                .isEqualTo(item("pk", "mug", "sk", 8, "colour", s("red")));
    }

    @Test
    void lines_that_cannot_be_imported_are_counted_as_errors_and_the_others_are_imported() {
        io.put("imports", "bad/items.json", gzip("{\"Item\":{\"pk\":{\"S\":\"ok\"},\"sk\":{\"N\":\"1\"}}}\n"
                + "not json\n"
                + "{\"Item\":{\"pk\":{\"S\":\"no sort key\"}}}\n"
                + "{\"Item\":{\"pk\":{\"S\":\"wrong\"},\"sk\":{\"S\":\"text\"}}}\n"
                + "{\"Other\":{}}\n"));

        ImportTableDescription done = describe(io.support.dynamo.importTable(b -> b.inputFormat(InputFormat.DYNAMODB_JSON)
                .inputCompressionType(InputCompressionType.GZIP)
                .s3BucketSource(s -> s.s3Bucket("imports").s3KeyPrefix("bad/"))
                .tableCreationParameters(table("partial"))).importTableDescription());

        assertThat(done.importStatus()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(done.processedItemCount()).isEqualTo(5);
        assertThat(done.importedItemCount()).isEqualTo(1);
        assertThat(done.errorCount()).isEqualTo(4);
    }

    @Test
    void the_table_creation_parameters_create_global_secondary_indexes_that_hold_the_imported_items() {
        io.put("imports", "indexed/items.json", "{\"Item\":{\"pk\":{\"S\":\"i\"},\"sk\":{\"N\":\"1\"},"
                + "\"status\":{\"S\":\"open\"}}}\n");

        io.support.dynamo.importTable(b -> b.inputFormat(InputFormat.DYNAMODB_JSON)
                .s3BucketSource(s -> s.s3Bucket("imports").s3KeyPrefix("indexed/"))
                .tableCreationParameters(table("indexed").toBuilder()
                        .attributeDefinitions(DynamoDbTestSupport.def("pk", ScalarAttributeType.S),
                                DynamoDbTestSupport.def("sk", ScalarAttributeType.N),
                                DynamoDbTestSupport.def("status", ScalarAttributeType.S))
                        .globalSecondaryIndexes(g -> g.indexName("by-status")
                                .keySchema(DynamoDbTestSupport.hash("status"))
                                .projection(p -> p.projectionType(ProjectionType.ALL))).build()));

        assertThat(io.support.dynamo.query(b -> b.tableName("indexed").indexName("by-status")
                .keyConditionExpression("#s = :s").expressionAttributeNames(Map.of("#s", "status"))
                .expressionAttributeValues(Map.of(":s", s("open")))).count()).isEqualTo(1);
    }

    @Test
    void an_import_into_an_existing_table_is_resource_in_use() {
        io.support.hashTable("existing");
        assertThatThrownBy(() -> io.support.dynamo.importTable(b -> b.inputFormat(InputFormat.CSV)
                .s3BucketSource(s -> s.s3Bucket("imports")).tableCreationParameters(table("existing"))))
                .isInstanceOf(ResourceInUseException.class).hasMessageStartingWith("Table already exists: existing");
    }

    @Test
    void ion_and_zstd_are_refused_by_name_and_the_model_constraints_are_reported_together() {
        assertThatThrownBy(() -> io.support.dynamo.importTable(b -> b.inputFormat(InputFormat.ION)
                .s3BucketSource(s -> s.s3Bucket("imports")).tableCreationParameters(table("ion"))))
                .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("SimStack's engine does not support "
                        + "InputFormat ION; import DYNAMODB_JSON or CSV (see docs/compatibility.md).");
        assertThatThrownBy(() -> io.support.dynamo.importTable(b -> b.inputFormat(InputFormat.CSV)
                .inputCompressionType(InputCompressionType.ZSTD)
                .s3BucketSource(s -> s.s3Bucket("imports")).tableCreationParameters(table("zstd"))))
                .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("SimStack's engine does not support "
                        + "InputCompressionType ZSTD; compress with GZIP or import uncompressed");
        assertThatThrownBy(() -> io.support.dynamo.importTable(b -> b.inputFormat("XML")
                .s3BucketSource(s -> s.s3Bucket("imports"))))
                .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("2 validation errors detected: Value "
                        + "'XML' at 'inputFormat' failed to satisfy constraint: Member must satisfy enum value set: "
                        + "[DYNAMODB_JSON, ION, CSV]; Value null at 'tableCreationParameters' failed to satisfy "
                        + "constraint: Member must not be null");
        assertThatThrownBy(() -> io.support.dynamo.importTable(b -> b.inputFormat(InputFormat.CSV)
                .s3BucketSource(s -> s.s3Bucket("no-such-bucket")).tableCreationParameters(t -> t
                        .billingMode(BillingMode.PAY_PER_REQUEST)))).isInstanceOf(DynamoDbException.class)
                .hasMessageStartingWith("1 validation error detected: Value null at "
                        + "'tableCreationParameters.tableName' failed to satisfy constraint: Member must not be null");
        assertThatThrownBy(() -> io.support.dynamo.importTable(b -> b.inputFormat(InputFormat.CSV)
                .inputFormatOptions(o -> o.csv(c -> c.delimiter("x")))
                .s3BucketSource(s -> s.s3Bucket("imports")).tableCreationParameters(table("delimited"))))
                .isInstanceOf(DynamoDbException.class).hasMessageStartingWith("1 validation error detected: Value 'x' "
                        + "at 'inputFormatOptions.csv.delimiter' failed to satisfy constraint: Member must satisfy "
                        + "regular expression pattern: [,;:|\\t ]");
    }

    @Test
    void an_import_from_a_missing_bucket_fails_and_leaves_no_table() {
        String arn = io.support.dynamo.importTable(b -> b.inputFormat(InputFormat.CSV)
                .s3BucketSource(s -> s.s3Bucket("no-such-bucket")).tableCreationParameters(table("orphan")))
                .importTableDescription().importArn();

        ImportTableDescription failed = io.support.dynamo.describeImport(b -> b.importArn(arn))
                .importTableDescription();

        assertThat(failed.importStatus()).isEqualTo(ImportStatus.FAILED);
        assertThat(failed.failureCode()).isEqualTo("S3NoSuchBucket");
        assertThatThrownBy(() -> io.support.dynamo.describeTable(b -> b.tableName("orphan")))
                .isInstanceOf(ResourceNotFoundException.class);
    }

    @Test
    void a_client_token_answers_the_same_import_and_other_parameters_with_it_are_an_import_conflict() {
        io.put("imports", "tokened/items.json", "{\"Item\":{\"pk\":{\"S\":\"t\"},\"sk\":{\"N\":\"1\"}}}\n");
        ImportTableRequest request = ImportTableRequest.builder().inputFormat(InputFormat.DYNAMODB_JSON)
                .clientToken("import-once").s3BucketSource(s -> s.s3Bucket("imports").s3KeyPrefix("tokened/"))
                .tableCreationParameters(table("tokened")).build();

        String first = io.support.dynamo.importTable(request).importTableDescription().importArn();
        String again = io.support.dynamo.importTable(request).importTableDescription().importArn();

        assertThat(again).isEqualTo(first);
        assertThatThrownBy(() -> io.support.dynamo.importTable(request.toBuilder()
                .s3BucketSource(s -> s.s3Bucket("imports").s3KeyPrefix("elsewhere/")).build()))
                .isInstanceOf(ImportConflictException.class).hasMessageStartingWith("There was a conflict when "
                        + "importing from the specified S3 source. This can occur when the current import conflicts "
                        + "with a previous import request that had the same client token.");
    }

    @Test
    void list_imports_pages_by_table_and_describe_import_of_an_unknown_arn_is_not_found() {
        io.put("imports", "paged/items.json", "{\"Item\":{\"pk\":{\"S\":\"p\"},\"sk\":{\"N\":\"1\"}}}\n");
        String arn = importJson("paged", "paged/");
        String tableArn = io.support.dynamo.describeTable(b -> b.tableName("paged")).table().tableArn();

        ListImportsResponse byTable = io.support.dynamo.listImports(b -> b.tableArn(tableArn));
        ListImportsResponse firstPage = io.support.dynamo.listImports(b -> b.pageSize(1));

        assertThat(byTable.importSummaryList()).extracting(ImportSummary::importArn).containsExactly(arn);
        assertThat(byTable.importSummaryList().get(0).importStatus()).isEqualTo(ImportStatus.COMPLETED);
        assertThat(firstPage.importSummaryList()).hasSize(1);
        assertThat(firstPage.nextToken()).isNotNull();
        assertThatThrownBy(() -> io.support.dynamo.describeImport(b -> b.importArn(tableArn + "/import/none")))
                .isInstanceOf(ImportNotFoundException.class).hasMessageStartingWith("Import not found: ");
    }

    private static String importJson(String tableName, String prefix) {
        return io.support.dynamo.importTable(b -> b.inputFormat(InputFormat.DYNAMODB_JSON)
                .s3BucketSource(s -> s.s3Bucket("imports").s3KeyPrefix(prefix))
                .tableCreationParameters(table(tableName))).importTableDescription().importArn();
    }

    private static ImportTableDescription describe(ImportTableDescription started) {
        return io.support.dynamo.describeImport(b -> b.importArn(started.importArn())).importTableDescription();
    }

    /** A table keyed by string {@code pk} and number {@code sk}, on demand. */
    private static TableCreationParameters table(String name) {
        return TableCreationParameters.builder().tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(DynamoDbTestSupport.def("pk", ScalarAttributeType.S),
                        DynamoDbTestSupport.def("sk", ScalarAttributeType.N))
                .keySchema(DynamoDbTestSupport.hash("pk"), DynamoDbTestSupport.range("sk")).build();
    }

    private static byte[] gzip(String text) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(text.getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
