package dev.simstack.core.internal.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.ApiSpec;
import dev.simstack.core.AppliedResources.Outcome;
import dev.simstack.core.internal.stack.Engine;
import dev.simstack.core.internal.resources.LocalCalls.CallFailedException;
import java.util.List;
import java.util.Map;

/**
 * Creates one resource of each kind through the AWS API call that creates it, and answers what a
 * {@code Ref} to it returns. A resource that already exists (persisted state, a second file) is kept as
 * it is: applying a file twice is harmless.
 */
final class Creator {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;

    /** A created or existing resource: its physical id and whether this call made it. */
    record Made(String physicalId, Outcome outcome) {
    }

    private final Engine engine;
    private final LocalCalls calls;

    Creator(Engine engine) {
        this.engine = engine;
        this.calls = new LocalCalls(engine);
    }

    String accountId() {
        return engine.config().accountId();
    }

    String defaultRegion() {
        return engine.config().defaultRegion();
    }

    List<String> regions() {
        return engine.config().regions();
    }

    /** CreateQueue (idempotent in SQS itself for equal attributes); the queue's URL. */
    Made queue(String region, ObjectNode createQueue) {
        String name = createQueue.path("QueueName").asText();
        boolean existed = exists(() -> calls.json("sqs", "AmazonSQS", "GetQueueUrl", region,
                NODES.objectNode().put("QueueName", name)));
        try {
            JsonNode out = calls.json("sqs", "AmazonSQS", "CreateQueue", region, createQueue);
            return new Made(out.path("QueueUrl").asText(), existed ? Outcome.EXISTED : Outcome.CREATED);
        } catch (CallFailedException e) {
            if (existed && (e.code().equals("QueueAlreadyExists") || e.code().equals("QueueNameExists"))) {
                // Same name, other attributes: keep the queue as it is, as a restart over saved state must.
                JsonNode out = calls.json("sqs", "AmazonSQS", "GetQueueUrl", region,
                        NODES.objectNode().put("QueueName", name));
                return new Made(out.path("QueueUrl").asText(), Outcome.EXISTED);
            }
            throw e;
        }
    }

    void queueAttributes(String region, String queueUrl, Map<String, String> attributes) {
        ObjectNode input = NODES.objectNode().put("QueueUrl", queueUrl);
        ObjectNode values = input.putObject("Attributes");
        attributes.forEach(values::put);
        calls.json("sqs", "AmazonSQS", "SetQueueAttributes", region, input);
    }

    /** CreateTable, then UpdateTimeToLive when {@code timeToLive} is given; the table's name. */
    Made table(String region, ObjectNode createTable, JsonNode timeToLive) {
        String name = createTable.path("TableName").asText();
        try {
            calls.json("dynamodb", "DynamoDB_20120810", "CreateTable", region, createTable);
        } catch (CallFailedException e) {
            if (e.code().equals("ResourceInUseException")) {
                return new Made(name, Outcome.EXISTED);
            }
            throw e;
        }
        if (timeToLive != null && !timeToLive.isMissingNode() && timeToLive.path("Enabled").asBoolean(true)) {
            ObjectNode ttl = NODES.objectNode().put("TableName", name);
            ttl.putObject("TimeToLiveSpecification").put("AttributeName", timeToLive.path("AttributeName").asText())
                    .put("Enabled", true);
            calls.json("dynamodb", "DynamoDB_20120810", "UpdateTimeToLive", region, ttl);
        }
        return new Made(name, Outcome.CREATED);
    }

    /**
     * UpdateTable's ReplicaUpdates Create for each of {@code replicaRegions} the table of {@code region} has no
     * replica in yet; answers whether each region's replica was created or existed.
     */
    Map<String, Outcome> replicas(String region, String table, List<String> replicaRegions) {
        var dynamodb = engine.dynamodb();
        java.util.Set<String> present = dynamodb.replicaRegions(region, table);
        Map<String, Outcome> outcomes = new java.util.LinkedHashMap<>();
        for (String replica : replicaRegions) {
            if (!present.contains(replica)) {
                dynamodb.createReplica(region, table, replica);
            }
            outcomes.put(replica, present.contains(replica) ? Outcome.EXISTED : Outcome.CREATED);
        }
        return outcomes;
    }

