package dev.simstack.bench;

import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.util.List;
import software.amazon.awssdk.services.sqs.SqsClient;
import software.amazon.awssdk.services.sqs.model.Message;

/** Whether the engine's SQS is there yet: one send, receive and delete through the SDK. */
final class SqsProbe {

    private SqsProbe() {
    }

    static boolean works() {
        try (Stack stack = StackConfig.defaults().withQueue(QueueSpec.named("q")).start();
                SqsClient sqs = Clients.sqs(stack.endpoint(), 2)) {
            String url = stack.queue("q").url();
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(Payloads.BODY));
            List<Message> received = sqs.receiveMessage(b -> b.queueUrl(url).maxNumberOfMessages(10)).messages();
            if (received.size() != 1 || !received.get(0).body().equals(Payloads.BODY)) {
                System.out.println("SQS answers but received " + received);
                return false;
            }
            sqs.deleteMessage(b -> b.queueUrl(url).receiptHandle(received.get(0).receiptHandle()));
            System.out.println("SQS works: sent, received and deleted one message");
            return true;
        } catch (RuntimeException e) {
            System.out.println("SQS does not work yet: " + e);
            return false;
        }
    }
}
