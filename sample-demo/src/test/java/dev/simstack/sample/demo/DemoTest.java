package dev.simstack.sample.demo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The demo, small: its summary accounts for every order, the same seed gives the same counts, a report is written. */
class DemoTest {

    @Test
    void a_run_accounts_for_every_order_and_the_same_seed_gives_the_same_counts(@TempDir Path out) throws Exception {
        DemoOptions options = DemoOptions.parse("--orders", "200", "--window", "1m", "--seed", "7",
                "--out", out.toString());
        ByteArrayOutputStream printed = new ByteArrayOutputStream();

        RunSummary first = new Demo(options, new PrintStream(printed, true, StandardCharsets.UTF_8)).run();
        RunSummary second = new Demo(options, new PrintStream(new ByteArrayOutputStream(), true,
                StandardCharsets.UTF_8)).run();

        assertThat(first.checks()).allSatisfy((check, ok) -> assertThat(ok).as(check).isTrue());
        // 10 at once, then 1 a second for the minute: the stage's throttle decides the same way every run.
        assertThat(first.accepted()).isEqualTo(69);
        assertThat(first.throttled()).isEqualTo(131);
        assertThat(first.processed()).isEqualTo(69);
        assertThat(second).extracting(RunSummary::sent, RunSummary::accepted, RunSummary::throttled,
                RunSummary::processed, RunSummary::inDeadLetterQueue)
                .containsExactly(200, 69, 131, 69L, 0);
        assertThat(printed.toString(StandardCharsets.UTF_8))
                .contains("orders sent                200")
                .contains("ok    sent = accepted + throttled + failed")
                .contains("Report: " + out.resolve("orders-report.html").toAbsolutePath());
        assertThat(Files.readString(out.resolve("orders-report.html"))).contains("orders-api", "payment-worker");
    }

    @Test
    void options_parse_and_a_wrong_one_is_named() {
        assertThat(DemoOptions.parse()).isEqualTo(DemoOptions.defaults());
        assertThat(DemoOptions.parse("--window", "PT30S").window()).isEqualTo(Duration.ofSeconds(30));
        assertThatThrownBy(() -> DemoOptions.parse("--orders", "0"))
                .hasMessage("--orders takes a number from 1 to 1000000, got 0");
        assertThatThrownBy(() -> DemoOptions.parse("--window", "soon"))
                .hasMessage("--window takes a positive duration such as 500ms, 30s, 10m, 1h or PT10M, got 'soon'");
        assertThatThrownBy(() -> DemoOptions.parse("--colour", "blue")).hasMessage("unknown option --colour");
    }
}
