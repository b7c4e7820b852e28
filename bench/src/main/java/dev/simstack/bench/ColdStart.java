package dev.simstack.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Stack start in fresh JVMs: runs {@link ColdStartProbe} and, as the baseline, {@link HelloWorld} in
 * new JVMs (default flags, this jar on the class path), alternating, and reports median and p90 of
 * what the probes measured and of the wall time from spawning the process to its ready line.
 */
final class ColdStart {

    static final String READY = "READY";
    static final String RESULT = "RESULT";

    private ColdStart() {
    }

    static void run(int runs, boolean cds) throws IOException, InterruptedException {
        System.out.println("== Cold start: " + runs + " fresh JVMs each (one more of each discarded first)"
                + (cds ? ", the probe with an AppCDS archive from a training run" : "") + " ==");
        List<String> probeOptions = List.of();
        if (cds) {
            AppCds archive = AppCds.inTempDirectory("cold-start-probe");
            spawn(ColdStartProbe.class, archive.training());
            probeOptions = archive.use();
        }
        spawn(HelloWorld.class, List.of());
        spawn(ColdStartProbe.class, probeOptions);
        List<Double> helloWall = new ArrayList<>();
        List<Double> probeWall = new ArrayList<>();
        Map<String, List<Double>> probe = new LinkedHashMap<>();
        for (int i = 0; i < runs; i++) {
            helloWall.add(spawn(HelloWorld.class, List.of()).readyMillis);
            Child child = spawn(ColdStartProbe.class, probeOptions);
            probeWall.add(child.readyMillis);
            child.figures.forEach((key, value) -> probe.computeIfAbsent(key, k -> new ArrayList<>()).add(value));
        }
        Stats hello = Stats.of(helloWall);
        Stats withStack = Stats.of(probeWall);
        print("Stack.start (stack with one queue)", Stats.of(probe.get("start")));
        print("first SendMessage answered (raw socket)", Stats.of(probe.get("firstRequest")));
        print("JVM start -> main()", Stats.of(probe.get("vmToMain")));
        print("JVM start -> first request served", Stats.of(probe.get("vmToServed")));
        print("CPU time until then, all threads (info)", Stats.of(probe.get("cpu")));
        print("spawn -> ready, hello-world JVM", hello);
        print("spawn -> first request served, probe JVM", withStack);
        System.out.printf("  %-44s %.1f ms (difference of medians)%n", "stack's cost over a hello-world JVM",
                withStack.median() - hello.median());
        print("SDK client build + first SendMessage (info)", Stats.of(probe.get("sdkFirstCall")));
        System.out.println("  statuses of the first request: " + probe.get("status"));
    }

    private static void print(String what, Stats stats) {
        System.out.printf("  %-44s %s%n", what, stats.summary("ms"));
    }

    private static Child spawn(Class<?> main, List<String> jvmOptions) throws IOException, InterruptedException {
        return spawn(main, jvmOptions, List.of());
    }

    /** Runs {@code main} in a new JVM with this class path and waits for it; fails unless it said it was ready. */
    static Child spawn(Class<?> main, List<String> jvmOptions, List<String> args)
            throws IOException, InterruptedException {
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(jvmOptions);
        command.addAll(List.of("-cp", System.getProperty("java.class.path"), main.getName()));
        command.addAll(args);
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        long spawnedAt = System.nanoTime();
        Process process = builder.start();
        Child child = new Child();
        List<String> output = new ArrayList<>();
        try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                StandardCharsets.UTF_8))) {
            for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                output.add(line);
                if (line.equals(READY)) {
                    child.readyMillis = (System.nanoTime() - spawnedAt) / 1e6;
                } else if (line.startsWith(RESULT)) {
                    child.figures = parse(line);
                }
            }
        }
        int exit = process.waitFor();
        if (exit != 0 || Double.isNaN(child.readyMillis)) {
            throw new IllegalStateException(main.getSimpleName() + " failed (exit " + exit + "): " + output);
        }
        return child;
    }

    private static Map<String, Double> parse(String line) {
        Map<String, Double> figures = new LinkedHashMap<>();
        for (String pair : line.substring(RESULT.length()).trim().split(" ")) {
            int eq = pair.indexOf('=');
            figures.put(pair.substring(0, eq), Double.valueOf(pair.substring(eq + 1)));
        }
        return figures;
    }

    static final class Child {
        double readyMillis = Double.NaN;
        Map<String, Double> figures = Map.of();
    }
}