    /** CreateBucket in {@code region}, then versioning, tags and policy when given; the bucket's name. */
    Made bucket(String region, String name, String versioning, Map<String, String> tags, String policy) {
        String configuration = region.equals("us-east-1") ? null
                : "<CreateBucketConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><LocationConstraint>"
                        + region + "</LocationConstraint></CreateBucketConfiguration>";
        // In us-east-1, S3 answers CreateBucket of a bucket one owns with 200: ask first.
        if (exists(() -> calls.restXml("HEAD", "/" + name, Map.of(), region, null, "HeadBucket"))) {
            return new Made(name, Outcome.EXISTED);
        }
        try {
            calls.restXml("PUT", "/" + name, Map.of(), region, configuration, "CreateBucket");
        } catch (CallFailedException e) {
            if (e.code().equals("BucketAlreadyOwnedByYou")) {
                return new Made(name, Outcome.EXISTED);
            }
            throw e;
        }
        if (versioning != null) {
            calls.restXml("PUT", "/" + name, Map.of("versioning", List.of("")), region,
                    "<VersioningConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\"><Status>"
                            + xml(versioning) + "</Status></VersioningConfiguration>", "PutBucketVersioning");
        }
        if (!tags.isEmpty()) {
            StringBuilder xml = new StringBuilder("<Tagging xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">"
                    + "<TagSet>");
            tags.forEach((key, value) -> xml.append("<Tag><Key>").append(xml(key)).append("</Key><Value>")
                    .append(xml(value)).append("</Value></Tag>"));
            calls.restXml("PUT", "/" + name, Map.of("tagging", List.of("")), region,
                    xml.append("</TagSet></Tagging>").toString(), "PutBucketTagging");
        }
        if (policy != null) {
            bucketPolicy(region, name, policy);
        }
        return new Made(name, Outcome.CREATED);
    }

    void bucketPolicy(String region, String bucket, String policy) {
        calls.restXml("PUT", "/" + bucket, Map.of("policy", List.of("")), region, policy, "PutBucketPolicy");
    }

    /** The table's latest stream ARN, or null when it has no stream. */
    String tableStreamArn(String region, String table) {
        JsonNode out = calls.json("dynamodb", "DynamoDB_20120810", "DescribeTable", region,
                NODES.objectNode().put("TableName", table));
        JsonNode arn = out.path("Table").path("LatestStreamArn");
        return arn.isTextual() ? arn.textValue() : null;
    }

    /**
     * PutBucketNotificationConfiguration from CloudFormation's NotificationConfiguration property
     * (QueueConfigurations and LambdaConfigurations with their S3Key filter rules).
     */
    void bucketNotifications(String region, String bucket, JsonNode configuration) {
        StringBuilder xml = new StringBuilder("<NotificationConfiguration xmlns=\"http://s3.amazonaws.com/doc/2006-03-01/\">");
        for (JsonNode queue : configuration.path("QueueConfigurations")) {
            target(xml, "QueueConfiguration", "Queue", queue.path("Queue").asText(), queue);
        }
        for (JsonNode function : configuration.path("LambdaConfigurations")) {
            target(xml, "CloudFunctionConfiguration", "CloudFunction", function.path("Function").asText(), function);
        }
        for (String unsupported : List.of("TopicConfigurations", "EventBridgeConfiguration")) {
            if (configuration.has(unsupported)) {
                throw new ResourceFileException("NotificationConfiguration." + unsupported + " is not supported "
                        + "(SimStack has no SNS or EventBridge)");
            }
        }
        calls.restXml("PUT", "/" + bucket, Map.of("notification", List.of("")), region,
                xml.append("</NotificationConfiguration>").toString(), "PutBucketNotificationConfiguration");
    }

