package dev.simstack.core.sqs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.services.sqs.model.OverLimitException;
import software.amazon.awssdk.services.sqs.model.QueueAttributeName;
import software.amazon.awssdk.services.sqs.model.SqsException;

/** AddPermission and RemovePermission: the Policy statement SQS writes for a label, and their refusals. */
class QueuePermissionsTest {

    private final SqsTestSupport s = SqsTestSupport.start();
    private final String url = s.createQueue("orders");
    private final String arn = s.arn(url);

    @AfterEach
    void close() {
        s.close();
    }

    private static void assertRefused(ThrowingCallable call, int status, String code, String message) {
        assertThatThrownBy(call).isInstanceOf(SqsException.class).satisfies(e -> {
            SqsException error = (SqsException) e;
            assertThat(error.statusCode()).isEqualTo(status);
            assertThat(error.awsErrorDetails().errorCode()).isEqualTo(code);
            assertThat(error.awsErrorDetails().errorMessage()).isEqualTo(message);
        });
    }

    @Test
    void a_new_queue_has_no_policy_attribute() {
        assertThat(s.sqs.getQueueAttributes(b -> b.queueUrl(url).attributeNames(QueueAttributeName.ALL))
                .attributes()).doesNotContainKey(QueueAttributeName.POLICY);
    }

    @Test
    void add_permission_writes_one_statement_per_label_as_sqs_does() {
        s.sqs.addPermission(b -> b.queueUrl(url).label("send").awsAccountIds("111122223333").actions("SendMessage"));
        s.sqs.addPermission(b -> b.queueUrl(url).label("consume").awsAccountIds("111122223333", "444455556666")
                .actions("ReceiveMessage", "DeleteMessage"));
        assertThat(s.attribute(url, QueueAttributeName.POLICY)).isEqualTo("{\"Version\":\"2012-10-17\",\"Id\":\""
                + arn + "/SQSDefaultPolicy\",\"Statement\":[{\"Sid\":\"send\",\"Effect\":\"Allow\",\"Principal\":"
                + "{\"AWS\":\"arn:aws:iam::111122223333:root\"},\"Action\":\"SQS:SendMessage\",\"Resource\":\"" + arn
                + "\"},{\"Sid\":\"consume\",\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"arn:aws:iam::111122223333:"
                + "root\",\"arn:aws:iam::444455556666:root\"]},\"Action\":[\"SQS:ReceiveMessage\",\"SQS:DeleteMessage\"],"
                + "\"Resource\":\"" + arn + "\"}]}");
    }

    @Test
    void remove_permission_drops_the_label_and_the_last_one_the_policy() {
        s.sqs.addPermission(b -> b.queueUrl(url).label("a").awsAccountIds("111122223333").actions("*"));
        s.sqs.addPermission(b -> b.queueUrl(url).label("b").awsAccountIds("111122223333").actions("PurgeQueue"));
        s.sqs.removePermission(b -> b.queueUrl(url).label("a"));
        assertThat(s.attribute(url, QueueAttributeName.POLICY)).doesNotContain("\"Sid\":\"a\"")
                .contains("\"Sid\":\"b\"");
        s.sqs.removePermission(b -> b.queueUrl(url).label("b"));
        assertThat(s.attribute(url, QueueAttributeName.POLICY)).isNull();
        assertRefused(() -> s.sqs.removePermission(b -> b.queueUrl(url).label("b")), 400, "InvalidParameterValue",
                "Value b for parameter Label is invalid. Reason: can't find label on existing policy.");
    }

    @Test
    void add_permission_refuses_a_label_that_exists() {
        s.sqs.addPermission(b -> b.queueUrl(url).label("send").awsAccountIds("111122223333").actions("SendMessage"));
        assertRefused(() -> s.sqs.addPermission(b -> b.queueUrl(url).label("send").awsAccountIds("111122223333")
                .actions("ReceiveMessage")), 400, "InvalidParameterValue",
                "Value send for parameter Label is invalid. Reason: Already exists.");
    }

    @Test
    void add_permission_refuses_missing_principals_and_actions() {
        assertRefused(() -> s.sqs.addPermission(b -> b.queueUrl(url).label("l").awsAccountIds("111122223333")),
                400, "MissingParameter", "The request must contain the parameter Actions.");
        assertRefused(() -> s.sqs.addPermission(b -> b.queueUrl(url).label("l").actions("SendMessage")),
                400, "InvalidParameterValue", "Value [] for parameter PrincipalId is invalid. Reason: Unable to verify.");
    }

    @Test
    void add_permission_allows_at_most_seven_actions_and_only_shareable_ones() {
        assertThatThrownBy(() -> s.sqs.addPermission(b -> b.queueUrl(url).label("l").awsAccountIds("111122223333")
                .actions("SendMessage", "ReceiveMessage", "DeleteMessage", "ChangeMessageVisibility",
                        "GetQueueAttributes", "GetQueueUrl", "PurgeQueue", "ListDeadLetterSourceQueues")))
                .isInstanceOf(OverLimitException.class);
        assertRefused(() -> s.sqs.addPermission(b -> b.queueUrl(url).label("l").awsAccountIds("111122223333")
                .actions("SendMessage", "ReceiveMessage", "DeleteMessage", "ChangeMessageVisibility",
                        "GetQueueAttributes", "GetQueueUrl", "PurgeQueue", "ListDeadLetterSourceQueues")),
                403, "OverLimit", "8 Actions were found, maximum allowed is 7.");
        assertRefused(() -> s.sqs.addPermission(b -> b.queueUrl(url).label("l").awsAccountIds("111122223333")
                .actions("SendMessage", "SetQueueAttributes")), 400, "InvalidParameterValue",
                "Value SQS:SetQueueAttributes for parameter ActionName is invalid. Reason: Only the queue owner is "
                        + "allowed to invoke this action.");
        assertThat(s.attribute(url, QueueAttributeName.POLICY)).isNull();
    }
}
