package dev.simstack.core.internal.resources;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.simstack.core.ApiSpec;
import dev.simstack.core.AppliedResources;
import dev.simstack.core.AppliedResources.Outcome;
import dev.simstack.core.AppliedResources.Resource;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.SimRandom;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * A CloudFormation or SAM template, applied as CloudFormation would create its stack: resources in
 * dependency order, intrinsic functions resolved, generated names where a template gives none. The
 * resource types SimStack emulates are created through their services' API calls; IAM, permissions and
 * log groups are accepted and ignored; any other type is refused by name.
 */
final class TemplateFile {

    private static final JsonNodeFactory NODES = JsonNodeFactory.instance;
    private static final Set<String> IGNORED = Set.of("AWS::IAM::Role", "AWS::IAM::Policy", "AWS::IAM::ManagedPolicy",
            "AWS::IAM::InstanceProfile", "AWS::Lambda::Permission", "AWS::Logs::LogGroup");
    private static final Set<String> SUPPORTED = Set.of("AWS::SQS::Queue", "AWS::SQS::QueuePolicy",
            "AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable", "AWS::Serverless::SimpleTable", "AWS::S3::Bucket", "AWS::S3::BucketPolicy",
            "AWS::Lambda::Function", "AWS::Serverless::Function", "AWS::Lambda::EventSourceMapping",
            "AWS::Serverless::Api", "AWS::Serverless::HttpApi", "AWS::ApiGatewayV2::Api",
            "AWS::ApiGatewayV2::Integration", "AWS::ApiGatewayV2::Route", "AWS::ApiGatewayV2::Stage",
            "AWS::ApiGatewayV2::Deployment");
    private static final Map<String, String> QUEUE_ATTRIBUTES = queueAttributes();
    private static final Set<String> FUNCTION_IGNORED = Set.of("InlineCode", "Role", "Policies",
            "Tags", "Architectures", "Layers", "VpcConfig", "TracingConfig", "Tracing", "LoggingConfig",
            "AutoPublishAlias", "PackageType", "KmsKeyArn", "EphemeralStorage", "SnapStart", "Events");
    private static final String SAM_REST_API = "ServerlessRestApi";
    private static final String SAM_HTTP_API = "ServerlessHttpApi";

    private final String file;
    private final JsonNode root;
    private final Creator creator;
    private final SimRandom random;
    private final String stackName;
    private final String region;
    private final Map<String, String> parameters = new HashMap<>();
    private final Map<String, String> refs = new HashMap<>();
    private final Map<String, Map<String, String>> attributes = new HashMap<>();
    private final Map<String, ApiSpec> apis = new LinkedHashMap<>();
    private final List<Resource> applied = new ArrayList<>();
    private final Map<String, String> exports = new LinkedHashMap<>();
    private final Intrinsics intrinsics;
    private final TemplateConditions conditions;
    private final Deployment deployment;

    /**
     * What a CloudFormation stack adds to a resource file: the region and stack id, the parameter values given,
     * the physical ids of the resources it holds already (kept under their generated names), the exports other
     * stacks made ({@code Fn::ImportValue}), and a listener told of each resource.
     */
    record Deployment(String region, String stackId, Map<String, String> parameters, Map<String, String> existing,
            Set<String> inPlace, java.util.function.Function<String, String> imports, Progress progress) {

        /** Whether an existing resource's new definition is applied to it (an update without replacement). */
        boolean updates(String logicalId) {
            return inPlace.contains(logicalId);
        }
    }

    /** Told of each resource as it is created, as CloudFormation's stack events tell of it. */
    interface Progress {
        void started(String logicalId, String type);

        void created(Resource resource);

        void failed(String logicalId, String type, String reason);
    }

    TemplateFile(String file, JsonNode root, Creator creator, SimRandom random, String stackName) {
        this(file, root, creator, random, stackName, null);
    }

