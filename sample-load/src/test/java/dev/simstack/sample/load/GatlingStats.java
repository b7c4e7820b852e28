package dev.simstack.sample.load;

import io.gatling.charts.stats.GeneralStats;
import io.gatling.charts.stats.LogFileData;
import io.gatling.charts.stats.LogFileReader;
import io.gatling.commons.stats.KO$;
import io.gatling.commons.stats.OK$;
import io.gatling.commons.stats.Status;
import io.gatling.core.config.GatlingConfiguration;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.List;
import java.util.stream.Stream;
import scala.Option;

/**
 * Gatling's own statistics of a run: its OK and KO counts over all requests, as its report shows them. Gatling
 * 3.15 writes no JSON of its statistics (its report's figures are in the HTML) and a binary
 * {@code simulation.log}, so they are read from that log with Gatling's own reader, the one its report is built
 * with.
 *
 * @param run the run's directory name ({@code orderssimulation-<timestamp>})
 * @param ok the requests Gatling counted OK
 * @param ko the requests Gatling counted KO
 */
record GatlingStats(String run, long ok, long ko) {

    /** Reads the statistics of the run in {@code results/run}. */
    static GatlingStats read(Path results, String run) {
        LogFileData data = LogFileReader.apply(run, results, GatlingConfiguration.load()).read();
        return new GatlingStats(run, count(data, OK$.MODULE$), count(data, KO$.MODULE$));
    }

    /** Reads the statistics of the newest run under {@code results} (Gatling names its runs with a timestamp). */
    static GatlingStats readNewest(Path results) throws IOException {
        return read(results, newestRun(results));
    }

    /** The newest run directory's name: the last by name of those with a {@code simulation.log}. */
    static String newestRun(Path results) throws IOException {
        List<Path> runs;
        try (Stream<Path> entries = Files.exists(results) ? Files.list(results) : Stream.empty()) {
            runs = entries.filter(entry -> Files.isRegularFile(entry.resolve("simulation.log"))).toList();
        }
        return runs.stream().map(run -> run.getFileName().toString()).max(Comparator.naturalOrder())
                .orElseThrow(() -> new IllegalStateException("no Gatling run (a directory with a simulation.log)"
                        + " under " + results + ": run the load test first (-Pload)"));
    }

    // All requests (no name, no group): each user sends one, and the ledger counts all of the API's.
    private static long count(LogFileData data, Status status) {
        Option<GeneralStats> stats = data.requestGeneralStats(Option.empty(), Option.empty(), Option.apply(status));
        return stats.isDefined() ? stats.get().count() : 0;
    }
}
