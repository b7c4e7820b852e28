package dev.simstack.core;

import dev.simstack.core.internal.stack.Engine;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.function.Supplier;

/**
 * Takes handles on a stack's resources: checks that the resource exists, and says what exists and how to
 * declare it when it does not. The handles themselves read through the same engine, by name, each time.
 */
final class ResourceHandles {

    /** The kinds of resources a stack hands out handles for, with the words the messages use for them. */
    enum Kind {
        QUEUE("SQS queue", "queues", "queue", "StackConfig.withQueue(QueueSpec.named(\"%s\")%s)"),
        TABLE("DynamoDB table", "tables", "table",
                "StackConfig.withTable(TableSpec.named(\"%s\").withPartitionKey(\"id\")%s)"),
        BUCKET("S3 bucket", "buckets", "bucket", "StackConfig.withBucket(BucketSpec.named(\"%s\")%s)"),
        FUNCTION("Lambda function", "functions", "function",
                "StackConfig.withFunction(FunctionSpec.named(\"%s\", YourHandler.class)%s)"),
        API("API Gateway API", "APIs", "api", "StackConfig.withApi(ApiSpec.rest(\"%s\")%s)");

        private final String noun;
        private final String plural;
        private final String method;
        private final String declaration;

        Kind(String noun, String plural, String method, String declaration) {
            this.noun = noun;
            this.plural = plural;
            this.method = method;
            this.declaration = declaration;
        }
    }

    private final Engine engine;

    ResourceHandles(Engine engine) {
        this.engine = engine;
    }

    QueueHandle queue(String region, String name) {
        check(Kind.QUEUE, region, name, engine.sqs().hasQueue(region, name), engine.sqs()::queueNames);
        return new QueueHandle(engine, ResourceRef.queue(region, engine.config().accountId(), name));
    }

    TableHandle table(String region, String name) {
        check(Kind.TABLE, region, name, engine.dynamodb().view(region, name) != null,
                engine.dynamodb()::tableNames);
        return new TableHandle(engine, ResourceRef.table(region, engine.config().accountId(), name));
    }

    BucketHandle bucket(String region, String name) {
        var bucket = engine.s3().view(name);
        check(Kind.BUCKET, region, name, bucket != null && bucket.region().equals(region), engine.s3()::bucketNames);
        return new BucketHandle(engine, ResourceRef.bucket(region, engine.config().accountId(), name));
    }

    FunctionHandle function(String region, String name) {
        check(Kind.FUNCTION, region, name, engine.lambda().hasFunction(region, name), engine.lambda()::functionNames);
        return new FunctionHandle(engine, ResourceRef.function(region, engine.config().accountId(), name));
    }

    ApiHandle api(String region, String name) {
        List<String> ids = engine.apiGateway().apiIds(region, name);
        check(Kind.API, region, name, !ids.isEmpty(), engine.apiGateway()::apiNames);
        if (ids.size() > 1) {
            throw new IllegalArgumentException(ApiHandle.ambiguous(region, name, ids));
        }
        return new ApiHandle(engine, region, name);
    }

    private void check(Kind kind, String region, String name, boolean exists,
            Supplier<SortedMap<String, List<String>>> names) {
        if (!exists) {
            throw new IllegalArgumentException(unknown(kind, region, name, names.get()));
        }
    }

    /**
     * E.g. {@code there is no SQS queue named 'ordres' in us-east-1; queues there: orders, orders-dlq. Declare
     * it with StackConfig.withQueue(QueueSpec.named("ordres")), or create it before taking its handle.}
     */
    private String unknown(Kind kind, String region, String name, SortedMap<String, List<String>> names) {
        List<String> here = names.getOrDefault(region, List.of());
        String message = "there is no " + kind.noun + " named '" + name + "' in " + region + "; " + kind.plural
                + " there: " + (here.isEmpty() ? "none" : String.join(", ", here)) + ". ";
        List<String> elsewhere = names.entrySet().stream().filter(entry -> entry.getValue().contains(name))
                .map(Map.Entry::getKey).toList();
        if (!elsewhere.isEmpty()) {
            return message + "There is one in " + String.join(", ", elsewhere) + ": take it with stack." + kind.method
                    + "(\"" + elsewhere.get(0) + "\", \"" + name + "\").";
        }
        String inRegion = region.equals(engine.config().defaultRegion()) ? "" : ".inRegion(\"" + region + "\")";
        return message + "Declare it with " + String.format(kind.declaration, name, inRegion)
                + ", or create it before taking its handle.";
    }

    /** What a handle's read says when its resource is gone. */
    static IllegalStateException deleted(Kind kind, String region, String name) {
        return new IllegalStateException("the " + kind.noun + " '" + name + "' in " + region + " no longer exists:"
                + " it was deleted (or the stack reset without it) after this handle was taken; the handle reads it"
                + " again once it is created again");
    }
}
