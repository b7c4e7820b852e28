package dev.simstack.core.internal.services.dynamodb;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.services.dynamodb.table.Table;
import dev.simstack.core.internal.services.dynamodb.table.TableSettings;
import java.time.Duration;
import java.time.Instant;

/**
 * UpdateContinuousBackups and DescribeContinuousBackups: point-in-time recovery as a setting with its
 * window on the stack clock. No history is kept (the engine holds each item's current state only), so the
 * window only decides which export times {@link TableExports} accepts; RestoreTableToPointInTime is not served.
 */
final class ContinuousBackups {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    /** AWS's longest (and default) recovery period. */
    static final int MAX_RECOVERY_DAYS = 35;

    private final StackContext context;
    private final Tables tables;

    ContinuousBackups(StackContext context, Tables tables) {
        this.context = context;
        this.tables = tables;
    }

    void register(OperationTable<DynamoDbOperation> operations) {
        operations.put("UpdateContinuousBackups", this::update);
        operations.put("DescribeContinuousBackups", this::describe);
    }

    private JsonNode update(DecodedCall call, Input input) {
        Requests.TableRef ref = Requests.table(call, input);
        if (!input.has("PointInTimeRecoverySpecification")) {
            throw DynamoDbErrors.constraint("null", "pointInTimeRecoverySpecification", "Member must not be null");
        }
        Input specification = input.object("PointInTimeRecoverySpecification");
        Boolean enabled = specification.bool("PointInTimeRecoveryEnabled");
        if (enabled == null) {
            throw DynamoDbErrors.constraint("null", "pointInTimeRecoverySpecification.pointInTimeRecoveryEnabled",
                    "Member must not be null");
        }
        Integer days = Requests.bounded(specification, "RecoveryPeriodInDays",
                "pointInTimeRecoverySpecification.recoveryPeriodInDays", 1, MAX_RECOVERY_DAYS);
        TableSettings settings = table(ref).settings();
        if (enabled) {
            Instant since = settings.pointInTimeRecoverySince();
            // enabling again keeps the window already recorded; only the period changes
            settings.pointInTimeRecovery(since != null ? since : context.clock().now(),
                    days != null ? days : MAX_RECOVERY_DAYS);
        } else if (days != null) {
            throw DynamoDbErrors.validation("RecoveryPeriodInDays can only be set when PointInTimeRecoveryEnabled "
                    + "is true");
        } else {
            settings.pointInTimeRecovery(null, MAX_RECOVERY_DAYS);
        }
        ObjectNode output = NODES.objectNode();
        output.set("ContinuousBackupsDescription", description(settings));
        return output;
    }

    private JsonNode describe(DecodedCall call, Input input) {
        ObjectNode output = NODES.objectNode();
        output.set("ContinuousBackupsDescription", description(table(Requests.table(call, input)).settings()));
        return output;
    }

    private ObjectNode description(TableSettings settings) {
        ObjectNode description = NODES.objectNode().put("ContinuousBackupsStatus", "ENABLED");
        ObjectNode recovery = description.putObject("PointInTimeRecoveryDescription");
        Instant since = settings.pointInTimeRecoverySince();
        if (since == null) {
            recovery.put("PointInTimeRecoveryStatus", "DISABLED");
            return description;
        }
        Instant now = context.clock().now();
        recovery.put("PointInTimeRecoveryStatus", "ENABLED")
                .put("RecoveryPeriodInDays", settings.recoveryPeriodDays())
                .put("EarliestRestorableDateTime", TableDescriptions.epochSeconds(earliest(settings, now)))
                .put("LatestRestorableDateTime", TableDescriptions.epochSeconds(now));
        return description;
    }

    /** The start of the recovery window now, or null while point-in-time recovery is disabled. */
    static Instant earliest(TableSettings settings, Instant now) {
        Instant since = settings.pointInTimeRecoverySince();
        if (since == null) {
            return null;
        }
        Instant windowStart = now.minus(Duration.ofDays(settings.recoveryPeriodDays()));
        return since.isAfter(windowStart) ? since : windowStart;
    }

    /** The table, or AWS's TableNotFoundException (the backup operations' not-found error, not ResourceNotFound). */
    private Table table(Requests.TableRef ref) {
        Table table = tables.find(ref.region(), ref.name());
        if (table == null) {
            throw tableNotFound(ref.name());
        }
        return table;
    }

    static AwsException tableNotFound(String name) {
        return new AwsException("TableNotFoundException", 400, "Table not found: " + name);
    }
}
