package dev.simstack.junit.internal.backend;

import dev.simstack.core.QueueSpec;
import dev.simstack.junit.internal.SdkClients;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/**
 * Creates declared queues through SQS's API: dead-letter queues before the queues that redrive to them (the
 * redrive policy names the dead-letter queue's ARN), every queue tagged with the run.
 */
final class RemoteQueues {

    private RemoteQueues() {
    }

    static void create(List<QueueSpec> specs, RemoteTarget target, SdkClients clients, RemoteResources resources) {
        Map<String, String> arns = new HashMap<>();
        List<QueueSpec> pending = new ArrayList<>(specs);
        while (!pending.isEmpty()) {
            QueueSpec next = pending.stream().filter(q -> q.deadLetterQueue() == null
                    || arns.containsKey(key(target.regionOf(q.region()), q.deadLetterQueue()))).findFirst()
                    .orElseThrow(() -> new IllegalStateException("the redrive policies of " + pending
                            + " name queues that are not declared or form a cycle"));
            pending.remove(next);
            String region = target.regionOf(next.region());
            arns.put(key(region, next.name()), create(next, region, arns, target, clients, resources));
        }
    }

    private static String create(QueueSpec spec, String region, Map<String, String> arns, RemoteTarget target,
            SdkClients clients, RemoteResources resources) {
        SqsClient sqs = (SqsClient) clients.client(SqsClient.class, region);
        Map<String, String> attributes = new LinkedHashMap<>(spec.attributes());
        if (spec.deadLetterQueue() != null) {
            attributes.put(QueueAttributeName.REDRIVE_POLICY.toString(), "{\"deadLetterTargetArn\":\""
                    + arns.get(key(region, spec.deadLetterQueue())) + "\",\"maxReceiveCount\":\""
                    + spec.maxReceiveCount() + "\"}");
        }
        Map<String, String> tags = new LinkedHashMap<>(spec.tags());
        tags.put(RemoteStack.RUN_TAG, target.runId());
        String name = target.name(spec.name());
        String url = sqs.createQueue(b -> b.queueName(name).attributesWithStrings(attributes).tags(tags)).queueUrl();
        resources.created("queue", name, region, () -> sqs.deleteQueue(b -> b.queueUrl(url)));
        resources.queueUrl(region, spec.name(), url);
        String arn = sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.QUEUE_ARN))
                .attributes().get(QueueAttributeName.QUEUE_ARN);
        resources.queueArn(region, spec.name(), arn);
        return arn;
    }

    private static String key(String region, String name) {
        return region + "/" + name;
    }
}
