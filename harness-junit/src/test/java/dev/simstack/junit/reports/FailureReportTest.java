package dev.simstack.junit.reports;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.Stack;
import dev.simstack.junit.DocSnippets;
import dev.simstack.junit.Kit;
import dev.simstack.junit.Queue;
import dev.simstack.junit.QueueUrl;
import dev.simstack.junit.SimStack;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;
import org.junit.platform.engine.reporting.ReportEntry;
import org.junit.platform.testkit.engine.EngineExecutionResults;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * A failing test that uses a stack leaves the stack's report under {@code target/simstack-reports}, prints its
 * path beside the seed and publishes it with the seed; a passing one leaves none; a report that cannot be
 * written says why in one line and leaves the test's own failure as it was.
 */
class FailureReportTest {

    private static final Path REPORTS = Path.of("target", "simstack-reports");

    @Test
    void a_failing_test_writes_the_stacks_report_prints_its_path_and_publishes_it() throws Exception {
        Path expected = REPORTS.resolve("FailsAfterSending/fails-21.html");
        Files.deleteIfExists(expected);
        String[] printed = new String[1];

        EngineExecutionResults results = Kit.capturingErr(() -> Kit.run(FailsAfterSending.class), printed);

        assertThat(Kit.failureMessages(results)).containsExactly("the order was not stored");
        assertThat(expected).isRegularFile();
        String html = Files.readString(expected);
        assertThat(html).contains("seed <b>21</b>").contains("sqs_us_east_1_orders[[&quot;orders&quot;]]")
                .contains("<div class=\"value\">1</div><div class=\"name\">messages sent</div>");
        assertThat(printed[0]).contains("SimStack: FailsAfterSending.fails failed on a stack with seed 21; replay it"
                + " with -Dsimstack.seed=21 or @SimStack(seed = 21)\nSimStack: the report of FailsAfterSending.fails is "
                + expected.toAbsolutePath() + "\n");
        assertThat(entries(results)).containsExactly(Map.of("simstack.seed", "21",
                "simstack.report", expected.toAbsolutePath().toString()));
    }

    @Test
    void a_passing_test_writes_no_report() throws Exception {
        deleteTree(REPORTS.resolve("Passes"));

        Kit.assertPassed(Kit.run(Passes.class), 1);

        assertThat(REPORTS.resolve("Passes")).doesNotExist();
    }

    @Test
    void a_report_that_cannot_be_written_says_why_and_leaves_the_failure_as_it_was() throws Exception {
        Path blocked = REPORTS.resolve("FailsWhereNoReportFits");
        deleteTree(blocked);
        Files.createDirectories(REPORTS);
        Files.writeString(blocked, "a file where the report's directory would go");
        String[] printed = new String[1];

        EngineExecutionResults results = Kit.capturingErr(() -> Kit.run(FailsWhereNoReportFits.class), printed);

        assertThat(Kit.failureMessages(results)).containsExactly("boom");
        assertThat(printed[0]).contains("SimStack: FailsWhereNoReportFits.fails failed on a stack with seed 5;")
                .contains("SimStack: could not write the report of FailsWhereNoReportFits.fails to "
                        + blocked.resolve("fails-5.html").toAbsolutePath() + ": java.io.UncheckedIOException: could"
                        + " not write the stack's report to " + blocked.resolve("fails-5.html"));
        assertThat(entries(results)).containsExactly(Map.of("simstack.seed", "5"));
        Files.delete(blocked);
    }

    @Test
    void a_failing_jqwik_property_writes_the_report_too() throws Exception {
        Path expected = REPORTS.resolve("PropertyFails/at_most_two-8.html");
        Files.deleteIfExists(expected);
        String[] printed = new String[1];

        EngineExecutionResults results = Kit.capturingErr(() -> Kit.runOnJqwik(PropertyFails.class), printed);

        assertThat(expected).isRegularFile();
        assertThat(printed[0]).contains("SimStack: the report of PropertyFails.at_most_two is " + expected.toAbsolutePath());
        assertThat(results.allEvents().reportingEntryPublished().stream()
                .flatMap(e -> e.getPayload(ReportEntry.class).stream())
                .map(entry -> entry.getKeyValuePairs().get("simstack.report")))
                .contains(expected.toAbsolutePath().toString());
    }

    @Test
    void a_test_can_write_its_stacks_report_on_demand_as_the_docs_show() throws Exception {
        Files.deleteIfExists(Path.of("target", "orders-report.html"));

        Kit.assertPassed(Kit.run(WritesItsReport.class), 1);

        assertThat(Files.readString(Path.of("target", "orders-report.html"))).contains("queue orders");
        DocSnippets.assertShows("docs/junit.md", FailureReportTest.class, "report");
    }

    private static List<Map<String, String>> entries(EngineExecutionResults results) {
        return results.allEvents().reportingEntryPublished().stream()
                .map(e -> e.getPayload(ReportEntry.class).orElseThrow().getKeyValuePairs()).toList();
    }

    private static void deleteTree(Path path) throws Exception {
        if (Files.isDirectory(path)) {
            try (var files = Files.walk(path)) {
                for (Path file : files.sorted(java.util.Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        } else {
            Files.deleteIfExists(path);
        }
    }

    @SimStack(seed = 21, queues = @Queue(name = "orders"))
    static class FailsAfterSending {
        @Test
        void fails(SqsClient sqs, @QueueUrl("orders") String orders) {
            sqs.sendMessage(b -> b.queueUrl(orders).messageBody("{\"id\":\"o-1\"}"));
            throw new AssertionError("the order was not stored");
        }
    }

    @SimStack(queues = @Queue(name = "orders"))
    static class WritesItsReport {
        @Test
        void sends_and_reports(SqsClient sqs, @QueueUrl("orders") String orders, Stack stack) {
            // docs:report-start
            sqs.sendMessage(b -> b.queueUrl(orders).messageBody("{\"id\":\"o-1\"}"));
            Path report = stack.report(Path.of("target", "orders-report.html"));
            // docs:report-end
            assertThat(report).isRegularFile();
        }
    }

    @SimStack(seed = 3)
    static class Passes {
        @Test
        void passes() {
        }
    }

    @SimStack(seed = 5)
    static class FailsWhereNoReportFits {
        @Test
        void fails() {
            throw new AssertionError("boom");
        }
    }

    @SimStack(seed = 8, queues = @Queue(name = "orders"))
    static class PropertyFails {
        @Property(seed = "1", tries = 20)
        void at_most_two(@ForAll @IntRange(min = 0, max = 5) int orders, SqsClient sqs, @QueueUrl("orders") String url) {
            for (int i = 0; i < orders; i++) {
                sqs.sendMessage(b -> b.queueUrl(url).messageBody("order"));
            }
            assertThat(orders).isLessThanOrEqualTo(2);
        }
    }
}
