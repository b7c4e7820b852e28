package dev.simstack.core.dynamodb;

import static dev.simstack.core.dynamodb.DynamoDbTestSupport.def;
import static dev.simstack.core.dynamodb.DynamoDbTestSupport.hash;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.DynamoDbException;
import software.amazon.awssdk.services.dynamodb.model.GetResourcePolicyResponse;
import software.amazon.awssdk.services.dynamodb.model.PolicyNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ResourceNotFoundException;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.dynamodb.model.StreamViewType;

/**
 * Resource-based policies on tables and streams: stored with revision ids, validated with AWS's messages,
 * conditional on {@code ExpectedRevisionId}; not enforced.
 */
class ResourcePolicyTest {

    private static final String INVALID = "One or more parameter values were invalid: Invalid policy document: ";
    private static DynamoDbTestSupport support;

    @BeforeAll
    static void start() {
        support = DynamoDbTestSupport.start();
    }

    @AfterAll
    static void stop() {
        support.close();
    }

    @Test
    void a_policy_put_is_answered_by_get_with_its_revision_id_the_clock_and_without_whitespace() {
        String arn = table("policed");
        support.stack.clock().advance(Duration.ofHours(1)); // later than every revision the other tests made

        String revision = support.dynamo.putResourcePolicy(b -> b.resourceArn(arn).policy(policy("dynamodb:*")))
                .revisionId();
        GetResourcePolicyResponse got = support.dynamo.getResourcePolicy(b -> b.resourceArn(arn));

        assertThat(got.revisionId()).isEqualTo(revision)
                .isEqualTo(Long.toString(support.stack.clock().now().toEpochMilli()));
        assertThat(got.policy()).isEqualTo(policy("dynamodb:*").replace(" ", ""));
    }

    @Test
    void the_same_policy_keeps_its_revision_and_another_gets_a_greater_one() {
        String arn = table("revised");
        String first = put(arn, "dynamodb:*", null);

        String same = put(arn, "dynamodb:*", null);
        String other = put(arn, "dynamodb:PutItem", null);

        assertThat(same).isEqualTo(first);
        assertThat(Long.parseLong(other)).isGreaterThan(Long.parseLong(first));
    }

    @Test
    void expected_revision_id_must_be_the_current_one() {
        String arn = table("guarded");
        String first = put(arn, "dynamodb:*", null);
        String second = put(arn, "dynamodb:PutItem", first);

        policyNotFound(() -> put(arn, "dynamodb:GetItem", first), "Resource-based policy not found for the provided "
                + "ResourceArn: Requested update for policy with revision id " + first + ", but the policy associated to "
                + "target table guarded has revision id " + second + ".");
        assertThat(support.dynamo.getResourcePolicy(b -> b.resourceArn(arn)).revisionId()).isEqualTo(second);
    }

    @Test
    void no_policy_as_the_expected_revision_puts_only_when_there_is_none() {
        String arn = table("fresh");
        String first = put(arn, "dynamodb:*", "NO_POLICY");

        policyNotFound(() -> put(arn, "dynamodb:GetItem", "NO_POLICY"), "Resource-based policy not found for the "
                + "provided ResourceArn: Requested policy update expecting none to be present for table fresh, but a "
                + "policy exists with revision id " + first + ".");
    }

    @Test
    void a_table_without_a_policy_answers_policy_not_found() {
        String arn = table("bare");

        policyNotFound(() -> support.dynamo.getResourcePolicy(b -> b.resourceArn(arn)),
                "Resource-based policy not found for the provided ResourceArn: " + arn);
        policyNotFound(() -> support.dynamo.deleteResourcePolicy(b -> b.resourceArn(arn)),
                "Resource-based policy not found for the provided ResourceArn: " + arn);
    }

    @Test
    void delete_answers_the_deleted_revision_and_checks_the_expected_one() {
        String arn = table("dropped");
        String old = put(arn, "dynamodb:*", null);
        String current = put(arn, "dynamodb:PutItem", null);

        policyNotFound(() -> support.dynamo.deleteResourcePolicy(b -> b.resourceArn(arn).expectedRevisionId(old)),
                "Resource-based policy not found for the provided ResourceArn: Requested update for policy with revision "
                        + "id " + old + ", but the policy associated to target table dropped has revision id " + current
                        + ".");
        String deleted = support.dynamo.deleteResourcePolicy(b -> b.resourceArn(arn).expectedRevisionId(current))
                .revisionId();

        assertThat(deleted).isEqualTo(current);
        assertThatThrownBy(() -> support.dynamo.getResourcePolicy(b -> b.resourceArn(arn)))
                .isInstanceOf(PolicyNotFoundException.class);
    }

    @Test
    void an_unknown_table_is_resource_not_found() {
        String arn = table("known") + "_";

        assertThatThrownBy(() -> put(arn, "dynamodb:*", null)).isInstanceOfSatisfying(ResourceNotFoundException.class,
                e -> assertThat(e.awsErrorDetails().errorMessage())
                        .isEqualTo("Requested resource not found: Table: known_ not found"));
    }

    @Test
    void a_stream_has_a_policy_of_its_own() {
        support.dynamo.createTable(b -> b.tableName("streamed").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("id", ScalarAttributeType.S)).keySchema(hash("id"))
                .streamSpecification(s -> s.streamEnabled(true).streamViewType(StreamViewType.NEW_IMAGE)));
        String stream = support.dynamo.describeTable(b -> b.tableName("streamed")).table().latestStreamArn();
        String table = support.dynamo.describeTable(b -> b.tableName("streamed")).table().tableArn();

