package dev.simstack.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import dev.simstack.core.ApiSpec;
import dev.simstack.core.ApiSpec.Integration;
import dev.simstack.core.AwsException;
import dev.simstack.core.AwsService;
import dev.simstack.core.CallResult;
import dev.simstack.core.FunctionSpec;
import dev.simstack.core.Interceptor;
import dev.simstack.core.LedgerEntry;
import dev.simstack.core.QueueSpec;
import dev.simstack.core.ServiceCall;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.core.TableSpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The report of a real run: a burst into a throttled API that feeds a queue, a function that stores the orders
 * in a table and fails on a poison one (which ends in the dead-letter queue), and a fault plan throttling every
 * fifth DynamoDB write. The page says what the ledger holds, draws it, and names no address but the stack's own.
 */
class ReportOfARunTest {

    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private static final int BURST = 120;

    @TempDir
    static Path directory;
    static Stack stack;
    static String html;
    static Path file;

    /** Throttles every fifth PutItem the way DynamoDB does, and says so in the ledger and in its toString. */
    static final class EveryFifthPutThrottled implements Interceptor {
        private final AtomicInteger puts = new AtomicInteger();

        @Override
        public CompletionStage<CallResult> intercept(ServiceCall call, Next next) {
            if (call.service() == AwsService.DYNAMODB && call.operation().equals("PutItem")
                    && puts.incrementAndGet() % 5 == 0) {
                call.noteFault("throttle dynamodb:PutItem");
                return CompletableFuture.completedFuture(CallResult.failure(new AwsException(
                        "ProvisionedThroughputExceededException", 400, "Rate of requests exceeds the allowed throughput.")));
            }
            return next.proceed(call);
        }

        @Override
        public String toString() {
            return "FaultPlan[throttle dynamodb:PutItem every 5th call]";
        }
    }

    @org.junit.jupiter.api.AfterAll
    static void close() {
        stack.close();
    }

