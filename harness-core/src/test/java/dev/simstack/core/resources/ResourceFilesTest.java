package dev.simstack.core.resources;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.AppliedResources;
import dev.simstack.core.AppliedResources.Outcome;
import dev.simstack.core.AppliedResources.Resource;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.io.IOException;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.TableDescription;
import software.amazon.awssdk.services.dynamodb.model.TimeToLiveStatus;
import software.amazon.awssdk.services.lambda.LambdaClient;
import software.amazon.awssdk.services.lambda.model.EventSourceMappingConfiguration;
import software.amazon.awssdk.services.lambda.model.FunctionConfiguration;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;

/** Init files and SAM/CloudFormation templates applied to a stack, checked through the real SDK clients. */
class ResourceFilesTest {

    private Stack stack;

    @AfterEach
    void stop() {
        if (stack != null) {
            stack.close();
        }
    }

    private Stack start() {
        stack = StackConfig.defaults().withRegions("us-east-1", "eu-west-1").withSeed(42).start();
        return stack;
    }

    private static Path file(String name) throws URISyntaxException {
        return Path.of(ResourceFilesTest.class.getResource("/resource-files/" + name).toURI());
    }

    private <B extends software.amazon.awssdk.awscore.client.builder.AwsClientBuilder<B, C>
            & software.amazon.awssdk.core.client.builder.SdkSyncClientBuilder<B, C>, C> C client(B builder,
            String region) {
        return builder.endpointOverride(stack.endpoint()).region(Region.of(region))
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    @Test
    void initFileCreatesEveryResourceAsItsApiCallWould() throws Exception {
        start();
        AppliedResources applied = stack.apply(file("orders-init.yaml"));

        assertThat(applied.resources()).extracting(Resource::type, Resource::logicalId, Resource::outcome)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("AWS::SQS::Queue", "orders-dlq", Outcome.CREATED),
                        org.assertj.core.groups.Tuple.tuple("AWS::SQS::Queue", "orders", Outcome.CREATED),
                        org.assertj.core.groups.Tuple.tuple("AWS::SQS::Queue", "audit.fifo", Outcome.CREATED),
                        org.assertj.core.groups.Tuple.tuple("AWS::DynamoDB::Table", "orders", Outcome.CREATED),
                        org.assertj.core.groups.Tuple.tuple("AWS::S3::Bucket", "receipts", Outcome.CREATED),
                        org.assertj.core.groups.Tuple.tuple("AWS::S3::Bucket", "archive", Outcome.CREATED),
                        org.assertj.core.groups.Tuple.tuple("AWS::Lambda::Function", "worker", Outcome.CREATED),
                        org.assertj.core.groups.Tuple.tuple("AWS::Lambda::EventSourceMapping",
                                "worker<-arn:aws:sqs:us-east-1:000000000000:orders", Outcome.CREATED));

        try (SqsClient sqs = client(SqsClient.builder(), "us-east-1");
                SqsClient sqsEu = client(SqsClient.builder(), "eu-west-1")) {
            String url = sqs.getQueueUrl(b -> b.queueName("orders")).queueUrl();
            assertThat(applied.physicalId("orders")).isEqualTo(url);
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(url)
                    .attributeNames(QueueAttributeName.ALL)).attributes();
            assertThat(attributes).containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "45")
                    .containsEntry(QueueAttributeName.REDRIVE_POLICY,
                            "{\"deadLetterTargetArn\":\"arn:aws:sqs:us-east-1:000000000000:orders-dlq\","
                                    + "\"maxReceiveCount\":3}");
            assertThat(sqs.listQueueTags(b -> b.queueUrl(url)).tags()).containsEntry("team", "payments");
            String fifo = sqsEu.getQueueUrl(b -> b.queueName("audit.fifo")).queueUrl();
            assertThat(sqsEu.getQueueAttributes(b -> b.queueUrl(fifo).attributeNames(QueueAttributeName.ALL))
                    .attributes()).containsEntry(QueueAttributeName.FIFO_QUEUE, "true")
                    .containsEntry(QueueAttributeName.CONTENT_BASED_DEDUPLICATION, "true");
        }
        try (DynamoDbClient dynamodb = client(DynamoDbClient.builder(), "us-east-1")) {
            TableDescription table = dynamodb.describeTable(b -> b.tableName("orders")).table();
            assertThat(table.globalSecondaryIndexes()).singleElement()
                    .satisfies(index -> assertThat(index.indexName()).isEqualTo("by-status"));
            assertThat(table.streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_IMAGE");
            assertThat(dynamodb.describeTimeToLive(b -> b.tableName("orders")).timeToLiveDescription())
                    .satisfies(ttl -> {
                        assertThat(ttl.attributeName()).isEqualTo("expiresAt");
                        assertThat(ttl.timeToLiveStatus()).isEqualTo(TimeToLiveStatus.ENABLED);
                    });
        }
        try (S3Client s3 = client(S3Client.builder().forcePathStyle(true), "us-east-1")) {
            assertThat(s3.listBuckets().buckets()).extracting(b -> b.name()).containsExactlyInAnyOrder("receipts",
                    "archive");
            assertThat(s3.getBucketVersioning(b -> b.bucket("archive")).status())
                    .isEqualTo(BucketVersioningStatus.ENABLED);
            assertThat(s3.getBucketTagging(b -> b.bucket("archive")).tagSet())
                    .singleElement().satisfies(tag -> assertThat(tag.value()).isEqualTo("long"));
        }
        try (LambdaClient lambda = client(LambdaClient.builder(), "us-east-1")) {
            FunctionConfiguration worker = lambda.getFunction(b -> b.functionName("worker")).configuration();
            assertThat(worker.timeout()).isEqualTo(30);
            assertThat(worker.memorySize()).isEqualTo(512);
            assertThat(worker.environment().variables()).containsEntry("TABLE", "orders");
            assertThat(lambda.getFunctionConcurrency(b -> b.functionName("worker")).reservedConcurrentExecutions())
                    .isEqualTo(5);
            List<EventSourceMappingConfiguration> mappings = lambda.listEventSourceMappings(b -> b
                    .functionName("worker")).eventSourceMappings();
            assertThat(mappings).singleElement().satisfies(mapping -> {
                assertThat(mapping.batchSize()).isEqualTo(10);
                assertThat(mapping.functionResponseTypesAsStrings()).containsExactly("ReportBatchItemFailures");
                assertThat(mapping.uuid()).isEqualTo(applied.resources().get(7).physicalId());
            });
        }
    }

    @Test
    void applyingAFileAgainKeepsWhatExists() throws Exception {
        start();
        stack.apply(file("orders-init.yaml"));
        AppliedResources again = stack.apply(file("orders-init.yaml"));
        assertThat(again.resources()).extracting(Resource::outcome).containsOnly(Outcome.EXISTED);
        try (LambdaClient lambda = client(LambdaClient.builder(), "us-east-1")) {
            assertThat(lambda.listEventSourceMappings(b -> b.functionName("worker")).eventSourceMappings()).hasSize(1);
        }
    }

    @Test
    void samTemplateCreatesItsStackInDependencyOrder() throws Exception {
        start();
        AppliedResources applied = stack.apply(file("orders-sam.yaml"));

        assertThat(applied.resources()).extracting(Resource::logicalId).containsExactly("OrdersDlq", "OrdersQueue",
                "OrdersTable", "Sessions", "ReceiptsBucket", "WorkerRole", "Worker", "WorkerOrders", "OrderApi",
                "OrdersApi");
        assertThat(applied.resources()).filteredOn(r -> r.logicalId().equals("WorkerRole"))
                .extracting(Resource::outcome).containsExactly(Outcome.IGNORED);
        String dlqName = applied.physicalId("OrdersDlq");
        assertThat(dlqName).matches("http://.*/000000000000/simstack-OrdersDlq-[A-Z0-9]{13}");
        assertThat(applied.physicalId("ReceiptsBucket")).matches("simstack-receiptsbucket-[a-z0-9]{13}");
        assertThat(applied.outputs()).containsEntry("TableArn",
                "arn:aws:dynamodb:us-east-1:000000000000:table/orders-test")
                .containsEntry("ApiUrl", "https://" + applied.physicalId("OrdersApi")
                        + ".execute-api.us-east-1.amazonaws.com/test/");

        try (SqsClient sqs = client(SqsClient.builder(), "us-east-1")) {
            String url = applied.outputs().get("QueueUrl");
            assertThat(url).endsWith("/orders-test");
            Map<QueueAttributeName, String> attributes = sqs.getQueueAttributes(b -> b.queueUrl(url)
                    .attributeNames(QueueAttributeName.ALL)).attributes();
            assertThat(attributes.get(QueueAttributeName.REDRIVE_POLICY)).contains(dlqName.substring(
                    dlqName.lastIndexOf('/') + 1)).contains("\"maxReceiveCount\":3");
            assertThat(attributes).containsEntry(QueueAttributeName.VISIBILITY_TIMEOUT, "120");
            assertThat(sqs.listQueueTags(b -> b.queueUrl(url)).tags()).containsEntry("stage", "test");
        }
        try (DynamoDbClient dynamodb = client(DynamoDbClient.builder(), "us-east-1")) {
            TableDescription orders = dynamodb.describeTable(b -> b.tableName("orders-test")).table();
            assertThat(orders.streamSpecification().streamViewTypeAsString()).isEqualTo("NEW_AND_OLD_IMAGES");
            assertThat(dynamodb.describeTimeToLive(b -> b.tableName("orders-test")).timeToLiveDescription()
                    .attributeName()).isEqualTo("ttl");
            TableDescription sessions = dynamodb.describeTable(b -> b.tableName(applied.physicalId("Sessions")))
                    .table();
            assertThat(sessions.keySchema()).singleElement().satisfies(key -> assertThat(key.attributeName())
                    .isEqualTo("id"));
        }
        try (LambdaClient lambda = client(LambdaClient.builder(), "us-east-1")) {
            FunctionConfiguration worker = lambda.getFunction(b -> b.functionName(applied.physicalId("Worker")))
                    .configuration();
            assertThat(worker.timeout()).isEqualTo(20);
            assertThat(worker.memorySize()).isEqualTo(1024);
            assertThat(worker.environment().variables()).containsEntry("STAGE", "test")
                    .containsEntry("TABLE", "orders-test");
            assertThat(worker.role()).isEqualTo("arn:aws:iam::000000000000:role/WorkerRole");
            assertThat(lambda.listEventSourceMappings(b -> b.functionName(applied.physicalId("Worker")))
                    .eventSourceMappings()).singleElement().satisfies(mapping -> {
                        assertThat(mapping.batchSize()).isEqualTo(5);
                        assertThat(mapping.eventSourceArn()).endsWith(":orders-test");
                    });
        }
        // The API's route reaches its function, at the stage the template names.
        URI api = URI.create(stack.endpoint() + "/_aws/execute-api/" + applied.physicalId("OrdersApi")
                + "/test/orders/42?q=x");
        HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(api)
                .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(201);
        assertThat(response.body()).isEqualTo("created 42 via POST q=[x]");
    }

    @Test
    void generatedNamesFollowTheSeed() throws Exception {
        String first;
        try (Stack one = StackConfig.defaults().withSeed(7).start()) {
            first = one.apply(file("orders-sam.yaml")).physicalId("ReceiptsBucket");
        }
        try (Stack two = StackConfig.defaults().withSeed(7).start()) {
            assertThat(two.apply(file("orders-sam.yaml")).physicalId("ReceiptsBucket")).isEqualTo(first);
        }
    }

    @Test
    void unsupportedTypesAndFeaturesAreRefusedByName(@TempDir Path dir) throws IOException {
        start();
        assertThatThrownBy(() -> stack.apply(write(dir, "topic.yaml", """
                Resources:
                  Topic:
                    Type: AWS::SNS::Topic
                """))).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("topic.yaml: resource Topic has type AWS::SNS::Topic, which SimStack does not "
                        + "emulate");
        assertThatThrownBy(() -> stack.apply(write(dir, "conditions.yaml", """
                Conditions:
                  IsProd: !Equals [a, b]
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                    Condition: IsStaging
                """))).hasMessage("conditions.yaml: Template format error: Unresolved dependencies [IsStaging]. "
                        + "Cannot reference resources in the Conditions block of the template");
        assertThatThrownBy(() -> stack.apply(write(dir, "ref.yaml", """
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: !Ref Missing
                """))).hasMessage("ref.yaml: resource Q (AWS::SQS::Queue): Ref Missing: no parameter or resource of "
                        + "that name");
        assertThatThrownBy(() -> stack.apply(write(dir, "prop.yaml", """
                Resources:
                  Q:
                    Type: AWS::SQS::Queue
                    Properties:
                      Colour: blue
                """))).hasMessageContaining("property Colour of AWS::SQS::Queue is not supported");
        assertThatThrownBy(() -> stack.apply(write(dir, "init.yaml", """
                topics: [a]
                """))).hasMessageContaining("init.yaml: unknown section 'topics'");
        assertThatThrownBy(() -> stack.apply(write(dir, "region.yaml", """
                queues:
                  - {QueueName: q, Region: ap-south-1}
                """))).hasMessageContaining("region ap-south-1 is not one of this stack's regions");
        assertThatThrownBy(() -> stack.apply(dir.resolve("absent.yaml"))).hasMessageContaining("no resource file at");
    }

    @Test
    void aSamApisNameAndStageWideMethodSettingsMakeItsThrottle(@TempDir Path dir) throws Exception {
        stack = StackConfig.defaults().withClock(dev.simstack.core.ClockSpec.manual()).start();
        stack.apply(write(dir, "throttled.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  OrderApi:
                    Type: AWS::Serverless::Function
                    Properties:
                      Handler: dev.simstack.core.apigateway.ApiHandlers$OrderApi::handleRequest
                      Runtime: java17
                      Events:
                        Create:
                          Type: Api
                          Properties: {Path: "/orders/{id}", Method: post, RestApiId: !Ref OrdersApi}
                  OrdersApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      Name: orders-api
                      StageName: prod
                      MethodSettings:
                        - {HttpMethod: "*", ResourcePath: "/*", ThrottlingRateLimit: 1, ThrottlingBurstLimit: 1}
                """));

        URI order = URI.create(stack.api("orders-api").url() + "/orders/42?q=x");
        List<Integer> statuses = new java.util.ArrayList<>();
        for (int i = 0; i < 2; i++) {
            statuses.add(HttpClient.newHttpClient().send(HttpRequest.newBuilder(order)
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString())
                    .statusCode());
        }
        assertThat(statuses).containsExactly(201, 429);   // a burst of one, and the clock has not moved

        assertThatThrownBy(() -> stack.apply(write(dir, "per-method.yaml", """
                Resources:
                  OtherApi:
                    Type: AWS::Serverless::Api
                    Properties:
                      StageName: prod
                      MethodSettings:
                        - {HttpMethod: POST, ResourcePath: "/orders", ThrottlingRateLimit: 1}
                """))).hasMessageContaining("MethodSettings for HttpMethod POST and ResourcePath /orders are not "
                        + "supported");
    }

    @Test
    void aSamDynamoDbEventMapsTheTablesStreamToTheFunction(@TempDir Path dir) throws Exception {
        stack = StackConfig.defaults().withClock(dev.simstack.core.ClockSpec.manual()).start();
        dev.simstack.core.lambda.StreamHandlers.EVENTS.remove("order-stream");
        stack.apply(write(dir, "streamed.yaml", """
                Transform: AWS::Serverless-2016-10-31
                Resources:
                  Orders:
                    Type: AWS::DynamoDB::Table
                    Properties:
                      TableName: streamed-orders
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                      StreamSpecification: {StreamViewType: NEW_IMAGE}
                  Discarded:
                    Type: AWS::SQS::Queue
                    Properties: {QueueName: discarded}
                  OrderStream:
                    Type: AWS::Serverless::Function
                    Properties:
                      FunctionName: order-stream
                      Handler: dev.simstack.core.lambda.StreamHandlers$Recorder::handleRequest
                      Runtime: java17
                      Events:
                        Changes:
                          Type: DynamoDB
                          Properties:
                            Stream: !GetAtt Orders.StreamArn
                            StartingPosition: TRIM_HORIZON
                            BatchSize: 25
                            BisectBatchOnFunctionError: true
                            MaximumRetryAttempts: 3
                            DestinationConfig: {OnFailure: {Destination: !GetAtt Discarded.Arn}}
                """));

        try (LambdaClient lambda = client(LambdaClient.builder(), "us-east-1");
             DynamoDbClient dynamo = client(DynamoDbClient.builder(), "us-east-1")) {
            EventSourceMappingConfiguration mapping = lambda.listEventSourceMappings(b -> b.functionName(
                    "order-stream")).eventSourceMappings().get(0);
            assertThat(mapping.eventSourceArn()).isEqualTo(dynamo.describeTable(b -> b.tableName("streamed-orders"))
                    .table().latestStreamArn());
            assertThat(mapping.batchSize()).isEqualTo(25);
            assertThat(mapping.bisectBatchOnFunctionError()).isTrue();
            assertThat(mapping.maximumRetryAttempts()).isEqualTo(3);
            assertThat(mapping.destinationConfig().onFailure().destination()).isEqualTo(stack.queue("discarded").arn());
            dynamo.putItem(b -> b.tableName("streamed-orders").item(Map.of("id",
                    software.amazon.awssdk.services.dynamodb.model.AttributeValue.fromS("o-1"))));
        }
        assertThat(stack.awaitQuiet(java.time.Duration.ofSeconds(20))).isTrue();
        assertThat(dev.simstack.core.lambda.StreamHandlers.EVENTS.get("order-stream")).hasSize(1);
    }

    @Test
    void aGlobalTableIsCreatedWithAReplicaInEachOtherRegion(@TempDir Path dir) throws Exception {
        start();   // us-east-1 and eu-west-1
        AppliedResources applied = stack.apply(write(dir, "global.yaml", """
                Resources:
                  Orders:
                    Type: AWS::DynamoDB::GlobalTable
                    Properties:
                      TableName: orders
                      BillingMode: PAY_PER_REQUEST
                      AttributeDefinitions: [{AttributeName: orderId, AttributeType: S}]
                      KeySchema: [{AttributeName: orderId, KeyType: HASH}]
                      StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES}
                      Replicas: [{Region: us-east-1}, {Region: eu-west-1}]
                """));

        assertThat(applied.resources()).extracting(Resource::type, Resource::region, Resource::outcome)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("AWS::DynamoDB::GlobalTable", "us-east-1",
                        Outcome.CREATED), org.assertj.core.groups.Tuple.tuple("AWS::DynamoDB::GlobalTable", "eu-west-1",
                        Outcome.CREATED));
        try (DynamoDbClient east = client(DynamoDbClient.builder(), "us-east-1");
             DynamoDbClient west = client(DynamoDbClient.builder(), "eu-west-1")) {
            assertThat(east.describeTable(b -> b.tableName("orders")).table().replicas())
                    .extracting(r -> r.regionName()).contains("eu-west-1");
            assertThat(west.describeTable(b -> b.tableName("orders")).table().replicas())
                    .extracting(r -> r.regionName()).contains("us-east-1");
        }
        assertThat(stack.apply(write(dir, "global.yaml", Files.readString(dir.resolve("global.yaml")))).resources())
                .extracting(Resource::outcome).containsOnly(Outcome.EXISTED);
        assertThatThrownBy(() -> stack.apply(write(dir, "far.yaml", """
                Resources:
                  Far:
                    Type: AWS::DynamoDB::GlobalTable
                    Properties:
                      AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                      KeySchema: [{AttributeName: id, KeyType: HASH}]
                      StreamSpecification: {StreamViewType: NEW_AND_OLD_IMAGES}
                      Replicas: [{Region: us-east-1}, {Region: ap-south-1}]
                """))).hasMessageContaining("the replica region ap-south-1 is not one of this stack's regions "
                        + "[us-east-1, eu-west-1]");
    }

    @Test
    void aFilesConditionsDecideItsResourcesAndValuesFromTheParameterDefaults(@TempDir Path dir) throws Exception {
        start();
        AppliedResources applied = stack.apply(write(dir, "conditional.yaml", """
                Parameters:
                  Env: {Type: String, Default: dev}
                Conditions:
                  IsProd: !Equals [!Ref Env, prod]
                  IsDev: !Not [!Condition IsProd]
                Resources:
                  Orders:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: file-orders
                      VisibilityTimeout: !If [IsProd, 120, !Ref AWS::NoValue]
                      DelaySeconds: !If [IsDev, 7, 0]
                  Audit:
                    Type: AWS::SQS::Queue
                    Condition: IsProd
                    Properties:
                      QueueName: file-audit
                Outputs:
                  AuditUrl:
                    Condition: IsProd
                    Value: !Ref Audit
                """));

        assertThat(applied.resources()).extracting(AppliedResources.Resource::logicalId).containsExactly("Orders");
        assertThat(applied.outputs()).isEmpty();
        try (SqsClient sqs = client(SqsClient.builder(), "us-east-1")) {
            String url = sqs.getQueueUrl(r -> r.queueName("file-orders")).queueUrl();
            assertThat(sqs.getQueueAttributes(r -> r.queueUrl(url).attributeNamesWithStrings("VisibilityTimeout",
                    "DelaySeconds")).attributesAsStrings()).containsEntry("VisibilityTimeout", "30")
                    .containsEntry("DelaySeconds", "7");
            assertThat(sqs.listQueues().queueUrls()).noneMatch(queue -> queue.endsWith("/file-audit"));
        }
    }

    @Test
    void theServicesOwnValidationErrorsNameTheResource(@TempDir Path dir) throws IOException {
        start();
        assertThatThrownBy(() -> stack.apply(write(dir, "table.yaml", """
                tables:
                  - TableName: t
                    AttributeDefinitions: [{AttributeName: id, AttributeType: S}]
                    KeySchema: [{AttributeName: other, KeyType: HASH}]
                    BillingMode: PAY_PER_REQUEST
                """))).hasMessageStartingWith("table.yaml: AWS::DynamoDB::Table t: CreateTable failed: "
                        + "ValidationException: ");
        assertThatThrownBy(() -> stack.apply(write(dir, "function.yaml", """
                functions:
                  - {FunctionName: f, Runtime: python3.12, Handler: app.handler}
                """))).hasMessageContaining("CreateFunction failed: InvalidParameterValueException: SimStack runs "
                        + "Java handlers in-process");
        assertThatThrownBy(() -> stack.apply(write(dir, "bucket.yaml", """
                buckets: [Not_A_Bucket]
                """))).hasMessageContaining("CreateBucket failed: InvalidBucketName");
    }

    private static Path write(Path dir, String name, String text) throws IOException {
        return Files.writeString(dir.resolve(name), text);
    }
}