    TemplateFile(String file, JsonNode root, Creator creator, SimRandom random, String stackName,
            Deployment deployment) {
        this.file = file;
        this.root = root;
        this.creator = creator;
        this.random = random;
        this.stackName = stackName;
        this.deployment = deployment;
        this.region = deployment != null ? deployment.region() : creator.defaultRegion();
        this.intrinsics = new Intrinsics(new Intrinsics.Lookup() {
            @Override
            public String ref(String name) {
                return TemplateFile.this.ref(name);
            }

            @Override
            public String attribute(String logicalId, String attribute) {
                return TemplateFile.this.attribute(logicalId, attribute);
            }

            @Override
            public String importValue(String exportName) {
                return deployment == null ? null : deployment.imports().apply(exportName);
            }

            @Override
            public boolean condition(String name) {
                if (!root.path("Conditions").has(name)) {
                    throw new ResourceFileException("Template error: unresolved condition dependency " + name
                            + " in Fn::If");
                }
                return conditions.holds(name);
            }
        }, root.path("Mappings"));
        this.conditions = new TemplateConditions(root, intrinsics::resolve);
    }

    AppliedResources apply() {
        readParameters();
        java.util.Set<String> undefined = TemplateConditions.undefined(root);
        if (!undefined.isEmpty()) {
            throw new ResourceFileException(file + ": Template format error: Unresolved dependencies " + undefined
                    + ". Cannot reference resources in the Conditions block of the template");
        }
        Map<String, JsonNode> resources = resources();
        for (String logicalId : order(resources)) {
            JsonNode definition = resources.get(logicalId);
            String type = definition.path("Type").asText();
            if (isSamApi(type)) {
                create(logicalId, type, definition.path("Properties")); // declared below, with its routes
                continue;
            }
            int before = applied.size();
            started(logicalId, type);
            try {
                create(logicalId, type, definition.path("Properties"));
                reportCreated(before);
            } catch (ResourceFileException | LocalCalls.CallFailedException e) {
                if (deployment != null) {
                    deployment.progress().failed(logicalId, type, e.getMessage());
                }
                throw new ResourceFileException(file + ": resource " + logicalId + " (" + type + "): "
                        + e.getMessage(), e);
            }
        }
        for (Map.Entry<String, ApiSpec> api : apis.entrySet()) {
            String type = api.getValue().kind() == ApiSpec.Kind.REST ? "AWS::Serverless::Api"
                    : "AWS::Serverless::HttpApi";
            int before = applied.size();
            started(api.getKey(), type);
            Creator.Made made = deployment == null ? creator.api(region, api.getValue())
                    : creator.stackApi(region, api.getValue(), deployment.existing().get(api.getKey()));
            refs.put(api.getKey(), made.physicalId());
            applied.add(new Resource(api.getKey(), type, region, made.physicalId(), made.outcome()));
            reportCreated(before);
        }
        Map<String, String> outputs = new LinkedHashMap<>();
        root.path("Outputs").fields().forEachRemaining(output -> {
            if (!conditions.includes(output.getValue())) {
                return;
            }
            try {
                outputs.put(output.getKey(), intrinsics.text(output.getValue().path("Value"), "Output "
                        + output.getKey()));
                JsonNode export = output.getValue().path("Export").path("Name");
                if (!export.isMissingNode()) {
                    exports.put(output.getKey(), intrinsics.text(export, "Output " + output.getKey() + " Export"));
                }
            } catch (ResourceFileException e) {
                throw new ResourceFileException(file + ": output " + output.getKey() + ": " + e.getMessage(), e);
            }
        });
        return new AppliedResources(applied, outputs);
    }

    /** The export names of the outputs that have one, by output key, once {@link #apply()} has run. */
    Map<String, String> exports() {
        return exports;
    }

    private static boolean isSamApi(String type) {
        return type.equals("AWS::Serverless::Api") || type.equals("AWS::Serverless::HttpApi");
    }

    private void started(String logicalId, String type) {
        if (deployment != null) {
            deployment.progress().started(logicalId, type);
        }
    }

    private void reportCreated(int from) {
        if (deployment != null) {
            applied.subList(from, applied.size()).forEach(deployment.progress()::created);
        }
    }

    private void readParameters() {
        root.path("Parameters").fields().forEachRemaining(parameter -> {
            if (deployment != null && deployment.parameters().containsKey(parameter.getKey())) {
                parameters.put(parameter.getKey(), deployment.parameters().get(parameter.getKey()));
                return;
            }
            JsonNode fallback = parameter.getValue().get("Default");
            if (fallback == null) {
                throw new ResourceFileException(file + ": parameter " + parameter.getKey() + " has no Default; "
                        + "SimStack takes no parameter values, so every parameter needs one");
            }
            parameters.put(parameter.getKey(), fallback.isArray() ? String.join(",", texts(fallback))
                    : fallback.isNumber() ? fallback.decimalValue().stripTrailingZeros().toPlainString()
                    : fallback.asText());
        });
    }

