package dev.simstack.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.ReportSection;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sections of the caller's own show in the report after the stack's summary, as escaped preformatted text. */
class ExtraSectionsInTheReportTest {

    @Test
    void a_callers_sections_follow_the_stack_summary_in_order_as_escaped_text(@TempDir Path dir) {
        try (Stack stack = StackConfig.defaults().withClock(ClockSpec.manual()).withSeed(3).start()) {
            String html = read(stack.report(dir.resolve("report.html"), List.of(
                    new ReportSection("Costs", "  SQS   $0.40\n  total <$1>"),
                    new ReportSection("Advice", "keep BatchSize 10"))));

            assertThat(html).contains("<section id=\"extra-1\"><h2>Costs</h2><pre class=\"extra\">  SQS   $0.40\n"
                    + "  total &lt;$1&gt;</pre></section><section id=\"extra-2\"><h2>Advice</h2>");
            assertThat(html.indexOf("id=\"extra-1\"")).isLessThan(html.indexOf("id=\"resources\""));
            assertThat(read(stack.report(dir.resolve("plain.html")))).doesNotContain("id=\"extra-1\"");
        }
        assertThatThrownBy(() -> new ReportSection("Costs", null)).hasMessage("text");
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
