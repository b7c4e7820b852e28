package dev.simstack.core.ledger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.Ledger;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.apache.ApacheHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * {@code StackConfig.withLedgerLimit}: a full ledger evicts its oldest entries, counts them, keeps numbering,
 * and says so to any check that needs the whole record. Traffic through the real SDK clients.
 */
class LedgerLimitTest {

    private static final StackConfig MANUAL = StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(8);

    @Test
    void a_full_ledger_evicts_its_oldest_entries_in_order_and_subscribers_still_see_every_entry() throws Exception {
        try (Stack stack = MANUAL.withLedgerLimit(5).start(); SqsClient sqs = sqs(stack)) {
            List<LedgerEntry> seen = Collections.synchronizedList(new ArrayList<>());
            Ledger ledger = stack.ledger();
            try (AutoCloseable subscription = ledger.subscribe(seen::add)) {
                send(sqs, 6); // CreateQueue's Request, then a Message (SENT) and a Request per send
            }

            assertThat(seen).hasSize(13);
            assertThat(ledger.size()).isEqualTo(5);
            assertThat(ledger.limit()).isEqualTo(5);
            assertThat(ledger.evicted()).isEqualTo(8);
            assertThat(ledger.entries()).containsExactlyElementsOf(seen.subList(8, 13));
        }
    }

    @Test
    void sequence_numbers_go_on_across_evictions_without_gaps_among_the_kept() {
        try (Stack stack = MANUAL.withLedgerLimit(4).start(); SqsClient sqs = sqs(stack)) {
            send(sqs, 10);

            long total = stack.ledger().evicted() + stack.ledger().size();
            assertThat(stack.ledger().entries()).extracting(LedgerEntry::sequence)
                    .containsExactlyElementsOf(LongStream.range(total - 4, total).boxed().toList());
        }
    }

    @Test
    void entries_of_a_kind_are_the_kept_ones_of_that_kind() {
        try (Stack stack = StackConfig.defaults().withClock(ClockSpec.manual()).withLedgerLimit(6).start();
                DynamoDbClient dynamo = dynamo(stack)) {
            dynamo.createTable(b -> b.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
            for (int i = 0; i < 10; i++) {
                String id = "o-" + i;
                dynamo.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS(id))));
            }