    private static List<String> texts(JsonNode array) {
        List<String> texts = new ArrayList<>();
        array.forEach(element -> texts.add(element.asText()));
        return texts;
    }

    private Map<String, JsonNode> resources() {
        JsonNode section = root.path("Resources");
        if (!section.isObject() || section.isEmpty()) {
            throw new ResourceFileException(file + ": a template needs a Resources section with at least one "
                    + "resource");
        }
        JsonNode globals = root.path("Globals").path("Function");
        Map<String, JsonNode> resources = new LinkedHashMap<>();
        section.fields().forEachRemaining(entry -> {
            String type = entry.getValue().path("Type").asText();
            if (!SUPPORTED.contains(type) && !IGNORED.contains(type)) {
                throw new ResourceFileException(file + ": resource " + entry.getKey() + " has type " + type
                        + ", which SimStack does not emulate; it creates " + new java.util.TreeSet<>(SUPPORTED)
                        + " and ignores " + new java.util.TreeSet<>(IGNORED));
            }
            if (!conditions.includes(entry.getValue())) {
                return; // its condition is false: CloudFormation does not make it
            }
            JsonNode definition = entry.getValue();
            if (type.equals("AWS::Serverless::Function") && globals.isObject()) {
                ObjectNode merged = ((ObjectNode) definition).deepCopy();
                ObjectNode properties = merged.with("Properties");
                globals.fields().forEachRemaining(global -> {
                    JsonNode own = properties.get(global.getKey());
                    if (own == null) {
                        properties.set(global.getKey(), global.getValue());
                    } else if (own.isObject() && global.getValue().isObject()) {
                        ObjectNode combined = global.getValue().deepCopy();
                        combined.setAll((ObjectNode) own);
                        if (global.getValue().has("Variables") && own.has("Variables")) {
                            ObjectNode variables = global.getValue().get("Variables").deepCopy();
                            variables.setAll((ObjectNode) own.get("Variables"));
                            combined.set("Variables", variables);
                        }
                        properties.set(global.getKey(), combined);
                    }
                });
                definition = merged;
            }
            resources.put(entry.getKey(), definition);
        });
        return resources;
    }

    /** Logical ids in an order where each comes after what it refers to; template order otherwise. */
    private List<String> order(Map<String, JsonNode> resources) {
        Map<String, Set<String>> needs = new LinkedHashMap<>();
        resources.forEach((id, definition) -> {
            Set<String> dependencies = new LinkedHashSet<>(Intrinsics.references(definition.path("Properties")));
            JsonNode dependsOn = definition.path("DependsOn");
            if (dependsOn.isTextual()) {
                dependencies.add(dependsOn.textValue());
            }
            dependsOn.forEach(d -> dependencies.add(d.asText()));
            dependencies.retainAll(resources.keySet());
            dependencies.remove(id);
            // API resources are declared after every function, with the routes the functions' events give.
            dependencies.removeIf(d -> resources.get(d).path("Type").asText().startsWith("AWS::Serverless::")
                    && resources.get(d).path("Type").asText().endsWith("Api"));
            needs.put(id, dependencies);
        });
        List<String> order = new ArrayList<>();
        Set<String> done = new LinkedHashSet<>();
        while (order.size() < resources.size()) {
            boolean progressed = false;
            for (Map.Entry<String, Set<String>> entry : needs.entrySet()) {
                if (!done.contains(entry.getKey()) && done.containsAll(entry.getValue())) {
                    done.add(entry.getKey());
                    order.add(entry.getKey());
                    progressed = true;
                }
            }
            if (!progressed) {
                List<String> cycle = needs.keySet().stream().filter(id -> !done.contains(id)).toList();
                throw new ResourceFileException(file + ": circular dependency between " + cycle);
            }
        }
        return order;
    }

