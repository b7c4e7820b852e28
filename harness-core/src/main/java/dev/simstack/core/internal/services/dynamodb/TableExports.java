package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.AwsService;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.services.dynamodb.item.AttributeMap;
import dev.simstack.core.internal.services.dynamodb.table.Table;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/**
 * ExportTableToPointInTime, DescribeExport and ListExports into the stack's own S3. An export runs inside the
 * call, on the table as it is then: ExportTableToPointInTime answers IN_PROGRESS, as AWS does, and the files are
 * already written, so DescribeExport (and a waiter polling it) answers COMPLETED at once. The engine keeps no
 * history of items, so the export time must be the clock's now (see {@link #exportTime}).
 */
final class TableExports {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** A client's "now" is rounded to the second or sent a moment late: within this, it is now. */
    private static final Duration NOW_TOLERANCE = Duration.ofSeconds(1);

    private final StackContext context;
    private final Tables tables;
    private final S3Objects s3;
    private final TransferJobs<ExportJob> exports = new TransferJobs<>();

    TableExports(StackContext context, Tables tables, S3Objects s3) {
        this.context = context;
        this.tables = tables;
        this.s3 = s3;
    }

    void register(OperationTable<DynamoDbOperation> operations) {
        operations.put("ExportTableToPointInTime", this::export);
        operations.put("DescribeExport", this::describe);
        operations.put("ListExports", this::list);
    }

    void reset() {
        exports.clear();
    }

    private JsonNode export(DecodedCall call, Input input) {
        ResourceRef tableRef = checkRequest(input);
        Instant now = context.clock().now();
        ExportJob earlier = exports.earlier(input.string("ClientToken"), TransferJobs.withoutToken(input.node()), now,
                new AwsException("ExportConflictException", 400, "There was a conflict when writing to the specified "
                        + "S3 bucket. An export with ClientToken " + input.string("ClientToken") + " and other "
                        + "parameters was started in the last 8 hours."));
        if (earlier != null) {
            return output("ExportDescription", earlier.describe(true));
        }
        Table table = tables.find(tableRef.region(), tableRef.name());
        if (table == null) {
            throw ContinuousBackups.tableNotFound(tableRef.name());
        }
        Instant earliest = ContinuousBackups.earliest(table.settings(), now);
        if (earliest == null) {
            throw new AwsException("PointInTimeRecoveryUnavailableException", 400, "Point in time recovery is not "
                    + "enabled for table '" + table.name() + "'; enable it with UpdateContinuousBackups first");
        }
        Instant exportTime = exportTime(input, earliest, now);
        ExportJob job = run(table, input, tableRef, exportTime, now);
        exports.add(job);
        return output("ExportDescription", job.describe(true));
    }

    private ExportJob run(Table table, Input input, ResourceRef tableRef, Instant exportTime, Instant now) {
        String id = TransferJobs.newId(context);
        String bucket = input.string("S3Bucket");
        String prefix = input.string("S3Prefix");
        String sse = input.string("S3SseAlgorithm") == null ? "AES256" : input.string("S3SseAlgorithm");
        String arn = table.settings().arn() + "/export/" + id;
        List<AttributeMap> items;
        long size;
        table.lock().readLock().lock();
        try {
            items = table.items();
            size = table.sizeBytes();
        } finally {
            table.lock().readLock().unlock();
        }
        if (!s3.bucketExists(bucket)) {
            // AWS accepts the call and fails the export when it writes: DescribeExport tells why
            return new ExportJob(arn, tableRef.arn(), table.settings().tableId(), tableRef.region(),
                    input.string("ClientToken"), TransferJobs.withoutToken(input.node()), now, exportTime, now, bucket,
                    input.string("S3BucketOwner"), prefix, sse, null, 0, 0, "S3NoSuchBucket",
                    "The specified bucket does not exist");
        }
        String manifest = ExportFiles.folder(prefix, id) + "manifest-summary.json";
        ExportJob job = new ExportJob(arn, tableRef.arn(), table.settings().tableId(), tableRef.region(),
                input.string("ClientToken"), TransferJobs.withoutToken(input.node()), now, exportTime, now, bucket,
                input.string("S3BucketOwner"), prefix, sse, manifest, items.size(), size, null, null);
        new ExportFiles(s3, context.random()).write(job, id, items);
        return job;
    }

