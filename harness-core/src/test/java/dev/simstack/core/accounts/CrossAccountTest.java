package dev.simstack.core.accounts;

import static dev.simstack.core.accounts.AccountClients.ALPHA;
import static dev.simstack.core.accounts.AccountClients.BETA;
import static dev.simstack.core.AwsErrorChecks.error;
import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.iam.IamClient;
import software.amazon.awssdk.services.iam.model.AccessKey;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sts.StsClient;

/**
 * Where one account reaches into another: without resource policies AWS refuses it, bucket names are
 * global, unsigned requests act in the account of what they name, and an IAM user's key acts in its account.
 */
class CrossAccountTest {

    private static Stack stack;

    @BeforeAll
    static void start() {
        stack = StackConfig.defaults().withSeed(23).start();
    }

    @AfterAll
    static void stop() {
        stack.close();
    }

    @Test
    void sending_to_another_accounts_queue_url_is_access_denied() {
        try (SqsClient alpha = AccountClients.sqs(stack, ALPHA); SqsClient beta = AccountClients.sqs(stack, BETA)) {
            String alphaUrl = alpha.createQueue(b -> b.queueName("private")).queueUrl();

            assertThat(error(() -> beta.sendMessage(b -> b.queueUrl(alphaUrl).messageBody("intrusion")),
                    "AccessDenied", 403).awsErrorDetails().errorMessage())
                    .isEqualTo("Access to the resource " + alphaUrl + " is denied.");
            assertThat(alpha.receiveMessage(b -> b.queueUrl(alphaUrl)).messages()).isEmpty();
        }
    }

    @Test
    void another_accounts_table_arn_is_not_authorized() {
        try (DynamoDbClient alpha = AccountClients.dynamo(stack, ALPHA);
                DynamoDbClient beta = AccountClients.dynamo(stack, BETA)) {
            String arn = alpha.createTable(b -> b.tableName("ledger")
                    .keySchema(k -> k.attributeName("id").keyType(KeyType.HASH))
                    .attributeDefinitions(a -> a.attributeName("id").attributeType(ScalarAttributeType.S))
                    .billingMode("PAY_PER_REQUEST")).tableDescription().tableArn();

            assertThat(error(() -> beta.putItem(b -> b.tableName(arn).item(Map.of("id", AttributeValue.fromS("x")))),
                    "AccessDeniedException", 400).awsErrorDetails().errorMessage())
                    .isEqualTo("User: arn:aws:iam::222222222222:root is not authorized to perform: dynamodb:PutItem"
                            + " on resource: " + arn + " because no resource-based policy allows the dynamodb:PutItem"
                            + " action");
        }
    }

    @Test
    void a_bucket_name_is_global_another_account_can_neither_take_nor_read_it() {
        try (S3Client alpha = AccountClients.s3(stack, ALPHA); S3Client beta = AccountClients.s3(stack, BETA)) {
            alpha.createBucket(b -> b.bucket("alpha-reports"));
            alpha.putObject(b -> b.bucket("alpha-reports").key("q1.txt"), RequestBody.fromString("revenue"));

            assertThat(error(() -> beta.createBucket(b -> b.bucket("alpha-reports")), "BucketAlreadyExists", 409)
                    .awsErrorDetails().errorMessage()).isEqualTo("The requested bucket name is not available. The"
                            + " bucket namespace is shared by all users of the system. Please select a different name"
                            + " and try again.");
            error(() -> beta.getObjectAsBytes(b -> b.bucket("alpha-reports").key("q1.txt")), "AccessDenied", 403);
            assertThat(beta.listBuckets().buckets()).isEmpty();
            assertThat(alpha.listBuckets().buckets()).extracting(bucket -> bucket.name())
                    .containsExactly("alpha-reports");
        }
    }

    @Test
    void an_unsigned_request_acts_in_the_account_its_queue_url_names() throws Exception {
        try (SqsClient alpha = AccountClients.sqs(stack, ALPHA)) {
            String url = alpha.createQueue(b -> b.queueName("curl-fed")).queueUrl();
            HttpRequest send = HttpRequest.newBuilder(URI.create(url))
                    .header("Content-Type", "application/x-www-form-urlencoded")
                    .POST(HttpRequest.BodyPublishers.ofString("Action=SendMessage&MessageBody=plain")).build();

            HttpResponse<String> answer = HttpClient.newHttpClient().send(send, HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).as(answer.body()).isEqualTo(200);
            assertThat(alpha.receiveMessage(b -> b.queueUrl(url)).messages()).singleElement()
                    .satisfies(message -> assertThat(message.body()).isEqualTo("plain"));
        }
    }

    @Test
    void an_iam_users_access_key_acts_in_the_account_that_created_it() {
        try (IamClient iam = AccountClients.iam(stack, ALPHA)) {
            iam.createUser(b -> b.userName("deployer"));
            AccessKey key = iam.createAccessKey(b -> b.userName("deployer")).accessKey();

            try (SqsClient deployer = AccountClients.sqs(stack, key.accessKeyId());
                    StsClient sts = AccountClients.sts(stack, key.accessKeyId())) {
                assertThat(deployer.createQueue(b -> b.queueName("deploys")).queueUrl())
                        .endsWith("/111111111111/deploys");
                assertThat(sts.getCallerIdentity().arn()).isEqualTo("arn:aws:iam::111111111111:user/deployer");
            }
        }
    }

    @Test
    void cloudformation_answers_in_the_default_account_only() {
        // A template's resources are made through the default account's calls: another account is told so.
        try (var beta = software.amazon.awssdk.services.cloudformation.CloudFormationClient.builder()
                .endpointOverride(stack.endpoint()).region(software.amazon.awssdk.regions.Region.US_EAST_1)
                .credentialsProvider(AccountClients.key(BETA)).build()) {
            assertThat(error(beta::listStacks, "UnsupportedOperation", 400).awsErrorDetails().errorMessage())
                    .isEqualTo("SimStack serves cloudformation in the stack's default account (000000000000) only,"
                            + " not in account 222222222222: sign the request with a key of the default account (its"
                            + " id, or any key that is not twelve digits).");
        }
    }
}