    private void create(String logicalId, String type, JsonNode rawProperties) {
        if (IGNORED.contains(type)) {
            refs.put(logicalId, logicalId);
            if (type.equals("AWS::IAM::Role")) {
                attributes.put(logicalId, Map.of("Arn", "arn:aws:iam::" + creator.accountId() + ":role/"
                        + logicalId, "RoleId", logicalId));
            }
            applied.add(new Resource(logicalId, type, region, null, Outcome.IGNORED));
            return;
        }
        if (type.equals("AWS::Serverless::Api") || type.equals("AWS::Serverless::HttpApi")) {
            JsonNode properties = intrinsics.resolve(rawProperties.isMissingNode() ? NODES.objectNode()
                    : rawProperties);
            boolean rest = type.equals("AWS::Serverless::Api");
            String stage = properties.path("StageName").asText(rest ? "" : "$default");
            if (stage.isEmpty()) {
                throw new ResourceFileException("StageName is required");
            }
            String name = properties.path("Name").asText(defaultApiName(logicalId));
            ApiSpec spec = (rest ? ApiSpec.rest(name) : ApiSpec.http(name)).withStage(stage);
            apis.merge(logicalId, stageThrottle(spec, properties), (old, fresh) -> withRoutes(fresh, old));
            return;
        }
        JsonNode events = NODES.objectNode();
        if (type.equals("AWS::Serverless::Function") && rawProperties.has("Events")) {
            ObjectNode withoutEvents = ((ObjectNode) rawProperties).deepCopy();
            events = withoutEvents.remove("Events");
            rawProperties = withoutEvents;
        }
        JsonNode properties = rawProperties.isMissingNode() ? NODES.objectNode() : intrinsics.resolve(rawProperties);
        switch (type) {
            case "AWS::SQS::Queue" -> queue(logicalId, properties);
            case "AWS::SQS::QueuePolicy" -> {
                String policy = properties.path("PolicyDocument").toString();
                for (JsonNode queueUrl : properties.path("Queues")) {
                    creator.queueAttributes(region, queueUrl.asText(), Map.of("Policy", policy));
                }
                done(logicalId, type, logicalId, Outcome.CREATED);
            }
            case "AWS::DynamoDB::Table" -> table(logicalId, properties);
            case "AWS::DynamoDB::GlobalTable" -> globalTable(logicalId, properties);
            case "AWS::Serverless::SimpleTable" -> simpleTable(logicalId, properties);
            case "AWS::S3::Bucket" -> bucket(logicalId, properties);
            case "AWS::S3::BucketPolicy" -> {
                creator.bucketPolicy(region, properties.path("Bucket").asText(),
                        properties.path("PolicyDocument").toString());
                done(logicalId, type, logicalId, Outcome.CREATED);
            }
            case "AWS::Lambda::Function", "AWS::Serverless::Function" -> function(logicalId, type, properties, events);
            case "AWS::Lambda::EventSourceMapping" -> {
                Creator.Made made = creator.mapping(region, mappingRequest(properties, properties.path(
                        "FunctionName").asText(), properties.path("EventSourceArn").asText()));
                done(logicalId, type, made.physicalId(), made.outcome());
            }
            default -> {
                if (!HttpApiResources.TYPES.contains(type)) {
                    throw new IllegalStateException(type);
                }
                String held = deployment == null ? null : deployment.existing().get(logicalId);
                HttpApiResources.Made made = held != null ? HttpApiResources.held(type, region, held)
                        : creator.httpApis().create(type, region, properties);
                attributes.put(logicalId, made.attributes());
                done(logicalId, type, made.physicalId(), held != null ? Outcome.EXISTED : Outcome.CREATED);
            }
        }
    }