        String revision = put(stream, "dynamodb:GetRecords", null);

        assertThat(support.dynamo.getResourcePolicy(b -> b.resourceArn(stream)).revisionId()).isEqualTo(revision);
        assertThatThrownBy(() -> support.dynamo.getResourcePolicy(b -> b.resourceArn(table)))
                .isInstanceOf(PolicyNotFoundException.class);
        assertThatThrownBy(() -> support.dynamo.getResourcePolicy(b -> b.resourceArn(table + "/stream/2000-01-01")))
                .isInstanceOfSatisfying(ResourceNotFoundException.class, e -> assertThat(e.awsErrorDetails()
                        .errorMessage()).isEqualTo("Requested resource not found: Stream: " + table
                        + "/stream/2000-01-01 not found"));
    }

    @Test
    void create_table_attaches_its_resource_policy() {
        support.stack.clock().advance(Duration.ofSeconds(1));
        support.dynamo.createTable(b -> b.tableName("born").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("id", ScalarAttributeType.S)).keySchema(hash("id"))
                .resourcePolicy(policy("dynamodb:GetItem")));
        String arn = support.dynamo.describeTable(b -> b.tableName("born")).table().tableArn();

        assertThat(support.dynamo.getResourcePolicy(b -> b.resourceArn(arn)).policy())
                .contains("\"dynamodb:GetItem\"");
    }

    @Test
    void create_table_with_an_invalid_policy_creates_no_table() {
        invalid(() -> support.dynamo.createTable(b -> b.tableName("unborn").billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("id", ScalarAttributeType.S)).keySchema(hash("id")).resourcePolicy("{")),
                INVALID + "This policy contains invalid Json");

        assertThat(support.dynamo.listTables().tableNames()).doesNotContain("unborn");
    }

    @Test
    void policy_documents_are_checked_with_aws_messages() {
        String arn = table("checked");
        String statement = "{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": \"123456789012\"}, \"Action\": "
                + "\"dynamodb:GetItem\", \"Resource\": \"*\"}";

        invalid(() -> putText(arn, "{not json"), INVALID + "This policy contains invalid Json");
        invalid(() -> putText(arn, ""), INVALID + "This policy contains invalid Json");
        invalid(() -> putText(arn, "[]"), INVALID + "This policy contains invalid Json");
        invalid(() -> putText(arn, "null"), INVALID + "This text appears not to be a policy");
        invalid(() -> putText(arn, "{}"), INVALID + "Syntax error at position (1,3)");
        invalid(() -> putText(arn, "{\"Statement\": []}"), INVALID + "Could not parse the policy: Statement is empty!");
        invalid(() -> putText(arn, "{\"Statement\": [{}]}"), INVALID + "Missing required field Effect");
        invalid(() -> putText(arn, "{\"Statement\": [" + statement.replace(", \"Resource\": \"*\"", "") + "]}"),
                INVALID + "Missing required field Resource");
        invalid(() -> putText(arn, "{\"Statement\": [" + statement.replace("{\"Effect\"", "{\"Sid\": \"a\", \"Effect\"")
                + ", " + statement.replace("{\"Effect\"", "{\"Sid\": \"a\", \"Effect\"") + "]}"),
                INVALID + "The Statement Ids in the policy are not unique");
        invalid(() -> putText(arn, "{\"Statement\": [" + statement.replace("\"123456789012\"", "\"*\"") + "]}"),
                "Resource-based policy grants unbounded access in one or more elements. Please revise the policy to "
                        + "ensure least-privilege form of access");
        invalid(() -> putText(arn, "{\"Statement\": [" + statement + "]}" + " ".repeat(20480)),
                "One or more parameter values were invalid: Maximum policy size of 20480 bytes exceeded");
    }

    private static String table(String name) {
        return support.dynamo.createTable(b -> b.tableName(name).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(def("id", ScalarAttributeType.S)).keySchema(hash("id"))).tableDescription()
                .tableArn();
    }

    private static String policy(String action) {
        return "{\"Version\": \"2012-10-17\", \"Statement\": [{\"Effect\": \"Allow\", \"Principal\": {\"AWS\": "
                + "\"arn:aws:iam::000000000000:role/reader\"}, \"Action\": [\"" + action + "\"], \"Resource\": \"*\"}]}";
    }

    private static String put(String arn, String action, String expected) {
        return support.dynamo.putResourcePolicy(b -> b.resourceArn(arn).policy(policy(action))
                .expectedRevisionId(expected)).revisionId();
    }

    private static void putText(String arn, String text) {
        support.dynamo.putResourcePolicy(b -> b.resourceArn(arn).policy(text));
    }

    private static void policyNotFound(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(PolicyNotFoundException.class, e -> {
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
            assertThat(e.statusCode()).isEqualTo(400);
        });
    }

    private static void invalid(ThrowingCallable call, String message) {
        assertThatThrownBy(call).isInstanceOfSatisfying(DynamoDbException.class, e -> {
            assertThat(e.awsErrorDetails().errorCode()).isEqualTo("ValidationException");
            assertThat(e.awsErrorDetails().errorMessage()).isEqualTo(message);
            assertThat(e.statusCode()).isEqualTo(400);
        });
    }
}
