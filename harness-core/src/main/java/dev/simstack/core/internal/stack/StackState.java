package dev.simstack.core.internal.stack;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.internal.persist.LoadedSnapshot;
import dev.simstack.core.internal.persist.PendingSnapshot;
import dev.simstack.core.internal.persist.SnapshotDirectory;
import dev.simstack.core.internal.persist.SnapshotException;
import dev.simstack.core.internal.stack.Engine;
import dev.simstack.core.internal.services.apigateway.ApiGatewaySnapshots;
import dev.simstack.core.internal.services.cloudformation.CloudFormationService;
import dev.simstack.core.internal.services.cloudformation.CloudFormationSnapshots;
import dev.simstack.core.internal.services.dynamodb.DynamoDbSnapshots;
import dev.simstack.core.internal.services.iam.IamService;
import dev.simstack.core.internal.services.iam.IamSnapshots;
import dev.simstack.core.internal.services.lambda.LambdaSnapshots;
import dev.simstack.core.internal.services.s3.S3Snapshots;
import dev.simstack.core.internal.services.sqs.SqsSnapshots;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A whole stack's state in a snapshot: {@code stack.json} (seed, clock, ids minted), then one document per
 * service. Each service exports under its own locks; the snapshot is consistent per resource (queue,
 * table, bucket), not one instant across resources.
 */
public final class StackState {

    /**
     * Ids a reloaded stack skips past the snapshot's count: ids minted after the snapshot was taken were
     * seen by clients even though their state was lost, so they must not be minted again.
     */
    static final long ID_HEADROOM = 1L << 40;

    private StackState() {
    }

    /** What a save wrote or a load found. */
    public record Summary(long sequence, Path directory, Map<String, String> counts, long blobBytesWritten) {
        @Override
        public String toString() {
            StringBuilder text = new StringBuilder();
            counts.forEach((name, count) -> text.append(text.length() == 0 ? "" : ", ").append(count).append(' ')
                    .append(name));
            return text.toString();
        }
    }

    public static Summary save(Engine engine, SnapshotDirectory directory) {
        PendingSnapshot pending = directory.begin();
        try {
            ObjectNode stack = JsonNodeFactory.instance.objectNode();
            stack.put("seed", engine.context().random().seed());
            stack.put("clockMillis", engine.context().clock().millis());
            stack.put("clockMode", engine.config().clock().mode().name());
            stack.put("idsIssued", engine.context().ids().issued());
            pending.write("stack.json", stack);
            ObjectNode sqs = SqsSnapshots.export(engine.sqs());
            pending.write("sqs.json", sqs);
            ObjectNode dynamodb = DynamoDbSnapshots.export(engine.dynamodb());
            pending.write("dynamodb.json", dynamodb);
            ObjectNode s3 = S3Snapshots.export(engine.s3(), pending);
            pending.write("s3.json", s3);
            ObjectNode lambda = LambdaSnapshots.export(engine.lambda(), pending);
            pending.write("lambda.json", lambda);
            ObjectNode apiGateway = ApiGatewaySnapshots.export(engine.apiGateway());
            pending.write("apigateway.json", apiGateway);
            IamService iamService = engine.iamIfBuilt();
            ObjectNode iam = iamService == null ? JsonNodeFactory.instance.objectNode() : IamSnapshots.export(iamService);
            pending.write("iam.json", iam);
            CloudFormationService cloudFormation = engine.cloudFormationIfBuilt();
            ObjectNode stacks = cloudFormation == null ? JsonNodeFactory.instance.objectNode()
                    : CloudFormationSnapshots.export(cloudFormation);
            pending.write("cloudformation.json", stacks);
            Path published = pending.commit();
            Map<String, String> counts = new LinkedHashMap<>();
            counts.put("queues", String.valueOf(sqs.path("queues").size()));
            counts.put("messages", String.valueOf(total(sqs.path("queues"), "messages", "messages")));
            counts.put("tables", String.valueOf(dynamodb.path("tables").size()));
            counts.put("items", String.valueOf(total(dynamodb.path("tables"), "items", null)));
            counts.put("buckets", String.valueOf(s3.path("buckets").size()));
            counts.put("object versions", String.valueOf(total(s3.path("buckets"), "versions", null)));
            counts.put("functions", String.valueOf(lambda.path("functions").size()));
            counts.put("APIs", String.valueOf(total(apiGateway.path("regions"), "apis", null)));
            if (iam.path("roles").size() + iam.path("users").size() + iam.path("policies").size() > 0) {
                counts.put("IAM roles", String.valueOf(iam.path("roles").size()));
                counts.put("IAM users", String.valueOf(iam.path("users").size()));
                counts.put("IAM policies", String.valueOf(iam.path("policies").size()));
            }
            long stackCount = total(stacks.path("regions"), "stacks", null);
            if (stackCount > 0) {
                counts.put("CloudFormation stacks", String.valueOf(stackCount));
            }
            return new Summary(pending.sequence(), published, counts, pending.blobBytesWritten());
        } catch (RuntimeException e) {
            pending.abandon();
            throw e;
        }
    }