    private void queue(String logicalId, JsonNode properties) {
        boolean fifo = properties.path("FifoQueue").asBoolean(false);
        String name = properties.has("QueueName") ? properties.get("QueueName").asText()
                : generatedName(logicalId, 80 - (fifo ? 5 : 0), false) + (fifo ? ".fifo" : "");
        ObjectNode request = NODES.objectNode().put("QueueName", name);
        ObjectNode queueAttributes = request.putObject("Attributes");
        ObjectNode tags = NODES.objectNode();
        properties.fields().forEachRemaining(property -> {
            String key = property.getKey();
            JsonNode value = property.getValue();
            if (key.equals("QueueName")) {
                return;
            }
            if (key.equals("Tags")) {
                value.forEach(tag -> tags.put(tag.path("Key").asText(), tag.path("Value").asText()));
                return;
            }
            String attribute = QUEUE_ATTRIBUTES.get(key);
            if (attribute == null) {
                throw new ResourceFileException("property " + key + " of AWS::SQS::Queue is not supported; "
                        + "supported: QueueName, Tags, " + QUEUE_ATTRIBUTES.keySet());
            }
            queueAttributes.put(attribute, value.isContainerNode() ? value.toString() : value.isNumber()
                    ? value.decimalValue().stripTrailingZeros().toPlainString() : value.asText());
        });
        if (!tags.isEmpty()) {
            request.set("tags", tags);
        }
        Creator.Made made = creator.queue(region, request);
        if (made.outcome() == Outcome.EXISTED && deployment != null && deployment.updates(logicalId)) {
            Map<String, String> changed = new LinkedHashMap<>();
            queueAttributes.fields().forEachRemaining(attribute -> changed.put(attribute.getKey(),
                    attribute.getValue().asText()));
            creator.queueAttributes(region, made.physicalId(), changed);
        }
        String arn = ResourceRef.queue(region, creator.accountId(), name).arn();
        attributes.put(logicalId, Map.of("Arn", arn, "QueueName", name, "QueueUrl", made.physicalId()));
        done(logicalId, "AWS::SQS::Queue", made.physicalId(), made.outcome());
    }

    private void table(String logicalId, JsonNode properties) {
        table(logicalId, properties, "AWS::DynamoDB::Table");
    }

    private void table(String logicalId, JsonNode properties, String type) {
        ObjectNode request = ((ObjectNode) properties).deepCopy();
        String name = request.has("TableName") ? request.get("TableName").asText()
                : generatedName(logicalId, 255, false);
        request.put("TableName", name);
        JsonNode ttl = request.remove("TimeToLiveSpecification");
        JsonNode stream = request.remove("StreamSpecification");
        if (stream != null) {
            request.putObject("StreamSpecification").put("StreamEnabled", true)
                    .put("StreamViewType", stream.path("StreamViewType").asText());
        }
        JsonNode sse = request.remove("SSESpecification");
        if (sse != null) {
            ObjectNode converted = request.putObject("SSESpecification").put("Enabled",
                    sse.path("SSEEnabled").asBoolean(false));
            if (sse.has("SSEType")) {
                converted.put("SSEType", sse.get("SSEType").asText());
            }
            if (sse.has("KMSMasterKeyId")) {
                converted.put("KMSMasterKeyId", sse.get("KMSMasterKeyId").asText());
            }
        }
        request.remove("PointInTimeRecoverySpecification"); // backups are not emulated; nothing to answer
        request.remove("ContributorInsightsSpecification");
        Creator.Made made = creator.table(region, request, ttl);
        String arn = ResourceRef.table(region, creator.accountId(), name).arn();
        Map<String, String> attrs = new HashMap<>(Map.of("Arn", arn));
        String streamArn = creator.tableStreamArn(region, name);
        if (streamArn != null) {
            attrs.put("StreamArn", streamArn);
        }
        attributes.put(logicalId, attrs);
        done(logicalId, type, name, made.outcome());
    }

    /**
     * A global table (version 2019.11.21): the table in the stack's region, as CloudFormation creates it in the
     * region it deploys to, then a replica in each other region of {@code Replicas}. Per-replica settings
     * (throughput, indexes, tags, PITR) are not modelled and ignored.
     */
    private void globalTable(String logicalId, JsonNode properties) {
        ObjectNode request = ((ObjectNode) properties).deepCopy();
        List<String> regions = new ArrayList<>();
        request.path("Replicas").forEach(replica -> regions.add(replica.path("Region").asText()));
        if (!regions.contains(region)) {
            throw new ResourceFileException("Replicas " + regions + " do not include " + region + ", the region the "
                    + "template is applied in; CloudFormation requires it");
        }
        List<String> others = new ArrayList<>(regions);
        others.remove(region);
        for (String other : others) {
            if (!creator.regions().contains(other)) {
                throw new ResourceFileException("the replica region " + other + " is not one of this stack's regions "
                        + creator.regions() + "; give the stack that region (StackConfig.withRegions, "
                        + "@SimStack(regions = ...), --regions)");
            }
        }
        for (String perReplica : List.of("Replicas", "WriteProvisionedThroughputSettings",
                "WriteOnDemandThroughputSettings")) {
            request.remove(perReplica);
        }
        if (!request.has("BillingMode")) {
            // Write capacity comes per replica (not modelled): without a billing mode, on demand.
            request.put("BillingMode", "PAY_PER_REQUEST");
        }
        table(logicalId, request, "AWS::DynamoDB::GlobalTable");
        String name = refs.get(logicalId);
        creator.replicas(region, name, others).forEach((replica, outcome) ->
                applied.add(new Resource(logicalId, "AWS::DynamoDB::GlobalTable", replica, name, outcome)));
    }

