package dev.simstack.sample.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The check that runs after Gatling: Gatling's own statistics, read from a real Gatling 3.15.1 log (a run of
 * the simulation's 1,000 orders, in {@code src/test/resources/gatling-run}), against the ledger's figures in the cross-check's file.
 */
class GatlingStatsCheckTest {

    private static final Path RESULTS = Path.of("src/test/resources/gatling-run");
    private static final String RUN = "orderssimulation-20261203082701586";
    private static final long OK = 68;
    private static final long KO = 932;

    @TempDir
    Path results;

    @Test
    void gatlings_statistics_are_read_from_the_newest_runs_log() throws IOException {
        GatlingStats stats = GatlingStats.readNewest(RESULTS);

        assertThat(stats).isEqualTo(new GatlingStats(RUN, OK, KO));
    }

    @Test
    void statistics_that_match_the_ledger_pass() throws IOException {
        GatlingStatsCheck check = new GatlingStatsCheck(GatlingStats.readNewest(RESULTS),
                LedgerFigures.read(ledgerFile(OK, KO, 0)));

        assertThat(check.disagreements()).isEmpty();
        check.verify();
    }

    @Test
    void a_ledger_with_one_more_accepted_fails_naming_both_counts() throws IOException {
        GatlingStatsCheck check = new GatlingStatsCheck(new GatlingStats("run-1", 10, 5),
                LedgerFigures.read(ledgerFile(11, 4, 0)));

        assertThatThrownBy(check::verify).isInstanceOf(AssertionError.class).hasMessage("""
                Gatling's statistics of run-1 disagree with the stack's ledger:
                  - Gatling's statistics have 10 OK, the ledger 11 accepted requests (2xx)
                  - Gatling's statistics have 5 KO, the ledger 4 throttled requests (429) and 0 others
                Gatling's statistics: 15 requests, OK 10, KO 5
                Ledger:               15 requests, accepted (2xx) 11, throttled (429) 4, other 0""");
    }

    @Test
    void a_ko_that_the_ledger_counts_as_no_throttle_fails() throws IOException {
        GatlingStatsCheck check = new GatlingStatsCheck(new GatlingStats("run-1", 10, 5),
                LedgerFigures.read(ledgerFile(10, 4, 1)));

        assertThat(check.disagreements()).containsExactly(
                "Gatling's statistics have 5 KO, the ledger 4 throttled requests (429) and 1 others");
    }

    @Test
    void a_cross_check_file_without_the_ledgers_figures_says_which_are_missing() throws IOException {
        Path file = Files.writeString(results.resolve(GatlingStatsCheck.LEDGER_FILE), "ledger.accepted=10\n");

        assertThatThrownBy(() -> LedgerFigures.read(file)).hasMessage(file + " has no ledger.throttled, ledger.other"
                + " line: it should have ledger.accepted, ledger.throttled, ledger.other (written by"
                + " OrdersSimulation.after())");
    }

    @Test
    void no_run_under_the_results_directory_says_to_run_the_load_test() {
        assertThatThrownBy(() -> GatlingStats.readNewest(results)).hasMessage("no Gatling run (a directory with a"
                + " simulation.log) under " + results + ": run the load test first (-Pload)");
    }

    private Path ledgerFile(long accepted, long throttled, long other) throws IOException {
        // As OrdersSimulation.after() writes it: the figures for people, the verdict, then the key=value lines.
        return Files.writeString(results.resolve(GatlingStatsCheck.LEDGER_FILE), "Gatling: ...\nLedger: ...\n"
                + "they agree\n" + new LedgerFigures(accepted, throttled, other).lines());
    }
}
