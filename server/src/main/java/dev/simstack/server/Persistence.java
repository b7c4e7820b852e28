package dev.simstack.server;

import dev.simstack.core.DataDirectory;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Locale;
import picocli.CommandLine;

/**
 * {@code --data-dir}: the stack starts from the directory's newest good snapshot, is saved every
 * {@code --persist-every} of wall time, and once more on a clean stop.
 */
final class Persistence {

    private final DataDirectory data;
    private final Duration period;
    private AutoCloseable periodic;

    Persistence(Path directory, Duration period) {
        this.data = DataDirectory.open(directory);
        this.period = period;
    }

    Stack start(StackConfig config) {
        Stack stack = data.start(config, warning -> System.err.println("WARNING: " + warning));
        System.out.println(data.loaded().map(loaded -> "Loaded " + loaded + ".")
                .orElse("No snapshot in " + data.path() + "; starting empty."));
        periodic = data.saveEvery(stack, period, error -> System.err.println("WARNING: " + error));
        return stack;
    }

    /** The clean stop: no more periodic saves, then the port closes, a last save, and the stack stops. */
    void stop(Stack stack) {
        try {
            periodic.close();
        } catch (Exception e) {
            System.err.println("WARNING: stopping the periodic save: " + e);
        }
        try {
            DataDirectory.Saved saved = data.saveAndClose(stack);
            System.out.printf("Saved %s to %s in %d ms.%n", saved.counts(), saved.snapshot(), saved.took().toMillis());
        } catch (RuntimeException e) {
            System.err.println("WARNING: the last save failed; the previous snapshot in " + data.path()
                    + " stays the newest: " + e);
        }
    }

    /** Reads {@code 200ms}, {@code 5s}, {@code 2m}, {@code 1h}, or an ISO-8601 duration such as {@code PT5S}. */
    static final class DurationConverter implements CommandLine.ITypeConverter<Duration> {
        @Override
        public Duration convert(String text) {
            String value = text.trim().toLowerCase(Locale.ROOT);
            Duration duration;
            if (value.endsWith("ms")) {
                duration = Duration.ofMillis(Long.parseLong(value.substring(0, value.length() - 2)));
            } else if (value.endsWith("s") && !value.startsWith("p")) {
                duration = Duration.ofMillis((long) (Double.parseDouble(value.substring(0, value.length() - 1)) * 1000));
            } else if (value.endsWith("m") && !value.startsWith("p")) {
                duration = Duration.ofMinutes(Long.parseLong(value.substring(0, value.length() - 1)));
            } else if (value.endsWith("h") && !value.startsWith("p")) {
                duration = Duration.ofHours(Long.parseLong(value.substring(0, value.length() - 1)));
            } else {
                duration = Duration.parse(text.trim().toUpperCase(Locale.ROOT));
            }
            if (duration.isNegative() || duration.isZero()) {
                throw new CommandLine.TypeConversionException("the period must be positive: " + text);
            }
            return duration;
        }
    }
}