    private void simpleTable(String logicalId, JsonNode properties) {
        JsonNode key = properties.path("PrimaryKey");
        String keyName = key.path("Name").asText("id");
        String keyType = switch (key.path("Type").asText("String")) {
            case "Number" -> "N";
            case "Binary" -> "B";
            default -> "S";
        };
        ObjectNode request = NODES.objectNode();
        if (properties.has("TableName")) {
            request.put("TableName", properties.get("TableName").asText());
        }
        request.putArray("AttributeDefinitions").addObject().put("AttributeName", keyName)
                .put("AttributeType", keyType);
        request.putArray("KeySchema").addObject().put("AttributeName", keyName).put("KeyType", "HASH");
        if (properties.has("ProvisionedThroughput")) {
            request.set("ProvisionedThroughput", properties.get("ProvisionedThroughput"));
        } else {
            request.put("BillingMode", "PAY_PER_REQUEST");
        }
        table(logicalId, request);
    }

    private void bucket(String logicalId, JsonNode properties) {
        for (String key : (Iterable<String>) properties::fieldNames) {
            if (!Set.of("BucketName", "VersioningConfiguration", "Tags", "NotificationConfiguration").contains(key)) {
                throw new ResourceFileException("property " + key + " of AWS::S3::Bucket is not supported; "
                        + "supported: BucketName, VersioningConfiguration, Tags, NotificationConfiguration");
            }
        }
        String name = properties.has("BucketName") ? properties.get("BucketName").asText()
                : generatedName(logicalId, 63, true);
        Map<String, String> tags = new LinkedHashMap<>();
        properties.path("Tags").forEach(tag -> tags.put(tag.path("Key").asText(), tag.path("Value").asText()));
        JsonNode versioning = properties.path("VersioningConfiguration").path("Status");
        Creator.Made made = creator.bucket(region, name, versioning.isMissingNode() ? null : versioning.asText(), tags,
                null);
        if (properties.has("NotificationConfiguration") && made.outcome() == Outcome.CREATED) {
            creator.bucketNotifications(region, name, properties.get("NotificationConfiguration"));
        }
        attributes.put(logicalId, Map.of("Arn", ResourceRef.bucket(region, creator.accountId(), name).arn(),
                "DomainName", name + ".s3.amazonaws.com",
                "RegionalDomainName", name + ".s3." + region + ".amazonaws.com"));
        done(logicalId, "AWS::S3::Bucket", name, made.outcome());
    }

    private void function(String logicalId, String type, JsonNode properties, JsonNode events) {
        String name = properties.has("FunctionName") ? properties.get("FunctionName").asText()
                : generatedName(logicalId, 64, false);
        ObjectNode request = NODES.objectNode().put("FunctionName", name);
        Integer reserved = null;
        for (var it = properties.fields(); it.hasNext();) {
            var property = it.next();
            String key = property.getKey();
            switch (key) {
                case "FunctionName" -> { }
                case "Handler", "Runtime", "Description" -> request.put(key, property.getValue().asText());
                case "Timeout", "MemorySize" -> request.put(key, property.getValue().asInt());
                case "Environment", "DeadLetterConfig" -> request.set(key, property.getValue());
                case "DeadLetterQueue" -> request.putObject("DeadLetterConfig").put("TargetArn",
                        property.getValue().path("TargetArn").asText());
                case "ReservedConcurrentExecutions" -> reserved = property.getValue().asInt();
                case "Code" -> FunctionCodes.code(request, property.getValue());
                case "CodeUri" -> FunctionCodes.codeUri(request, property.getValue());
                default -> {
                    if (!FUNCTION_IGNORED.contains(key)) {
                        throw new ResourceFileException("property " + key + " of " + type + " is not supported");
                    }
                }
            }
        }
        if (properties.has("Role")) {
            request.put("Role", properties.get("Role").asText());
        }
        Creator.Made made = creator.function(region, request, reserved);
        if (made.outcome() == Outcome.EXISTED && deployment != null && deployment.updates(logicalId)) {
            creator.updateFunction(region, request);
        }
        attributes.put(logicalId, Map.of("Arn", ResourceRef.function(region, creator.accountId(), name).arn()));
        done(logicalId, type, name, made.outcome());
        if (type.equals("AWS::Serverless::Function")) {
            events(logicalId, name, events);
        }
    }

