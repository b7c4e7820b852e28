package dev.simstack.sample.load;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The ledger's figures for the API's requests, as {@link OrdersSimulation#after()} writes them to the cross-check's
 * file ({@code ledger.accepted=68} lines) for the check that runs after Gatling ({@link GatlingStatsCheck}).
 *
 * @param accepted the requests answered 2xx
 * @param throttled the requests throttled (429)
 * @param other the other requests (4xx other than 429, 5xx)
 */
record LedgerFigures(long accepted, long throttled, long other) {

    private static final List<String> KEYS = List.of("ledger.accepted", "ledger.throttled", "ledger.other");

    /** The figures as {@code key=value} lines, one a figure. */
    String lines() {
        return KEYS.get(0) + "=" + accepted + "\n" + KEYS.get(1) + "=" + throttled + "\n" + KEYS.get(2) + "=" + other
                + "\n";
    }

    /** Reads the {@code ledger.*=} lines of a file; the file's other lines are for people. */
    static LedgerFigures read(Path file) throws IOException {
        List<String> lines;
        try {
            lines = Files.readAllLines(file);
        } catch (NoSuchFileException e) {
            throw new IllegalStateException(file + " does not exist: the simulation's after() writes it once the"
                    + " queue has drained; run the load test first (-Pload)", e);
        }
        Map<String, Long> figures = new HashMap<>();
        for (String line : lines) {
            int equals = line.indexOf('=');
            if (equals > 0 && KEYS.contains(line.substring(0, equals).strip())) {
                figures.put(line.substring(0, equals).strip(), Long.parseLong(line.substring(equals + 1).strip()));
            }
        }
        List<String> missing = KEYS.stream().filter(key -> !figures.containsKey(key)).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException(file + " has no " + String.join(", ", missing) + " line: it should have "
                    + String.join(", ", KEYS) + " (written by OrdersSimulation.after())");
        }
        return new LedgerFigures(figures.get(KEYS.get(0)), figures.get(KEYS.get(1)), figures.get(KEYS.get(2)));
    }
}
