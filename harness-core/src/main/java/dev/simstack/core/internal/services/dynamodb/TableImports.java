package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.table.Table;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * ImportTable, DescribeImport and ListImports from the stack's own S3. An import runs inside the call:
 * ImportTable answers IN_PROGRESS, as AWS does, with the table already created and filled, so DescribeImport
 * answers COMPLETED at once. As on AWS, imported items are written without write capacity, stream records or
 * Time to Live (the table is new and has neither); the engine writes no ledger entry per item either. Lines
 * that cannot be imported are counted in ErrorCount; no CloudWatch log is written.
 */
final class TableImports {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** InputFormatOptions.Csv.Delimiter's model pattern. */
    private static final Pattern DELIMITER = Pattern.compile("[,;:|\\t ]");

    private final StackContext context;
    private final Tables tables;
    private final TableOperations tableOperations;
    private final S3Objects s3;
    private final TransferJobs<ImportJob> imports = new TransferJobs<>();

    TableImports(StackContext context, Tables tables, TableOperations tableOperations, S3Objects s3) {
        this.context = context;
        this.tables = tables;
        this.tableOperations = tableOperations;
        this.s3 = s3;
    }

    void register(OperationTable<DynamoDbOperation> operations) {
        operations.put("ImportTable", this::importTable);
        operations.put("DescribeImport", this::describe);
        operations.put("ListImports", this::list);
    }

    void reset() {
        imports.clear();
    }

    private JsonNode importTable(DecodedCall call, Input input) {
        checkRequest(input);
        Instant now = context.clock().now();
        ImportJob earlier = imports.earlier(input.string("ClientToken"), TransferJobs.withoutToken(input.node()), now,
                new AwsException("ImportConflictException", 400, "There was a conflict when importing from the "
                        + "specified S3 source. This can occur when the current import conflicts with a previous "
                        + "import request that had the same client token."));
        if (earlier != null) {
            return output("ImportTableDescription", earlier.describe(true));
        }
        Input parameters = input.object("TableCreationParameters");
        CreateTableRequest request = CreateTableRequest.decode(parameters);
        String region = call.region();
        // the name is checked before the source, which may fail the import without creating the table
        if (request.tableName() == null) {
            throw DynamoDbErrors.constraint("null", "tableCreationParameters.tableName", "Member must not be null");
        }
        Requests.checkName(request.tableName(), "tableCreationParameters.tableName");
        if (tables.find(region, request.tableName()) != null) {
            throw DynamoDbErrors.resourceInUse("Table already exists: " + request.tableName());
        }
        Input source = input.object("S3BucketSource");
        String bucket = source.string("S3Bucket");
        String id = TransferJobs.newId(context);
        ImportJob job;
        if (!s3.bucketExists(bucket)) {
            // nothing to read: the import fails and, as a failed import on AWS, leaves no table behind
            String tableArn = ResourceRef.table(region, context.accountId(), request.tableName()).arn();
            job = new ImportJob(tableArn + "/import/" + id, tableArn, null, region, input.string("ClientToken"),
                    TransferJobs.withoutToken(input.node()), now, now, ImportJob.ImportCounts.NONE, "S3NoSuchBucket",
                    "The specified bucket does not exist");
        } else {
            Table table = tableOperations.create(region, request);
            ImportJob.ImportCounts counts = fill(table, format(input, table), bucket, source.string("S3KeyPrefix"));
            job = new ImportJob(table.settings().arn() + "/import/" + id, table.settings().arn(),
                    table.settings().tableId(), region, input.string("ClientToken"),
                    TransferJobs.withoutToken(input.node()), now, now, counts, null, null);
        }
        imports.add(job);
        return output("ImportTableDescription", job.describe(true));
    }

    /** Reads every object under the prefix into the table. */
    private ImportJob.ImportCounts fill(Table table, ImportFormat format, String bucket, String prefix) {
        long size = 0;
        long items = 0;
        long errors = 0;
        long[] stored = new long[1];
        for (String key : s3.keys(bucket, prefix == null ? "" : prefix)) {
            byte[] object = s3.content(bucket, key);
            if (object == null) {
                continue; // deleted since it was listed
            }
            size += object.length;
            ImportFormat.Read read = format.read(object, item -> store(table, item, stored));
            items += read.items();
            errors += read.errors();
        }
        return new ImportJob.ImportCounts(size, items, stored[0], errors);
    }

