package dev.simstack.bench;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a fresh JVM loads on its way to the first request: runs {@link ColdStartProbe} (stopping right after
 * the first SendMessage) with {@code -Xlog:class+load} and counts the classes by where they come from. The
 * counts do not depend on how busy the machine is, unlike the wall time of {@link ColdStart}; the probe's
 * CPU time (all threads) is given too, as the less skewed of the two times.
 */
final class ColdClasses {

    private ColdClasses() {
    }

    static void run(int runs) throws IOException, InterruptedException {
        System.out.println("== Classes loaded by a fresh JVM until its first request is served (" + runs + " runs) ==");
        Path log = Files.createTempFile("simstack-class-load", ".log");
        try {
            List<Double> cpu = new ArrayList<>();
            Map<String, Integer> groups = Map.of();
            for (int i = 0; i < runs; i++) {
                ColdStart.Child child = ColdStart.spawn(ColdStartProbe.class,
                        List.of("-Xlog:class+load:file=" + log), List.of(ColdStartProbe.SERVED_ONLY));
                cpu.add(child.figures.get("cpu"));
                groups = count(Files.readAllLines(log));
            }
            int total = 0;
            for (Map.Entry<String, Integer> group : groups.entrySet()) {
                System.out.printf("  %-58s %5d%n", group.getKey(), group.getValue());
                total += group.getValue();
            }
            System.out.printf("  %-58s %5d (the last run; runs differ by a few Netty classes)%n", "total", total);
            System.out.printf("  %-58s %s%n", "CPU time, JVM start -> served, all threads", Stats.of(cpu).summary("ms"));
        } finally {
            Files.deleteIfExists(log);
        }
    }

    /** Classes by group, in a fixed order; a JDK class either mapped from the JDK's CDS archive or loaded. */
    static Map<String, Integer> count(List<String> lines) {
        Map<String, Integer> groups = new LinkedHashMap<>();
        for (String group : List.of("JDK, mapped from the JDK's CDS archive", "JDK, loaded (not archived)",
                "JDK method-handle classes spun at run time", "lambda classes spun at run time", "io.netty",
                "com.fasterxml.jackson", "org.slf4j", "dev.simstack.core (public API)", "dev.simstack.core.internal",
                "the probe (dev.simstack.bench)", "other")) {
            groups.put(group, 0);
        }
        for (String line : lines) {
            int source = line.indexOf(" source: ");
            if (source < 0) {
                continue;
            }
            String name = line.substring(line.lastIndexOf(' ', source - 1) + 1, source);
            groups.merge(group(name, line.substring(source + " source: ".length())), 1, Integer::sum);
        }
        return groups;
    }

    private static String group(String name, String source) {
        boolean archived = source.startsWith("shared objects file");
        if (source.startsWith("__JVM_LookupDefineClass__")) {
            return "JDK method-handle classes spun at run time";
        } else if (name.contains("$$Lambda$") && !archived) {
            return "lambda classes spun at run time";
        }
        for (String prefix : List.of("io.netty", "com.fasterxml.jackson", "org.slf4j", "dev.simstack.core.internal")) {
            if (name.startsWith(prefix + ".")) {
                return prefix;
            }
        }
        if (name.startsWith("dev.simstack.core.")) {
            return "dev.simstack.core (public API)";
        } else if (name.startsWith("dev.simstack.bench.")) {
            return "the probe (dev.simstack.bench)";
        } else if (archived) {
            return "JDK, mapped from the JDK's CDS archive";
        }
        return source.startsWith("jrt:/") ? "JDK, loaded (not archived)" : "other";
    }
}
