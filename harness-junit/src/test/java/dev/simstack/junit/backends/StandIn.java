package dev.simstack.junit.backends;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.junit.SimStackClients;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import software.amazon.awssdk.services.apigateway.ApiGatewayClient;
import software.amazon.awssdk.services.apigatewayv2.ApiGatewayV2Client;
import software.amazon.awssdk.services.apigatewayv2.model.ProtocolType;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Another SimStack stack on a socket, standing in for a remote endpoint (a launcher, LocalStack, an AWS
 * account): what the backends create on it and leave behind is read through its own SDK clients.
 */
final class StandIn implements AutoCloseable {

    /** Jars the test handlers do not need, left out of their packages so that most tests upload a small one. */
    private static final String LEAN_PACKAGES = "s3-,lambda-,apigateway-,netty-,jackson-,velocity-,snakeyaml-,"
            + "commons-io-,commons-lang3-,commons-compress-,joda-time-,dynamodb-enhanced-";

    private final Stack stack = StackConfig.defaults().start();
    private final S3Client s3 = SimStackClients.configure(S3Client.builder(), stack).build();
    private final IamClient iam = SimStackClients.configure(IamClient.builder(), stack).build();

    String endpoint() {
        return stack.endpoint().toString();
    }

    /** The configuration that points the ENDPOINT backend at the stand-in. */
    Map<String, String> asEndpoint() {
        return Map.of("simstack.backend", "endpoint", "simstack.endpoint", endpoint());
    }

    /** The configuration that points the AWS backend at the stand-in, allowed. */
    Map<String, String> asAws() {
        Map<String, String> run = new LinkedHashMap<>();
        run.put("simstack.aws.allow", "true");
        run.put("simstack.aws.endpoint", endpoint());
        return run;
    }

    /** {@code run} with the jars the test handlers do not need left out of function packages. */
    static Map<String, String> leanPackages(Map<String, String> run) {
        Map<String, String> configuration = new LinkedHashMap<>(run);
        configuration.put("simstack.functions.exclude", LEAN_PACKAGES);
        return configuration;
    }

    /**
     * Runs {@code run} with credentials and {@code region} for the SDK's default chains, from the system properties
     * it reads first; the machines that build this have no AWS profile, and must not use one.
     */
    static <T> T withDefaultChain(String region, Supplier<T> run) {
        Map<String, String> properties = Map.of("aws.accessKeyId", "AKIDSTANDIN", "aws.secretAccessKey", "standin",
                "aws.region", region);
        properties.forEach(System::setProperty);
        try {
            return run.get();
        } finally {
            properties.keySet().forEach(System::clearProperty);
        }
    }

    /**
     * Every queue, table, bucket, function, event source mapping, REST and HTTP API, usage plan, API key and role
     * the stand-in holds.
     */
    List<String> resources() {
        return resources("us-east-1");
    }

    /** Every resource the stand-in holds, the regional ones read in {@code region}. */
    List<String> resources(String region) {
        List<String> all = new ArrayList<>();
        try (SqsClient sqs = SimStackClients.configure(SqsClient.builder(), stack, region).build();
                DynamoDbClient dynamo = SimStackClients.configure(DynamoDbClient.builder(), stack, region).build();
                LambdaClient lambda = SimStackClients.configure(LambdaClient.builder(), stack, region).build();
                ApiGatewayClient apigateway = SimStackClients.configure(ApiGatewayClient.builder(), stack, region)
                        .build();
                ApiGatewayV2Client apis = SimStackClients.configure(ApiGatewayV2Client.builder(), stack, region)
                        .build()) {
            apigateway.getRestApis().items().forEach(api -> all.add("API " + api.name()));
            apis.getApis(b -> { }).items().stream().filter(api -> api.protocolType() == ProtocolType.HTTP)
                    .forEach(api -> all.add("HTTP API " + api.name()));
            apigateway.getUsagePlans(b -> { }).items().forEach(plan -> all.add("usage plan " + plan.name()));
            apigateway.getApiKeys(b -> { }).items().forEach(key -> all.add("API key " + key.name()));
            sqs.listQueues().queueUrls().forEach(url -> all.add("queue " + url.substring(url.lastIndexOf('/') + 1)));
            dynamo.listTables().tableNames().forEach(name -> all.add("table " + name));
            lambda.listFunctions().functions().forEach(function -> all.add("function " + function.functionName()));
            lambda.listEventSourceMappings().eventSourceMappings()
                    .forEach(mapping -> all.add("event source mapping " + mapping.uuid()));
        }
        s3.listBuckets().buckets().forEach(bucket -> all.add("bucket " + bucket.name()));
        iam.listRoles().roles().forEach(role -> all.add("role " + role.roleName()));
        return all;
    }

    /** The requests of {@code operation} that reached the stand-in, e.g. {@code SendMessage}. */
    long requests(String operation) {
        return stack.ledger().entries(LedgerEntry.Request.class).stream()
                .filter(request -> request.operation().equals(operation)).count();
    }

    /** The keys of the items written to the stand-in's tables, in the order they were written. */
    List<String> writtenKeys() {
        return stack.ledger().entries(LedgerEntry.ItemWrite.class).stream().map(LedgerEntry.ItemWrite::key).toList();
    }

    @Override
    public void close() {
        s3.close();
        iam.close();
        stack.close();
    }
}
