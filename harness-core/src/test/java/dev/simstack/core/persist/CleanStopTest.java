package dev.simstack.core.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.DataDirectory;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The clean stop closes the port, saves, then closes the stack: the last write before it is kept. */
class CleanStopTest {

    @TempDir
    Path dir;

    @Test
    void save_and_close_keeps_the_last_acknowledged_write() {
        DataDirectory data = DataDirectory.open(dir);
        Stack stack = data.start(StackConfig.defaults(), System.err::println);
        try (SqsClient sqs = Clients.sqs(stack)) {
            String url = sqs.createQueue(b -> b.queueName("kept")).queueUrl();
            sqs.sendMessage(b -> b.queueUrl(url).messageBody("last"));
        }
        DataDirectory.Saved saved = data.saveAndClose(stack);

        assertThat(stack.isRunning()).isFalse();
        assertThat(saved.counts()).contains("1 queues", "1 messages");
        try (Stack again = data.start(StackConfig.defaults(), System.err::println)) {
            assertThat(data.loaded()).hasValueSatisfying(l -> assertThat(l.counts()).contains("1 messages"));
        }
    }
}
