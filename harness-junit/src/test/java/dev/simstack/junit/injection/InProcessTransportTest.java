package dev.simstack.junit.injection;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.simstack.core.Stack;
import dev.simstack.junit.Bucket;
import dev.simstack.junit.Queue;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.SimStackClients;
import dev.simstack.junit.Transport;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsAsyncClient;
import software.amazon.awssdk.services.sqs.SqsClient;

@SimStack(transport = Transport.IN_PROCESS, queues = @Queue(name = "orders"), buckets = @Bucket(name = "receipts"))
class InProcessTransportTest {

    @Test
    void injected_clients_of_an_in_process_stack_reach_it_without_a_connection_to_its_port(Stack stack, SqsClient sqs,
            SqsAsyncClient sqsAsync, S3Client s3) throws IOException {
        assumeTrue(Files.isReadable(Path.of("/proc/net/tcp")), "counts connections in /proc/net/tcp (Linux)");

        sqs.sendMessage(b -> b.queueUrl(stack.queue("orders").url()).messageBody("{\"order\":1}"));
        sqsAsync.sendMessage(b -> b.queueUrl(stack.queue("orders").url()).messageBody("{\"order\":2}")).join();
        s3.putObject(b -> b.bucket("receipts").key("r-1"), RequestBody.fromString("paid"));

        assertThat(stack.queue("orders").depth().visible()).isEqualTo(2);
        assertThat(s3.getObjectAsBytes(b -> b.bucket("receipts").key("r-1")).asUtf8String()).isEqualTo("paid");
        assertThat(connectionsTo(stack.port())).isZero();
        try (SqsClient overTheSocket = SimStackClients.configure(SqsClient.builder(), stack).build()) {
            overTheSocket.getQueueUrl(b -> b.queueName("orders"));
            assertThat(connectionsTo(stack.port())).isPositive(); // the count sees a pooled connection
        }
    }

    /** Established TCP connections with {@code port} at either end (a loopback connection shows both ends). */
    private static long connectionsTo(int port) throws IOException {
        String hexPort = String.format(Locale.ROOT, ":%04X", port);
        long count = 0;
        for (String table : List.of("/proc/net/tcp", "/proc/net/tcp6")) {
            Path file = Path.of(table);
            if (Files.isReadable(file)) {
                count += Files.readAllLines(file).stream().skip(1).map(String::trim).map(line -> line.split("\\s+"))
                        .filter(fields -> fields[3].equals("01"))
                        .filter(fields -> fields[1].endsWith(hexPort) || fields[2].endsWith(hexPort)).count();
            }
        }
        return count;
    }
}