    private static void target(StringBuilder xml, String element, String arnElement, String arn, JsonNode config) {
        xml.append('<').append(element).append("><").append(arnElement).append('>').append(xml(arn))
                .append("</").append(arnElement).append("><Event>").append(xml(config.path("Event").asText()))
                .append("</Event>");
        JsonNode rules = config.path("Filter").path("S3Key").path("Rules");
        if (rules.size() > 0) {
            xml.append("<Filter><S3Key>");
            for (JsonNode rule : rules) {
                xml.append("<FilterRule><Name>").append(xml(rule.path("Name").asText())).append("</Name><Value>")
                        .append(xml(rule.path("Value").asText())).append("</Value></FilterRule>");
            }
            xml.append("</S3Key></Filter>");
        }
        xml.append("</").append(element).append('>');
    }

    /** CreateFunction, then PutFunctionConcurrency when {@code reserved} is given; the function's name. */
    Made function(String region, ObjectNode createFunction, Integer reserved) {
        String name = createFunction.path("FunctionName").asText();
        try {
            calls.restJson("lambda", "POST", "/2015-03-31/functions", region, createFunction, "CreateFunction");
        } catch (CallFailedException e) {
            if (e.code().equals("ResourceConflictException")) {
                return new Made(name, Outcome.EXISTED);
            }
            throw e;
        }
        if (reserved != null) {
            calls.restJson("lambda", "PUT", "/2017-10-31/functions/" + name + "/concurrency", region,
                    NODES.objectNode().put("ReservedConcurrentExecutions", reserved), "PutFunctionConcurrency");
        }
        return new Made(name, Outcome.CREATED);
    }

    /**
     * UpdateFunctionConfiguration with the members of {@code createFunction} it takes, then UpdateFunctionCode when
     * the request names a package: a function updated in place, as CloudFormation updates one.
     */
    void updateFunction(String region, ObjectNode createFunction) {
        ObjectNode configuration = createFunction.deepCopy();
        String name = configuration.remove("FunctionName").asText();
        JsonNode code = configuration.remove("Code");
        calls.restJson("lambda", "PUT", "/2015-03-31/functions/" + name + "/configuration", region, configuration,
                "UpdateFunctionConfiguration");
        if (code != null) {
            calls.restJson("lambda", "PUT", "/2015-03-31/functions/" + name + "/code", region, code,
                    "UpdateFunctionCode");
        }
    }

    /** CreateEventSourceMapping; its UUID. */
    Made mapping(String region, ObjectNode createMapping) {
        try {
            JsonNode out = calls.restJson("lambda", "POST", "/2015-03-31/event-source-mappings", region,
                    createMapping, "CreateEventSourceMapping");
            return new Made(out.path("UUID").asText(), Outcome.CREATED);
        } catch (CallFailedException e) {
            String message = e.getMessage();
            int uuid = message.lastIndexOf("UUID ");
            if (e.code().equals("ResourceConflictException") && uuid >= 0) {
                return new Made(message.substring(uuid + 5).trim(), Outcome.EXISTED);
            }
            throw e;
        }
    }

    /** Declares an API (REST or HTTP) with its routes; its id. */
    Made api(String region, ApiSpec spec) {
        String existing = engine.apiGateway().apiId(region, spec.name());
        if (existing != null) {
            return new Made(existing, Outcome.EXISTED);
        }
        return new Made(engine.apiGateway().declareApi(region, spec), Outcome.CREATED);
    }

    /** The apigatewayv2 resources of a template, made through this stack's calls. */
    HttpApiResources httpApis() {
        return new HttpApiResources(calls);
    }

    /** A CloudFormation stack's API: the one the stack holds already ({@code heldId}), else a new one. */
    Made stackApi(String region, ApiSpec spec, String heldId) {
        if (heldId != null && engine.apiGateway().apiIds(region, spec.name()).contains(heldId)) {
            return new Made(heldId, Outcome.EXISTED);
        }
        return new Made(engine.apiGateway().createApi(region, spec), Outcome.CREATED);
    }

    /** The endpoint base of the stack, e.g. {@code http://127.0.0.1:4566}. */
    String endpoint() {
        return "http://" + engine.hostAndPort();
    }

    private boolean exists(Runnable probe) {
        try {
            probe.run();
            return true;
        } catch (CallFailedException e) {
            return false;
        }
    }

    private static String xml(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }
}