    /**
     * A SAM function's events: SQS and DynamoDB (a table's stream) become event source mappings, Api and HttpApi
     * become routes.
     */
    private void events(String functionId, String functionName, JsonNode events) {
        events.fields().forEachRemaining(event -> {
            String eventType = event.getValue().path("Type").asText();
            ObjectNode raw = event.getValue().path("Properties").isObject()
                    ? ((ObjectNode) event.getValue().get("Properties")).deepCopy() : NODES.objectNode();
            // An explicit API is named by its logical id; it is declared after the functions, with their routes.
            JsonNode explicitRest = raw.remove("RestApiId");
            JsonNode explicitHttp = raw.remove("ApiId");
            JsonNode properties = intrinsics.resolve(raw);
            String id = functionId + event.getKey();
            switch (eventType) {
                case "SQS" -> {
                    Creator.Made made = creator.mapping(region, mappingRequest(properties, functionName,
                            properties.path("Queue").asText()));
                    done(id, "AWS::Lambda::EventSourceMapping", made.physicalId(), made.outcome());
                }
                case "DynamoDB" -> {
                    Creator.Made made = creator.mapping(region, mappingRequest(properties, functionName,
                            properties.path("Stream").asText()));
                    done(id, "AWS::Lambda::EventSourceMapping", made.physicalId(), made.outcome());
                }
                case "Api", "HttpApi" -> {
                    boolean rest = eventType.equals("Api");
                    JsonNode explicit = rest ? explicitRest : explicitHttp;
                    String apiId = explicit == null ? (rest ? SAM_REST_API : SAM_HTTP_API)
                            : explicit.path("Ref").asText(explicit.asText());
                    String method = properties.path("Method").asText(rest ? "" : "ANY").toUpperCase(Locale.ROOT);
                    String path = properties.path("Path").asText(rest ? "" : "/{proxy+}");
                    if (method.isEmpty() || path.isEmpty()) {
                        throw new ResourceFileException("event " + event.getKey() + " needs Path and Method");
                    }
                    String name = defaultApiName(apiId);
                    ApiSpec implicit = rest ? ApiSpec.rest(name).withStage("Prod") : ApiSpec.http(name);
                    ApiSpec route = implicit.withRoute(method + " " + path, ApiSpec.Integration.lambda(functionName));
                    apis.merge(apiId, route, (old, fresh) -> withRoutes(old, fresh));
                }
                default -> throw new ResourceFileException("event " + event.getKey() + " has type " + eventType
                        + "; SimStack's templates support SQS, DynamoDB, Api and HttpApi events");
            }
        });
    }

    /**
     * The stage's throttle: a REST API's {@code MethodSettings} entry for every method and resource
     * ({@code HttpMethod: "*"}, {@code ResourcePath: "/*"}), an HTTP API's {@code DefaultRouteSettings}. Settings
     * for one method or path are refused by name: SimStack throttles a stage or a route, not a method.
     */
    private static ApiSpec stageThrottle(ApiSpec spec, JsonNode properties) {
        List<JsonNode> settings = new ArrayList<>();
        properties.path("MethodSettings").forEach(setting -> {
            if (!setting.path("HttpMethod").asText("*").equals("*")
                    || !setting.path("ResourcePath").asText("/*").equals("/*")) {
                throw new ResourceFileException("MethodSettings for HttpMethod " + setting.path("HttpMethod").asText()
                        + " and ResourcePath " + setting.path("ResourcePath").asText() + " are not supported; "
                        + "SimStack applies the stage-wide entry (HttpMethod \"*\", ResourcePath \"/*\")");
            }
            settings.add(setting);
        });
        if (properties.has("DefaultRouteSettings")) {
            settings.add(properties.get("DefaultRouteSettings"));
        }
        ApiSpec throttled = spec;
        for (JsonNode setting : settings) {
            if (setting.has("ThrottlingRateLimit") || setting.has("ThrottlingBurstLimit")) {
                throttled = throttled.withThrottle(setting.path("ThrottlingRateLimit").asDouble(10_000),
                        setting.path("ThrottlingBurstLimit").asInt(5_000));
            }
        }
        return throttled;
    }

