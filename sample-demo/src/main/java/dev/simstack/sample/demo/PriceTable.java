package dev.simstack.sample.demo;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * AWS list prices per region, read from a CSV file ({@code region,service,item,usd,per}; {@code #} lines are
 * notes): the demo's own {@code prices.csv} or one given with {@code --prices}. Prices are data, not code, so
 * that they can be checked against AWS's pages and updated without a build.
 */
final class PriceTable {

    private static final Pattern READ_ON = Pattern.compile("(?i)read on (\\d{4}-\\d{2}-\\d{2})");

    private final String source;
    private final String readOn;
    private final Map<String, Double> usdPerUnit;

    private PriceTable(String source, String readOn, Map<String, Double> usdPerUnit) {
        this.source = source;
        this.readOn = readOn;
        this.usdPerUnit = usdPerUnit;
    }

    /** The demo's own table, {@code prices.csv} on the class path. */
    static PriceTable builtIn() {
        try (InputStream in = PriceTable.class.getResourceAsStream("/prices.csv")) {
            if (in == null) {
                throw new IllegalStateException("prices.csv is missing from the demo's jar");
            }
            return parse(new String(in.readAllBytes(), StandardCharsets.UTF_8), "the demo's prices.csv");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The table in {@code file}; an {@link IllegalArgumentException} names the file and what is wrong in it. */
    static PriceTable load(Path file) {
        try {
            return parse(Files.readString(file), file.toString());
        } catch (IOException e) {
            throw new IllegalArgumentException("--prices: cannot read " + file + ": " + e.getMessage(), e);
        }
    }

    static PriceTable parse(String csv, String source) {
        Map<String, Double> prices = new LinkedHashMap<>();
        String readOn = "an unknown date";
        List<String> lines = csv.lines().toList();
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i).strip();
            Matcher date = READ_ON.matcher(line);
            if (line.startsWith("#") && date.find()) {
                readOn = date.group(1);
            }
            if (line.isEmpty() || line.startsWith("#") || line.startsWith("region,")) {
                continue;
            }
            String[] cells = line.split(",");
            if (cells.length != 5) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": expected region,service,item,usd,per,"
                        + " got '" + line + "'");
            }
            try {
                double usd = new BigDecimal(cells[3].strip()).doubleValue() / new BigDecimal(cells[4].strip())
                        .doubleValue();
                prices.put(key(cells[0].strip(), cells[1].strip(), cells[2].strip()), usd);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException(source + " line " + (i + 1) + ": usd and per must be numbers, got '"
                        + line + "'");
            }
        }
        return new PriceTable(source, readOn, Map.copyOf(prices));
    }

    /** USD per one unit of {@code item} (a request, a GB-second, a request unit) of {@code service} in {@code region}. */
    double usd(String region, String service, String item) {
        Double price = usdPerUnit.get(key(region, service, item));
        if (price == null) {
            throw new IllegalArgumentException(source + " has no price for " + key(region, service, item)
                    + "; it has: " + String.join(", ", usdPerUnit.keySet().stream().sorted().toList()));
        }
        return price;
    }

    /** Where the prices come from, and when they were read. */
    String describe() {
        return source + ", read " + readOn;
    }

    private static String key(String region, String service, String item) {
        return region + " " + service + " " + item;
    }
}
