package dev.simstack.core.internal.resources;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.AppliedResources;
import dev.simstack.core.AppliedResources.Outcome;
import dev.simstack.core.AwsException;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.internal.resources.LocalCalls.CallFailedException;
import dev.simstack.core.internal.services.cloudformation.StackTemplates;
import dev.simstack.core.internal.stack.Engine;
import java.io.IOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * CloudFormation's stacks made by the template support resource files use (R1): the same {@link TemplateFile},
 * told the stack's region, id, parameters and imports, reporting each resource as it goes; resources deleted
 * through their services' own delete calls.
 */
public final class CloudFormationTemplates implements StackTemplates {

    /** The types the SAM transform turns a serverless resource into, as a processed stack lists them. */
    private static final Map<String, String> PROCESSED = Map.of(
            "AWS::Serverless::Function", "AWS::Lambda::Function",
            "AWS::Serverless::SimpleTable", "AWS::DynamoDB::Table",
            "AWS::Serverless::Api", "AWS::ApiGateway::RestApi",
            "AWS::Serverless::HttpApi", "AWS::ApiGatewayV2::Api");
    /** Resources named by the template: one that exists already makes the stack fail, as in AWS. */
    private static final Set<String> NAMED = Set.of("AWS::SQS::Queue", "AWS::DynamoDB::Table",
            "AWS::DynamoDB::GlobalTable", "AWS::Serverless::SimpleTable", "AWS::S3::Bucket",
            "AWS::Lambda::Function", "AWS::Serverless::Function");
    /** Errors that say a resource is gone already: deleting it again succeeds. */
    private static final Set<String> GONE = Set.of("ResourceNotFoundException", "NonExistentQueue",
            "AWS.SimpleQueueService.NonExistentQueue", "QueueDoesNotExist", "NoSuchBucket", "NotFoundException");

    private final Engine engine;

    public CloudFormationTemplates(Engine engine) {
        this.engine = engine;
    }

    @Override
    public JsonNode parse(String body) {
        try {
            JsonNode template = YamlDocument.parse(body);
            Set<String> undefined = TemplateConditions.undefined(template);
            if (!undefined.isEmpty()) {
                throw new AwsException("ValidationError", 400, "Template format error: Unresolved dependencies "
                        + undefined + ". Cannot reference resources in the Conditions block of the template");
            }
            Set<String> undefinedInIf = TemplateConditions.undefinedInIf(template);
            if (!undefinedInIf.isEmpty()) {
                throw new AwsException("ValidationError", 400, "Template error: unresolved condition dependency "
                        + undefinedInIf.iterator().next() + " in Fn::If");
            }
            return template;
        } catch (JsonProcessingException e) {
            String format = body.stripLeading().startsWith("{") ? "JSON" : "YAML";
            throw new AwsException("ValidationError", 400, "Template format error: " + format + " not well-formed. "
                    + "(line " + e.getLocation().getLineNr() + ", column " + e.getLocation().getColumnNr() + ")");
        } catch (IOException | ResourceFileException e) {
            throw new AwsException("ValidationError", 400, "Template format error: " + e.getMessage());
        }
    }

    @Override
    public Set<String> excluded(String region, String stackName, JsonNode template, Map<String, String> parameters) {
        Map<String, String> pseudo = Map.of("AWS::Region", region, "AWS::AccountId", engine.config().accountId(),
                "AWS::StackName", stackName, "AWS::Partition", "aws", "AWS::URLSuffix", "amazonaws.com");
        Intrinsics.Lookup lookup = new Intrinsics.Lookup() {
            @Override
            public String ref(String name) {
                return parameters.getOrDefault(name, pseudo.get(name));
            }

            @Override
            public String attribute(String logicalId, String attribute) {
                throw new ResourceFileException("Fn::GetAtt cannot be used in Conditions");
            }
        };
        TemplateConditions conditions = new TemplateConditions(template,
                new Intrinsics(lookup, template.path("Mappings"))::resolve);
        Set<String> excluded = new java.util.TreeSet<>();
        try {
            template.path("Resources").fields().forEachRemaining(resource -> {
                if (!conditions.includes(resource.getValue())) {
                    excluded.add(resource.getKey());
                }
            });
        } catch (ResourceFileException e) {
            throw new AwsException("ValidationError", 400, e.getMessage());
        }
        return excluded;
    }

