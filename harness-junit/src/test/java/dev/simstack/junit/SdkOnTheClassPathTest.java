package dev.simstack.junit;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.util.VersionInfo;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/**
 * The module's tests also run against the newest SDK v2 ({@code -Daws.sdk.version=..}, see {@code .ci/run}):
 * this shows that such a run really puts that SDK on the class path and that its clients talk to a stack.
 */
class SdkOnTheClassPathTest {

    @Test
    void the_sdk_on_the_test_class_path_is_the_version_the_build_asked_for() throws ReflectiveOperationException {
        // Read reflectively: javac copies the constant into this class, so it would tell the compile-time SDK.
        Object running = VersionInfo.class.getField("SDK_VERSION").get(null);

        assertThat(running).isEqualTo(System.getProperty("expected.aws.sdk.version"));
    }

    @Test
    void a_client_of_that_sdk_sends_and_receives_through_a_stack() {
        try (Stack stack = StackConfig.defaults().withQueue(QueueSpec.named("orders")).start();
             SqsClient sqs = SqsClient.builder()
                     .endpointOverride(stack.endpoint())
                     .region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                     .build()) {

            String url = stack.queue("orders").url();
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("{\"orderId\":1}"));

            assertThat(sqs.receiveMessage(b -> b.queueUrl(url)).messages())
                    .extracting(Message::body).containsExactly("{\"orderId\":1}");
        }
    }
}
