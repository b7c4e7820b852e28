package dev.simstack.core.internal.stack;

import dev.simstack.core.ApiSpec;
import dev.simstack.core.AppliedResources.Outcome;
import dev.simstack.core.AppliedResources.Resource;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.StackConfig;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The resources a stack's configuration declares (queues, functions, APIs), created at start and again
 * after a reset. One that exists is kept: a function or API loaded from a data directory stands for its
 * declaration (its id stays the same), and a reset of one service leaves the others' resources alone.
 */
final class ConfiguredResources {

    private ConfiguredResources() {
    }

    /** Creates what is missing; answers every declared resource, created or kept. */
    static List<Resource> declare(Engine engine) {
        List<Resource> declared = new ArrayList<>(queues(engine));
        StackConfig config = engine.config();
        String region = config.defaultRegion();
        for (FunctionSpec function : config.functions()) {
            boolean existed = engine.lambda().hasFunction(region, function.name());
            if (!existed) {
                engine.lambda().declareFunction(region, function);
            }
            declared.add(new Resource(function.name(), "AWS::Lambda::Function", region, function.name(),
                    existed ? Outcome.EXISTED : Outcome.CREATED));
        }
        for (ApiSpec api : config.apis()) {
            String existing = engine.apiGateway().apiId(region, api.name());
            if (existing == null) {
                engine.apiGateway().declareApi(region, api);
            }
            declared.add(new Resource(api.name(), "AWS::ApiGateway::RestApi", region,
                    engine.apiGateway().apiId(region, api.name()), existing != null ? Outcome.EXISTED
                            : Outcome.CREATED));
        }
        return declared;
    }

    private static List<Resource> queues(Engine engine) {
        StackConfig config = engine.config();
        List<Resource> declared = new ArrayList<>();
        for (QueueSpec queue : config.queues()) {
            String region = queue.region() != null ? queue.region() : config.defaultRegion();
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
}