    /**
     * The name of a SAM API that gives none: in a CloudFormation stack the stack's name, as SAM titles its
     * definition; in a resource file its logical id, which {@code stack.api(name)} finds.
     */
    private String defaultApiName(String logicalId) {
        return deployment != null ? stackName : logicalId;
    }

    private static ApiSpec withRoutes(ApiSpec base, ApiSpec more) {
        ApiSpec merged = base;
        for (ApiSpec.Route route : more.routes()) {
            merged = merged.withRoute(route);
        }
        return merged;
    }

    private static ObjectNode mappingRequest(JsonNode properties, String functionName, String sourceArn) {
        ObjectNode request = NODES.objectNode().put("FunctionName", functionName).put("EventSourceArn", sourceArn);
        for (String key : List.of("BatchSize", "MaximumBatchingWindowInSeconds", "Enabled", "FunctionResponseTypes",
                "ScalingConfig", "StartingPosition", "BisectBatchOnFunctionError", "MaximumRetryAttempts",
                "MaximumRecordAgeInSeconds", "DestinationConfig", "FilterCriteria")) {
            if (properties.has(key)) {
                request.set(key, properties.get(key));
            }
        }
        return request;
    }

    private void done(String logicalId, String type, String physicalId, Outcome outcome) {
        refs.put(logicalId, physicalId);
        applied.add(new Resource(logicalId, type, region, physicalId, outcome));
    }

    /** CloudFormation's name for an unnamed resource: stack, logical id and a random suffix. */
    private String generatedName(String logicalId, int maxLength, boolean lowerCase) {
        String held = deployment == null ? null : deployment.existing().get(logicalId);
        if (held != null) {
            return held.substring(held.lastIndexOf('/') + 1); // a queue's URL ends with its name
        }
        String alphabet = lowerCase ? "abcdefghijklmnopqrstuvwxyz0123456789" : "ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
        StringBuilder suffix = new StringBuilder();
        for (int i = 0; i < 13; i++) {
            suffix.append(alphabet.charAt(random.nextInt(alphabet.length())));
        }
        String prefix = stackName + "-" + logicalId;
        if (lowerCase) {
            prefix = prefix.toLowerCase(Locale.ROOT);
        }
        int room = maxLength - suffix.length() - 1;
        return (prefix.length() > room ? prefix.substring(0, room) : prefix) + "-" + suffix;
    }

    private String ref(String name) {
        switch (name) {
            case "AWS::Region":
                return region;
            case "AWS::AccountId":
                return creator.accountId();
            case "AWS::StackName":
                return stackName;
            case "AWS::StackId":
                return deployment != null ? deployment.stackId() : "arn:aws:cloudformation:" + region + ":"
                        + creator.accountId() + ":stack/" + stackName + "/" + stackName;
            case "AWS::Partition":
                return "aws";
            case "AWS::URLSuffix":
                return "amazonaws.com";
            default:
                return parameters.containsKey(name) ? parameters.get(name) : refs.get(name);
        }
    }

    private String attribute(String logicalId, String attribute) {
        Map<String, String> known = attributes.get(logicalId);
        if (known == null || !known.containsKey(attribute)) {
            throw new ResourceFileException("Fn::GetAtt " + logicalId + "." + attribute + ": "
                    + (known == null ? "no such resource (or it is created later)" : "its attributes are "
                    + known.keySet()));
        }
        return known.get(attribute);
    }

    private static Map<String, String> queueAttributes() {
        Map<String, String> map = new LinkedHashMap<>();
        for (String name : List.of("ContentBasedDeduplication", "DeduplicationScope", "DelaySeconds", "FifoQueue",
                "FifoThroughputLimit", "KmsDataKeyReusePeriodSeconds", "KmsMasterKeyId", "MaximumMessageSize",
                "MessageRetentionPeriod", "ReceiveMessageWaitTimeSeconds", "RedriveAllowPolicy", "RedrivePolicy",
                "SqsManagedSseEnabled", "VisibilityTimeout")) {
            map.put(name, name);
        }
        return map;
    }
}