    @BeforeAll
    static void run() throws Exception {
        stack = StackConfig.defaults().withSeed(11)
                .withQueue(QueueSpec.named("orders-dlq"))
                .withQueue(QueueSpec.named("orders").withAttribute("VisibilityTimeout", "1")
                        .withDeadLetterQueue("orders-dlq", 2))
                .withTable(TableSpec.named("orders").withPartitionKey("id"))
                .withFunction(FunctionSpec.named("store-orders", StoreOrFailHandler.class)
                        .withTimeout(Duration.ofSeconds(10)).withEnvironment("TABLE", "orders")
                        .withSqsEvent("orders", 10))
                .withApi(ApiSpec.rest("ingest").withThrottle(40, 30).withRoute("POST /orders", Integration.sqs("orders")))
                .withInterceptor(new EveryFifthPutThrottled())
                .start();
        URI orders = URI.create(stack.api("ingest").url() + "/orders");
        assertThat(HTTP.send(post(orders, "poison"), HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(200);
        // The poison order alone first: its failed batch goes to the dead-letter queue without healthy orders in it.
        await().atMost(Duration.ofSeconds(20)).until(() -> stack.queue("orders-dlq").depth().total() == 1);
        List<CompletableFuture<HttpResponse<String>>> answers = new ArrayList<>();
        for (int i = 1; i < BURST; i++) {
            answers.add(HTTP.sendAsync(post(orders, "order-" + i), HttpResponse.BodyHandlers.ofString()));
        }
        long accepted = answers.stream().map(CompletableFuture::join).filter(r -> r.statusCode() == 200).count();
        await().atMost(Duration.ofSeconds(30)).until(() -> stack.queue("orders").depth().total() == 0
                && stack.table("orders").items().size() == accepted);
        // A closed stack's ledger holds still, so the page and the assertions read the same entries.
        stack.close();
        file = stack.report(directory.resolve("nested/report.html"));
        html = Files.readString(file, StandardCharsets.UTF_8);
    }

    private static HttpRequest post(URI uri, String body) {
        return HttpRequest.newBuilder(uri).POST(HttpRequest.BodyPublishers.ofString(body)).build();
    }

    @Test
    void the_report_is_written_where_asked_with_its_directories() {
        assertThat(file).isEqualTo(directory.resolve("nested/report.html")).isRegularFile();
        assertThat(html).startsWith("<!DOCTYPE html>").endsWith("</html>\n");
    }

    @Test
    void it_has_every_section() {
        for (String id : List.of("stack", "faults", "resources", "charts", "timeline", "events")) {
            assertThat(html).contains("<section id=\"" + id + "\">");
        }
        for (String chart : List.of("Queue depth", "In-flight messages", "Throttles", "Function concurrency")) {
            assertThat(html).contains("aria-label=\"" + chart + "\"");
        }
    }

    @Test
    void it_names_the_seed_clock_regions_and_endpoint() {
        assertThat(html).contains("seed <b>11</b>")
                .contains("<dt>Seed</dt><dd>11</dd>")
                .contains("<dt>Clock</dt><dd>" + stack.config().clock() + "</dd>")
                .contains("<dt>Regions</dt><dd>us-east-1</dd>")
                .contains("<dt>Endpoint</dt><dd>" + stack.endpoint() + "</dd>");
    }

    @Test
    void it_prints_the_fault_plan_and_counts_the_faults_it_injected() {
        long faulted = stack.ledger().entries(LedgerEntry.Request.class).stream().filter(r -> r.fault() != null).count();
        assertThat(faulted).isPositive();
        assertThat(html).contains("<code>FaultPlan[throttle dynamodb:PutItem every 5th call]</code>")
                .contains("<tr><td>throttle dynamodb:PutItem</td><td class=\"num\">" + faulted + "</td></tr>")
                .contains(tile(faulted, "faults injected"));
    }

    @Test
    void its_counts_are_the_ledgers() {
        List<LedgerEntry.ApiRequest> api = stack.ledger().entries(LedgerEntry.ApiRequest.class);
        long throttledApi = api.stream().filter(LedgerEntry.ApiRequest::throttled).count();
        assertThat(api).hasSize(BURST);
        assertThat(throttledApi).isPositive();
        long dead = stack.ledger().entries(LedgerEntry.Message.class).stream()
                .filter(m -> m.kind() == LedgerEntry.MessageEvent.MOVED_TO_DLQ).count();
        assertThat(html).contains(tile(BURST, "API requests"))
                .contains(tile(stack.ledger().entries(LedgerEntry.Invocation.class).size(), "invocations"))
                .contains(tile(dead, "to DLQ"))
                .contains("throttled (429) " + throttledApi + "</text>")
                .contains("Ledger entries (" + String.format("%,d", stack.ledger().size()) + ")");
    }

    @Test
    void the_diagram_is_svg_and_its_mermaid_source_names_the_wiring() {
        String api = "apigateway_us_east_1_" + stack.api("ingest").id();
        assertThat(html).contains("<svg class=\"graph\"")
                .contains("flowchart LR")
                .contains(api + "{{&quot;ingest (" + stack.api("ingest").id() + ")&quot;}}")
                .contains(api + " --&gt;|&quot;POST /orders&quot;| sqs_us_east_1_orders\n")
                .contains("sqs_us_east_1_orders --&gt;|&quot;dead letters&quot;| sqs_us_east_1_orders_dlq\n")
                .contains("sqs_us_east_1_orders --&gt;|&quot;batch 10&quot;| lambda_us_east_1_store_orders\n")
                .contains("dynamodb_us_east_1_orders[(&quot;orders&quot;)]");
        assertThat(count(html, "<svg ")).isGreaterThanOrEqualTo(6);
    }

    @Test
    void it_names_no_address_but_the_stacks_own() {
        String withoutEndpoint = html.replace(stack.endpoint().toString(), "");
        assertThat(withoutEndpoint).doesNotContain("http://").doesNotContain("https://")
                .doesNotContain("<script src").doesNotContain("<link");
    }

    @Test
    void a_stack_without_interceptors_says_it_had_no_fault_plan() throws Exception {
        try (Stack other = StackConfig.defaults().withQueue(QueueSpec.named("jobs")).start()) {
            String page = Files.readString(other.report(directory.resolve("quiet.html")));
            assertThat(page).contains("sqs_us_east_1_jobs[[&quot;jobs&quot;]]")
                    .contains("<p class=\"empty\">No interceptor: no fault plan was applied.</p>");
        }
    }

    private static String tile(long value, String name) {
        return "<div class=\"value\">" + String.format("%,d", value) + "</div><div class=\"name\">" + name + "</div>";
    }

    private static int count(String text, String part) {
        Matcher matcher = Pattern.compile(Pattern.quote(part)).matcher(text);
        int n = 0;
        while (matcher.find()) {
            n++;
        }
        return n;
    }
}
