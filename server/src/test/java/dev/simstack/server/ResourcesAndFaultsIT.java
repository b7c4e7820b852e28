package dev.simstack.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.RequestThrottledException;

/** The launcher's --template, --init and --faults, through the shaded jar and the SDK. */
class ResourcesAndFaultsIT {

    @Test
    void templateAndInitResourcesExistAndThePlanFaultsCallsAfterStartUp(@TempDir Path dir) throws Exception {
        Path template = Files.writeString(dir.resolve("template.yaml"), """
                Resources:
                  Orders:
                    Type: AWS::SQS::Queue
                    Properties:
                      QueueName: orders
                      VisibilityTimeout: 60
                """);
        Path init = Files.createDirectory(dir.resolve("init"));
        Files.writeString(init.resolve("10-queues.yaml"), "queues: [audit]\n");
        Files.writeString(init.resolve("README.txt"), "not applied\n");
        Path plan = Files.writeString(dir.resolve("faults.yaml"), """
                faults:
                  - {service: sqs, operation: SendMessage, resource: orders, error: throttle}
                """);
        try (LaunchedServer server = LaunchedServer.start("--port", "0", "--template", template.toString(),
                "--init", init.toString(), "--faults", plan.toString());
                SqsClient sqs = SqsClient.builder().endpointOverride(server.endpoint).region(Region.US_EAST_1)
                        .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("k", "s")))
                        .overrideConfiguration(o -> o.retryStrategy(r -> r.maxAttempts(1))).build()) {
            assertThat(sqs.listQueues().queueUrls()).hasSize(2);
            String orders = sqs.getQueueUrl(b -> b.queueName("orders")).queueUrl();
            assertThat(sqs.getQueueAttributes(b -> b.queueUrl(orders).attributeNamesWithStrings("VisibilityTimeout"))
                    .attributesAsStrings()).containsEntry("VisibilityTimeout", "60");
            assertThatThrownBy(() -> sqs.sendMessage(b -> b.queueUrl(orders).messageBody("x")))
                    .isInstanceOf(RequestThrottledException.class);
            String audit = sqs.getQueueUrl(b -> b.queueName("audit")).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(audit).messageBody("x"));
            assertThat(server.output()).contains("created AWS::SQS::Queue Orders").contains("Fault plan active");
        }
    }

    @Test
    void aBadTemplateStopsTheLauncherWithTheReason(@TempDir Path dir) throws Exception {
        Path template = Files.writeString(dir.resolve("bad.yaml"), """
                Resources:
                  Topic:
                    Type: AWS::SNS::Topic
                """);
        assertThat(Launcher.run("--port", "0", "--template", template.toString())).isEqualTo(2);
    }
}
