package com.example.orders;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.util.List;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.util.VersionInfo;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

class OrdersQueueTest {

    @Test
    void an_order_sent_to_the_queue_is_received_from_it() {
        try (Stack stack = StackConfig.defaults().withQueue(QueueSpec.named("orders")).start();
             SqsClient sqs = SqsClient.builder()
                     .endpointOverride(stack.endpoint())
                     .region(Region.US_EAST_1)
                     .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                     .build()) {

            String url = stack.queue("orders").url();
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("{\"orderId\":1}"));
            List<Message> received = sqs.receiveMessage(b -> b.queueUrl(url)).messages();

            assertEquals(1, received.size());
            assertEquals("{\"orderId\":1}", received.get(0).body());
        }
    }

    @Test
    void the_sdk_on_the_class_path_is_the_one_the_build_asked_for() {
        // Each run of this example picks an SDK version (invoker.properties); this shows it took effect.
        assertEquals(System.getProperty("expected.aws.sdk.version"), VersionInfo.SDK_VERSION);
    }
}