            // each PutItem leaves an ItemWrite and a Request: the newest 6 entries are the last 3 puts'
            assertThat(stack.ledger().entries(LedgerEntry.ItemWrite.class)).extracting(LedgerEntry.ItemWrite::key)
                    .containsExactly("id=o-7", "id=o-8", "id=o-9");
            assertThat(stack.ledger().entries(LedgerEntry.Request.class)).extracting(LedgerEntry.Request::operation)
                    .containsExactly("PutItem", "PutItem", "PutItem");
            assertThat(stack.ledger().evicted()).isEqualTo(15); // CreateTable's request and 7 puts' two entries
        }
    }

    @Test
    void racing_traffic_of_every_kind_keeps_sequence_numbers_dense_and_ordered_across_evictions() throws Exception {
        try (Stack stack = MANUAL.withLedgerLimit(50).start(); SqsClient sqs = sqs(stack);
                DynamoDbClient dynamo = dynamo(stack); S3Client s3 = s3(stack)) {
            String url = sqs.createQueue(b -> b.queueName("orders")).queueUrl();
            dynamo.createTable(b -> b.tableName("orders").billingMode(BillingMode.PAY_PER_REQUEST)
                    .attributeDefinitions(AttributeDefinition.builder().attributeName("id")
                            .attributeType(ScalarAttributeType.S).build())
                    .keySchema(KeySchemaElement.builder().attributeName("id").keyType(KeyType.HASH).build()));
            s3.createBucket(b -> b.bucket("receipts"));
            Set<Long> published = ConcurrentHashMap.newKeySet();
            Set<String> kindsPublished = ConcurrentHashMap.newKeySet();
            List<Runnable> kinds = List.of(
                    () -> sqs.sendMessage(b -> b.queueUrl(url).messageBody("m")),
                    () -> dynamo.putItem(b -> b.tableName("orders").item(Map.of("id", AttributeValue.fromS("o")))),
                    () -> s3.putObject(b -> b.bucket("receipts").key("r"), RequestBody.fromString("r")));
            ExecutorService pool = Executors.newFixedThreadPool(kinds.size());
            try (AutoCloseable subscription = stack.ledger().subscribe(entry -> {
                published.add(entry.sequence());
                kindsPublished.add(entry.getClass().getSimpleName());
            })) {
                List<Future<?>> writers = new ArrayList<>();
                for (Runnable kind : kinds) {
                    writers.add(pool.submit(() -> IntStream.range(0, 40).forEach(i -> kind.run())));
                }
                for (Future<?> writer : writers) {
                    writer.get();
                }
            } finally {
                pool.shutdownNow();
            }

            Ledger ledger = stack.ledger();
            long total = ledger.evicted() + ledger.size();
            assertThat(ledger.entries()).extracting(LedgerEntry::sequence)
                    .containsExactlyElementsOf(LongStream.range(total - 50, total).boxed().toList());
            assertThat(published).hasSize(3 * 40 * 2); // each call: its entry of a kind and its Request
            assertThat(kindsPublished).containsExactlyInAnyOrder("Message", "ItemWrite", "ObjectWrite", "Request");
        }
    }

    @Test
    void require_complete_passes_until_the_first_eviction_then_names_the_limit_the_count_and_the_fix() {
        try (Stack stack = MANUAL.withLedgerLimit(10).start(); SqsClient sqs = sqs(stack)) {
            send(sqs, 4); // 9 entries
            assertThat(stack.ledger().evicted()).isZero();
            assertThatCode(() -> stack.ledger().requireComplete("exactly-once delivery")).doesNotThrowAnyException();

            send(sqs, 2); // 5 more

            assertThatThrownBy(() -> stack.ledger().requireComplete("exactly-once delivery"))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessage("exactly-once delivery needs the whole ledger, but this stack keeps only its newest 10"
                            + " entries and has evicted 4 older ones since it started or was last reset. Raise the"
                            + " limit (StackConfig.withLedgerLimit(n), or --ledger-limit N for the standalone server;"
                            + " 0 keeps every entry), or reset the stack before the traffic the check reads.");
        }
    }

    @Test
    void a_stack_keeps_every_entry_by_default() {
        try (Stack stack = MANUAL.start(); SqsClient sqs = sqs(stack)) {
            send(sqs, 50);

            assertThat(stack.ledger().limit()).isZero();
            assertThat(stack.ledger().evicted()).isZero();
            assertThat(stack.ledger().entries(LedgerEntry.Message.class)).hasSize(50);
            assertThatCode(() -> stack.ledger().requireComplete("the whole record")).doesNotThrowAnyException();
        }
    }

    @Test
    void a_reset_empties_the_ledger_and_zeroes_evicted_while_sequence_numbers_go_on() {
        try (Stack stack = MANUAL.withLedgerLimit(3).start(); SqsClient sqs = sqs(stack)) {
            send(sqs, 4);
            long next = stack.ledger().evicted() + stack.ledger().size();

            stack.reset();

            assertThat(stack.ledger().size()).isZero();
            assertThat(stack.ledger().evicted()).isZero();
            stack.ledger().requireComplete("the record since the reset");
            send(sqs, 1); // the queue again, and one message: 3 entries, the limit
            assertThat(stack.ledger().entries()).extracting(LedgerEntry::sequence)
                    .containsExactly(next, next + 1, next + 2);
            assertThat(stack.ledger().evicted()).isZero();
        }
    }

    @Test
    void a_reset_of_one_service_keeps_the_ledger_and_its_evicted_count() throws Exception {
        try (Stack stack = MANUAL.withLedgerLimit(3).start(); SqsClient sqs = sqs(stack)) {
            send(sqs, 4);
            long evicted = stack.ledger().evicted();

            HttpResponse<String> answer = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
                    URI.create(stack.endpoint() + "/_localstack/state/dynamodb/reset"))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());

            assertThat(answer.statusCode()).isEqualTo(200);
            assertThat(stack.ledger().evicted()).isEqualTo(evicted);
            assertThat(stack.ledger().size()).isEqualTo(3);
            assertThatThrownBy(() -> stack.ledger().requireComplete("at-least-once delivery"))
                    .hasMessageContaining("evicted " + evicted + " older ones");
        }
    }

    @Test
    void the_limit_is_a_positive_number_of_entries_or_zero_for_none() {
        assertThatThrownBy(() -> StackConfig.defaults().withLedgerLimit(-1))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessage("the ledger limit is a number of entries to keep, at least 1, or 0 to keep every entry;"
                        + " got -1");
        StackConfig base = StackConfig.defaults();
        assertThat(base.withLedgerLimit(1).ledgerLimit()).isEqualTo(1);
        assertThat(base.withLedgerLimit(100_000).withLedgerLimit(0).ledgerLimit()).isZero();
        assertThat(base.ledgerLimit()).as("with* returns a new config").isZero();
    }

    /** Creates queue {@code orders} if it is not there (one Request entry), then sends {@code count} messages. */
    private static void send(SqsClient sqs, int count) {
        String url = sqs.createQueue(b -> b.queueName("orders")).queueUrl();
        for (int i = 0; i < count; i++) {
            String body = "order " + i;
            sqs.sendMessage(b -> b.queueUrl(url).messageBody(body));
        }
    }

    private static SqsClient sqs(Stack stack) {
        return SqsClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    private static S3Client s3(Stack stack) {
        return S3Client.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1).forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }

    private static DynamoDbClient dynamo(Stack stack) {
        return DynamoDbClient.builder().endpointOverride(stack.endpoint()).region(Region.US_EAST_1)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("test", "test")))
                .httpClientBuilder(ApacheHttpClient.builder()).build();
    }
}
