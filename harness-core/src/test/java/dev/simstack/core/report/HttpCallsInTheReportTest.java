package dev.simstack.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Calls to HTTP dependencies outside the engine show in the report: counted, listed, faults marked. */
class HttpCallsInTheReportTest {

    @Test
    void the_report_lists_http_calls_and_marks_the_faulted_ones(@TempDir Path dir) throws Exception {
        try (Stack stack = StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(3).start()) {
            stack.ledger().recordHttpCall("payments", "POST", "/charges", "o-1", 201, null);
            stack.ledger().recordHttpCall("payments", "POST", "/charges", "o-2", 0, "connection reset");

            String html = Files.readString(stack.report(dir.resolve("report.html")));

            assertThat(html).contains("HTTP dependency calls")
                    .contains("<td>http</td><td>HTTP payments</td><td>POST /charges · key o-1</td><td>201</td>")
                    .contains("<tr class=\"fault\" data-kind=\"http\">")
                    .contains("<td>POST /charges · key o-2</td><td>no answer · fault: connection reset</td>")
                    .contains("<option>http</option>");
        }
    }
}