    /** The request's members by the model, then the options the engine does not offer, refused by name. */
    private static ResourceRef checkRequest(Input input) {
        ModelConstraints.checkAll(
                () -> required(input, "TableArn", "tableArn"),
                () -> required(input, "S3Bucket", "s3Bucket"),
                () -> Requests.choice(input, "ExportFormat", "exportFormat", "DYNAMODB_JSON",
                        List.of("DYNAMODB_JSON", "ION")),
                () -> Requests.choice(input, "ExportType", "exportType", "FULL_EXPORT",
                        List.of("FULL_EXPORT", "INCREMENTAL_EXPORT")),
                () -> Requests.choice(input, "S3SseAlgorithm", "s3SseAlgorithm", "AES256", List.of("AES256", "KMS")));
        if ("ION".equals(input.string("ExportFormat"))) {
            throw unsupported("ExportFormat ION", "export as DYNAMODB_JSON");
        }
        if ("INCREMENTAL_EXPORT".equals(input.string("ExportType"))) {
            throw unsupported("ExportType INCREMENTAL_EXPORT", "export with FULL_EXPORT");
        }
        return tableArn(input.string("TableArn"));
    }

    static ResourceRef tableArn(String arn) {
        try {
            ResourceRef ref = ResourceRef.fromArn(arn);
            if (ref.service() == AwsService.DYNAMODB && arn.endsWith(":table/" + ref.name())) {
                return ref;
            }
        } catch (IllegalArgumentException notAnArn) {
            // answered below
        }
        throw DynamoDbErrors.validation("Invalid TableArn: Invalid ResourceArn provided as input " + arn);
    }

    /**
     * ExportTime: now when absent. A time after now, or before the recovery window, is AWS's
     * InvalidExportTimeException; a time inside the window but before now is refused too, because the engine
     * keeps only each item's current state and cannot rebuild an older one.
     */
    private static Instant exportTime(Input input, Instant earliest, Instant now) {
        JsonNode value = input.node().get("ExportTime");
        if (value == null || value.isNull()) {
            return now;
        }
        Instant asked = epochSeconds(value);
        if (asked.isAfter(now.plus(NOW_TOLERANCE))) {
            throw invalidExportTime("ExportTime " + asked + " is in the future: the stack clock says " + now);
        }
        if (asked.isBefore(earliest)) {
            throw invalidExportTime("ExportTime " + asked + " is before the point in time recovery window, which "
                    + "starts at " + earliest);
        }
        if (asked.isBefore(now.minus(NOW_TOLERANCE))) {
            throw invalidExportTime("SimStack's engine exports a table as it is now and cannot rebuild it as of "
                    + asked + "; leave ExportTime out or pass the stack clock's now (" + now + ")");
        }
        return now;
    }

    private static Instant epochSeconds(JsonNode value) {
        BigDecimal seconds = value.decimalValue();
        return Instant.ofEpochMilli(seconds.movePointRight(3).longValue());
    }

    private static AwsException invalidExportTime(String message) {
        return new AwsException("InvalidExportTimeException", 400, message);
    }

    private JsonNode describe(DecodedCall call, Input input) {
        required(input, "ExportArn", "exportArn");
        ExportJob job = exports.find(input.string("ExportArn"));
        if (job == null) {
            throw new AwsException("ExportNotFoundException", 400, "Export not found: " + input.string("ExportArn"));
        }
        return output("ExportDescription", job.describe(false));
    }

    private JsonNode list(DecodedCall call, Input input) {
        Integer max = Requests.bounded(input, "MaxResults", "maxResults", 1, 25);
        String tableArn = input.string("TableArn");
        TransferJobs.Page<ExportJob> page = exports.page(job -> job.region().equals(call.region())
                && (tableArn == null || job.tableArn().equals(tableArn)), input.string("NextToken"),
                max == null ? 25 : max, DynamoDbErrors.validation("Invalid NextToken: " + input.string("NextToken")));
        ObjectNode output = NODES.objectNode();
        ArrayNode summaries = output.putArray("ExportSummaries");
        page.jobs().forEach(job -> summaries.add(job.summary()));
        if (page.next() != null) {
            output.put("NextToken", page.next());
        }
        return output;
    }

    static void required(Input input, String parameter, String member) {
        if (input.string(parameter) == null) {
            throw DynamoDbErrors.constraint("null", member, "Member must not be null");
        }
    }

    static AwsException unsupported(String option, String fix) {
        return DynamoDbErrors.validation("SimStack's engine does not support " + option + "; " + fix
                + " (see docs/compatibility.md).");
    }

    private static ObjectNode output(String member, ObjectNode value) {
        ObjectNode output = NODES.objectNode();
        output.set(member, value);
        return output;
    }
}
