package dev.simstack.core.internal.resources;

import dev.simstack.core.ApiSpec;
import dev.simstack.core.AppliedResources.Outcome;
import dev.simstack.core.AppliedResources.Resource;
import dev.simstack.core.BucketSpec;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.StackConfig;
import dev.simstack.core.TableSpec;
import dev.simstack.core.internal.stack.Engine;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resources a stack's configuration declares, created at start and again after every reset in the
 * order their dependencies need, whatever the order they were declared in: tables (and their replicas),
 * buckets, queues (dead-letter queues first), functions, their SQS event source mappings, APIs (which
 * integrate queues and functions), bucket notifications (which go to queues and functions), and last the
 * resource files, which may refer to any of them. Each is created through its service's typed call, with
 * that service's rules and errors. One that exists is kept: a resource loaded from a data directory stands
 * for its declaration, and a reset of one service leaves the others' resources alone.
 */
public final class DeclaredResources {

    private DeclaredResources() {
    }

    /** Creates what is missing; answers every declared resource, created or kept. */
    public static List<Resource> create(Engine engine) {
        StackConfig config = engine.config();
        DeclaredRegions regions = DeclaredRegions.check(config);
        List<Resource> declared = new ArrayList<>();
        for (TableSpec table : config.tables()) {
            declared.addAll(DeclaredTables.create(engine.dynamodb(), table, regions.of(table)));
        }
        List<BucketSpec> created = new ArrayList<>();
        for (BucketSpec bucket : config.buckets()) {
            Resource resource = DeclaredBuckets.create(engine, bucket, regions.of(bucket));
            declared.add(resource);
            if (resource.outcome() == Outcome.CREATED) {
                created.add(bucket);
            }
        }
        declared.addAll(queues(engine, regions));
        for (FunctionSpec function : config.functions()) {
            declared.add(function(engine, function, regions.of(function)));
        }
        for (FunctionSpec function : config.functions()) {
            declared.addAll(DeclaredEventSources.create(engine, function, regions.of(function)));
        }
        for (ApiSpec api : config.apis()) {
            declared.add(api(engine, api, regions.of(api)));
        }
        for (BucketSpec bucket : created) {
            DeclaredBuckets.notifications(engine, bucket, regions.of(bucket));
        }
        for (Path file : config.resourceFiles()) {
            declared.addAll(ResourceFiles.apply(engine, file).resources());
        }
        return declared;
    }

    private static List<Resource> queues(Engine engine, DeclaredRegions regions) {
        StackConfig config = engine.config();
        List<Resource> declared = new ArrayList<>();
        for (QueueSpec queue : DeadLetterOrder.sort(config.queues(), regions)) {
            String region = regions.of(queue);
            Map<String, String> attributes = new LinkedHashMap<>(queue.attributes());
            if (queue.deadLetterQueue() != null) {
                String dlqArn = ResourceRef.queue(region, config.accountId(), queue.deadLetterQueue()).arn();
                attributes.put("RedrivePolicy", "{\"deadLetterTargetArn\":\"" + dlqArn + "\",\"maxReceiveCount\":"
                        + queue.maxReceiveCount() + "}");
            }
            boolean existed = engine.sqs().hasQueue(region, queue.name());
            String url = engine.sqs().declareQueue(region, queue.name(), attributes, queue.tags(),
                    engine.hostAndPort());
            declared.add(new Resource(queue.name(), "AWS::SQS::Queue", region, url,
                    existed ? Outcome.EXISTED : Outcome.CREATED));
        }
        return declared;
    }

    private static Resource function(Engine engine, FunctionSpec function, String region) {
        boolean existed = engine.lambda().hasFunction(region, function.name());
        if (!existed) {
            engine.lambda().declareFunction(region, function);
        }
        return new Resource(function.name(), "AWS::Lambda::Function", region, function.name(),
                existed ? Outcome.EXISTED : Outcome.CREATED);
    }

    private static Resource api(Engine engine, ApiSpec api, String region) {
        String existing = engine.apiGateway().apiId(region, api.name());
        String id = existing != null ? existing : engine.apiGateway().declareApi(region, api);
        return new Resource(api.name(), "AWS::ApiGateway::RestApi", region, id,
                existing != null ? Outcome.EXISTED : Outcome.CREATED);
    }
}