    private static boolean store(Table table, AttributeMap item, long[] stored) {
        table.lock().writeLock().lock();
        try {
            PreparedWrite.checkItem(table, item);
            table.put(item);
            stored[0]++;
            return true;
        } catch (AwsException refused) {
            return false;
        } finally {
            table.lock().writeLock().unlock();
        }
    }

    private static ImportFormat format(Input input, Table table) {
        Input csv = input.object("InputFormatOptions").object("Csv");
        String delimiter = csv.string("Delimiter");
        List<String> header = csv.has("HeaderList") ? csv.stringList("HeaderList") : null;
        return new ImportFormat(input.string("InputFormat"), "GZIP".equals(input.string("InputCompressionType")),
                delimiter == null ? ',' : delimiter.charAt(0), header, Map.copyOf(table.attributeDefinitions()));
    }

    /** The model's constraints all at once, then the options the engine does not offer, refused by name. */
    private static void checkRequest(Input input) {
        ModelConstraints.checkAll(
                () -> present(input, "S3BucketSource", "s3BucketSource"),
                () -> {
                    if (input.has("S3BucketSource")) {
                        TableExports.required(input.object("S3BucketSource"), "S3Bucket", "s3BucketSource.s3Bucket");
                    }
                },
                () -> TableExports.required(input, "InputFormat", "inputFormat"),
                () -> Requests.choice(input, "InputFormat", "inputFormat", null, List.of("DYNAMODB_JSON", "ION", "CSV")),
                () -> Requests.choice(input, "InputCompressionType", "inputCompressionType", "NONE",
                        List.of("GZIP", "ZSTD", "NONE")),
                () -> present(input, "TableCreationParameters", "tableCreationParameters"),
                () -> delimiter(input));
        if ("ION".equals(input.string("InputFormat"))) {
            throw TableExports.unsupported("InputFormat ION", "import DYNAMODB_JSON or CSV");
        }
        if ("ZSTD".equals(input.string("InputCompressionType"))) {
            throw TableExports.unsupported("InputCompressionType ZSTD", "compress with GZIP or import uncompressed");
        }
        if (input.has("InputFormatOptions") && !"CSV".equals(input.string("InputFormat"))) {
            throw DynamoDbErrors.validation("InputFormatOptions can only be used with InputFormat CSV");
        }
    }

    private static void present(Input input, String parameter, String member) {
        if (!input.has(parameter)) {
            throw DynamoDbErrors.constraint("null", member, "Member must not be null");
        }
    }

    private static void delimiter(Input input) {
        String delimiter = input.object("InputFormatOptions").object("Csv").string("Delimiter");
        if (delimiter != null && (delimiter.length() != 1 || !DELIMITER.matcher(delimiter).matches())) {
            throw DynamoDbErrors.constraint("'" + delimiter + "'", "inputFormatOptions.csv.delimiter",
                    "Member must satisfy regular expression pattern: [,;:|\\t ]");
        }
    }

    private JsonNode describe(DecodedCall call, Input input) {
        TableExports.required(input, "ImportArn", "importArn");
        ImportJob job = imports.find(input.string("ImportArn"));
        if (job == null) {
            throw new AwsException("ImportNotFoundException", 400, "Import not found: " + input.string("ImportArn"));
        }
        return output("ImportTableDescription", job.describe(false));
    }

    private JsonNode list(DecodedCall call, Input input) {
        Integer size = Requests.bounded(input, "PageSize", "pageSize", 1, 25);
        String tableArn = input.string("TableArn");
        TransferJobs.Page<ImportJob> page = imports.page(job -> job.region().equals(call.region())
                && (tableArn == null || job.tableArn().equals(tableArn)), input.string("NextToken"),
                size == null ? 25 : size, DynamoDbErrors.validation("Invalid NextToken: " + input.string("NextToken")));
        ObjectNode output = NODES.objectNode();
        ArrayNode summaries = output.putArray("ImportSummaryList");
        page.jobs().forEach(job -> summaries.add(job.summary(false)));
        if (page.next() != null) {
            output.put("NextToken", page.next());
        }
        return output;
    }

    private static ObjectNode output(String member, ObjectNode value) {
        ObjectNode output = NODES.objectNode();
        output.set(member, value);
        return output;
    }
}