    /** The sum of the sizes of {@code member} (then {@code inner}, if given) over {@code array}'s elements. */
    private static long total(JsonNode array, String member, String inner) {
        long total = 0;
        for (JsonNode element : array) {
            JsonNode value = element.path(member);
            total += (inner == null ? value : value.path(inner)).size();
        }
        return total;
    }

    /** The seed a verified snapshot's stack ran with. */
    public static long seed(LoadedSnapshot snapshot) {
        return snapshot.document("stack.json").path("seed").asLong();
    }

    /** The stack clock's instant when the snapshot was taken, epoch millis. */
    public static long clockMillis(LoadedSnapshot snapshot) {
        return snapshot.document("stack.json").path("clockMillis").asLong();
    }

    /** Loads a verified snapshot into a new engine whose services are still empty. */
    public static Summary load(Engine engine, LoadedSnapshot snapshot) {
        JsonNode stack = snapshot.document("stack.json");
        if (stack == null) {
            throw new SnapshotException("snapshot " + snapshot.directory() + " has no stack.json");
        }
        engine.context().ids().continueAfter(stack.path("idsIssued").asLong() + ID_HEADROOM);
        Map<String, String> counts = new LinkedHashMap<>();
        long[] sqs = SqsSnapshots.restore(engine.sqs(), document(snapshot, "sqs.json"));
        counts.put("queues", String.valueOf(sqs[0]));
        counts.put("messages", String.valueOf(sqs[1]));
        long[] dynamodb = DynamoDbSnapshots.restore(engine.dynamodb(), document(snapshot, "dynamodb.json"));
        counts.put("tables", String.valueOf(dynamodb[0]));
        counts.put("items", String.valueOf(dynamodb[1]));
        long[] s3 = S3Snapshots.restore(engine.s3(), document(snapshot, "s3.json"), snapshot);
        counts.put("buckets", String.valueOf(s3[0]));
        counts.put("object versions", String.valueOf(s3[1]));
        // After SQS: event source mappings start polling their queues at once.
        long[] lambda = LambdaSnapshots.restore(engine.lambda(), document(snapshot, "lambda.json"), snapshot);
        counts.put("functions", String.valueOf(lambda[0]));
        counts.put("event source mappings", String.valueOf(lambda[1]));
        long[] apis = ApiGatewaySnapshots.restore(engine.apiGateway(), document(snapshot, "apigateway.json"));
        counts.put("APIs", String.valueOf(apis[0]));
        counts.put("usage plans", String.valueOf(apis[1]));
        JsonNode iam = document(snapshot, "iam.json");
        if (IamSnapshots.holdsEntities(iam)) { // IAM is built only for a snapshot that holds its entities
            long[] loaded = IamSnapshots.restore(engine.iam(), iam);
            counts.put("IAM roles", String.valueOf(loaded[0]));
            counts.put("IAM users", String.valueOf(loaded[1]));
            counts.put("IAM policies", String.valueOf(loaded[2]));
        }
        JsonNode stacks = document(snapshot, "cloudformation.json");
        if (stacks.path("regions").size() > 0) { // CloudFormation is built only for a snapshot that holds stacks
            counts.put("CloudFormation stacks", String.valueOf(CloudFormationSnapshots.restore(engine.cloudFormation(),
                    stacks)));
        }
        return new Summary(snapshot.sequence(), snapshot.directory(), counts, 0);
    }

    private static JsonNode document(LoadedSnapshot snapshot, String name) {
        JsonNode document = snapshot.document(name);
        return document != null ? document : JsonNodeFactory.instance.objectNode();
    }
}