    @Override
    public String templateAt(String region, String url) {
        URI uri;
        try {
            uri = URI.create(url);
        } catch (IllegalArgumentException e) {
            throw new AwsException("ValidationError", 400, "TemplateURL must be a supported URL.");
        }
        String host = uri.getHost() == null ? "" : uri.getHost();
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        int s3 = host.indexOf(".s3");
        boolean virtualHosted = s3 > 0 && !host.startsWith("s3.");
        String bucket = virtualHosted ? host.substring(0, s3) : path.substring(0, Math.max(0, path.indexOf('/')));
        String key = virtualHosted ? path : path.substring(path.indexOf('/') + 1);
        if (bucket.isEmpty() || key.isEmpty()) {
            throw new AwsException("ValidationError", 400, "TemplateURL must be a supported URL.");
        }
        try {
            byte[] bytes = engine.s3().port().getObject(ResourceRef.bucket(region, engine.config().accountId(),
                    bucket), key, null).bytes();
            return new String(bytes, StandardCharsets.UTF_8);
        } catch (AwsException e) {
            throw new AwsException("ValidationError", 400, "S3 error: " + e.getMessage());
        }
    }

    @Override
    public List<StackOutput> deploy(Deployment deployment, ResourceProgress progress) {
        TemplateFile.Progress reporter = new TemplateFile.Progress() {
            @Override
            public void started(String logicalId, String type) {
                progress.started(logicalId, processed(type));
            }

            @Override
            public void created(AppliedResources.Resource resource) {
                if (resource.outcome() == Outcome.EXISTED && NAMED.contains(resource.type())
                        && !deployment.existing().containsKey(resource.logicalId())) {
                    throw new ResourceFileException("Resource of type '" + processed(resource.type())
                            + "' with identifier '" + resource.physicalId() + "' already exists.");
                }
                progress.created(resource.logicalId(), processed(resource.type()),
                        resource.physicalId() != null ? resource.physicalId() : resource.logicalId());
            }

            @Override
            public void failed(String logicalId, String type, String reason) {
                progress.failed(logicalId, processed(type), reason);
            }
        };
        TemplateFile file = new TemplateFile("template", deployment.template(), new Creator(engine),
                engine.context().random(), deployment.stackName(), new TemplateFile.Deployment(deployment.region(),
                deployment.stackId(), deployment.parameters(), deployment.existing(), deployment.inPlace(),
                deployment.imports(), reporter));
        AppliedResources applied;
        try {
            applied = file.apply();
        } catch (ResourceFileException | CallFailedException e) {
            throw new DeploymentFailedException(e.getMessage(), e);
        }
        List<StackOutput> outputs = new ArrayList<>();
        applied.outputs().forEach((key, value) -> {
            JsonNode description = deployment.template().path("Outputs").path(key).path("Description");
            outputs.add(new StackOutput(key, value, description.isTextual() ? description.textValue() : null,
                    file.exports().get(key)));
        });
        return outputs;
    }

    @Override
    public void delete(String region, String type, String physicalId) {
        LocalCalls calls = new LocalCalls(engine);
        try {
            switch (type) {
                case "AWS::SQS::Queue" -> calls.json("sqs", "AmazonSQS", "DeleteQueue", region,
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                                .put("QueueUrl", physicalId));
                case "AWS::DynamoDB::Table", "AWS::DynamoDB::GlobalTable" -> calls.json("dynamodb",
                        "DynamoDB_20120810", "DeleteTable", region,
                        com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.objectNode()
                                .put("TableName", physicalId));
                case "AWS::S3::Bucket" -> calls.restXml("DELETE", "/" + physicalId, Map.of(), region, null,
                        "DeleteBucket");
                case "AWS::Lambda::Function" -> calls.restJson("lambda", "DELETE", "/2015-03-31/functions/"
                        + physicalId, region, null, "DeleteFunction");
                case "AWS::Lambda::EventSourceMapping" -> calls.restJson("lambda", "DELETE",
                        "/2015-03-31/event-source-mappings/" + physicalId, region, null, "DeleteEventSourceMapping");
                case "AWS::ApiGateway::RestApi" -> calls.restJson("apigateway", "DELETE",
                        "/restapis/" + physicalId, region, null, "DeleteRestApi");
                case "AWS::ApiGatewayV2::Api", "AWS::ApiGatewayV2::Route", "AWS::ApiGatewayV2::Integration" ->
                        new HttpApiResources(calls).delete(type, region, physicalId);
                default -> {
                    // Policies, permissions, roles and log groups: accepted and never made, nothing to delete.
                }
            }
        } catch (CallFailedException e) {
            if (!GONE.contains(e.code())) {
                throw new DeploymentFailedException(e.getMessage(), e);
            }
        } catch (ResourceFileException e) {
            throw new DeploymentFailedException(e.getMessage(), e);
        }
    }

    private static String processed(String type) {
        return PROCESSED.getOrDefault(type, type);
    }
}
