package dev.simstack.junit.backends;

import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.junit.SimStackClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * Another SimStack stack on a socket, standing in for a remote endpoint (a launcher, LocalStack, an AWS
 * account): what the backends create on it and leave behind is read through its own SDK clients.
 */
final class StandIn implements AutoCloseable {

    private final Stack stack = StackConfig.defaults().start();
    private final SqsClient sqs = SimStackClients.configure(SqsClient.builder(), stack).build();
    private final DynamoDbClient dynamo = SimStackClients.configure(DynamoDbClient.builder(), stack).build();
    private final S3Client s3 = SimStackClients.configure(S3Client.builder(), stack).build();

    String endpoint() {
        return stack.endpoint().toString();
    }

    /** The configuration that points the ENDPOINT backend at the stand-in. */
    Map<String, String> asEndpoint() {
        return Map.of("simstack.backend", "endpoint", "simstack.endpoint", endpoint());
    }

    /** Every queue, table and bucket the stand-in holds, e.g. {@code queue orders}. */
    List<String> resources() {
        List<String> all = new ArrayList<>();
        sqs.listQueues().queueUrls().forEach(url -> all.add("queue " + url.substring(url.lastIndexOf('/') + 1)));
        dynamo.listTables().tableNames().forEach(name -> all.add("table " + name));
        s3.listBuckets().buckets().forEach(bucket -> all.add("bucket " + bucket.name()));
        return all;
    }

    /** The requests of {@code operation} that reached the stand-in, e.g. {@code SendMessage}. */
    long requests(String operation) {
        return stack.ledger().entries(LedgerEntry.Request.class).stream()
                .filter(request -> request.operation().equals(operation)).count();
    }

    /** The keys of the items written to the stand-in's tables, in the order they were written. */
    List<String> writtenKeys() {
        return stack.ledger().entries(LedgerEntry.ItemWrite.class).stream().map(LedgerEntry.ItemWrite::key).toList();
    }

    @Override
    public void close() {
        sqs.close();
        dynamo.close();
        s3.close();
        stack.close();
    }
}
