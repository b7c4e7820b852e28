package dev.simstack.sample.load;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Gatling's own statistics against the stack's ledger, after the run: Gatling's OK must be the ledger's accepted
 * requests (2xx), its KO the ledger's throttled ones (429). The simulation's {@code after()} checks the verdicts it
 * counted itself while Gatling's run was still open; this check reads what Gatling recorded and reports, so a
 * request Gatling counts differently from the simulation cannot pass unseen. The {@code load} profile runs it after
 * {@code gatling:test}; a disagreement fails the build.
 *
 * @param gatling Gatling's statistics of the run
 * @param ledger the ledger's figures, as the simulation's {@code after()} wrote them
 */
record GatlingStatsCheck(GatlingStats gatling, LedgerFigures ledger) {

    /** The file, in Gatling's results directory, that the simulation's {@code after()} writes. */
    static final String LEDGER_FILE = "ledger-cross-check.txt";

    /** What disagrees, one sentence each; empty when the counts agree. */
    List<String> disagreements() {
        List<String> wrong = new ArrayList<>();
        if (gatling.ok() != ledger.accepted()) {
            wrong.add("Gatling's statistics have " + gatling.ok() + " OK, the ledger " + ledger.accepted()
                    + " accepted requests (2xx)");
        }
        if (gatling.ko() != ledger.throttled()) {
            wrong.add("Gatling's statistics have " + gatling.ko() + " KO, the ledger " + ledger.throttled()
                    + " throttled requests (429) and " + ledger.other() + " others");
        }
        return wrong;
    }

    /** Throws when a count disagrees, naming each disagreement and both sides' figures. */
    void verify() {
        List<String> wrong = disagreements();
        if (!wrong.isEmpty()) {
            throw new AssertionError("Gatling's statistics of " + gatling.run() + " disagree with the stack's ledger:\n"
                    + "  - " + String.join("\n  - ", wrong) + "\n" + this);
        }
    }

    @Override
    public String toString() {
        return String.format("""
                Gatling's statistics: %d requests, OK %d, KO %d
                Ledger:               %d requests, accepted (2xx) %d, throttled (429) %d, other %d""",
                gatling.ok() + gatling.ko(), gatling.ok(), gatling.ko(),
                ledger.accepted() + ledger.throttled() + ledger.other(), ledger.accepted(), ledger.throttled(),
                ledger.other());
    }

    /**
     * Checks the newest run under Gatling's results directory ({@code args[0]}, default {@code target/gatling})
     * against the ledger's figures there; exits with 1 when they disagree, so that the build fails.
     */
    public static void main(String[] args) throws IOException {
        Path results = Path.of(args.length > 0 ? args[0] : "target/gatling");
        GatlingStatsCheck check = new GatlingStatsCheck(GatlingStats.readNewest(results),
                LedgerFigures.read(results.resolve(LEDGER_FILE)));
        try {
            check.verify();
        } catch (AssertionError e) {
            System.err.println(e.getMessage());
            System.exit(1);
        }
        System.out.println("SimStack: Gatling's statistics of " + check.gatling().run() + " against the stack's ledger\n"
                + check + "\nthey agree");
    }
}
