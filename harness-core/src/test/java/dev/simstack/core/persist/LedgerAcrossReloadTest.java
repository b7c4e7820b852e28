package dev.simstack.core.persist;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.DataDirectory;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import software.amazon.awssdk.services.sqs.SqsClient;

/** The ledger is not in a snapshot: a reloaded stack starts with an empty, complete one, under its limit. */
class LedgerAcrossReloadTest {

    @TempDir
    Path dir;

    @Test
    void a_reloaded_stack_keeps_the_configured_limit_and_starts_with_nothing_evicted() {
        // a manual clock and no seed: the start resumes both from the snapshot through with*, keeping the limit
        StackConfig config = StackConfig.defaults().withClock(ClockSpec.manual()).withLedgerLimit(3);
        DataDirectory data = DataDirectory.open(dir);
        Stack stack = data.start(config, System.err::println);
        try (SqsClient sqs = Clients.sqs(stack)) {
            String url = sqs.createQueue(b -> b.queueName("kept")).queueUrl();
            for (int i = 0; i < 3; i++) {
                sqs.sendMessage(b -> b.queueUrl(url).messageBody("m"));
            }
        }
        assertThat(stack.ledger().evicted()).isEqualTo(4);
        data.saveAndClose(stack);

        try (Stack again = data.start(config, System.err::println)) {
            assertThat(data.loaded()).hasValueSatisfying(l -> assertThat(l.counts()).contains("3 messages"));
            assertThat(again.ledger().limit()).isEqualTo(3);
            assertThat(again.ledger().evicted()).isZero();
            assertThat(again.ledger().size()).isZero();
        }
    }
}
