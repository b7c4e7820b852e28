package dev.simstack.bench;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.ConnectException;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;

/**
 * The launcher's start: spawns {@code java -jar simstack-server.jar --port N} (default JVM flags) and
 * times spawn → its "SimStack listening" line and spawn → the first {@code GET /_simstack/health} answered
 * 200 (polled every 2 ms over raw sockets, which cost the launcher nothing until it listens); one
 * discarded run, then {@code runs}. Then, informatively, the AWS CLI against a running launcher: one
 * {@code sqs list-queues}, and {@code aws --version} for the CLI's own start-up.
 */
final class LauncherStart {

    /** The system's AWS CLI v2: a pyenv shim earlier on PATH would be a different CLI. */
    private static final String AWS_CLI = "/usr/bin/aws";

    private LauncherStart() {
    }

    static void run(Path jar, int runs, boolean cds) throws IOException, InterruptedException {
        if (!Files.isRegularFile(jar)) {
            // skipped rather than failed, so that `all` goes on to the other benchmarks
            System.out.println("== Launcher start: skipped, " + jar + " is not there: build it with"
                    + " ./mvnw -q -pl server -am package -Dmaven.test.skip=true (from the repository's root) ==");
            return;
        }
        System.out.println("== Launcher start: " + runs + " fresh launchers (one more discarded first), " + jar
                + (cds ? ", with an AppCDS archive from a training run" : "") + " ==");
        List<String> options = List.of();
        if (cds) {
            AppCds archive = AppCds.inTempDirectory("launcher");
            start(jar, archive.training()).close(); // SIGTERM: a normal exit, which writes the archive
            options = archive.use();
        }
        start(jar, options).close();
        List<Double> listening = new ArrayList<>();
        List<Double> served = new ArrayList<>();
        for (int i = 0; i < runs; i++) {
            try (Launcher launcher = start(jar, options)) {
                listening.add(launcher.listeningMillis);
                served.add(launcher.servedMillis);
            }
        }
        System.out.printf("  %-44s %s%n", "spawn -> \"SimStack listening\" line", Stats.of(listening).summary("ms"));
        System.out.printf("  %-44s %s%n", "spawn -> first health request served", Stats.of(served).summary("ms"));
        if (!Files.isExecutable(Path.of(AWS_CLI))) {
            System.out.println("  (no " + AWS_CLI + ": the AWS CLI part is skipped)");
            return;
        }
        try (Launcher launcher = start(jar, options)) {
            cli("aws --version (the CLI's own start-up)", List.of(AWS_CLI, "--version"));
            cli("aws sqs list-queues against the launcher", List.of(AWS_CLI, "--endpoint-url",
                    "http://127.0.0.1:" + launcher.port, "--region", "us-east-1", "sqs", "list-queues"));
        }
    }

    private static Launcher start(Path jar, List<String> jvmOptions) throws IOException, InterruptedException {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        long spawnedAt = System.nanoTime();
        List<String> command = new ArrayList<>(List.of(java));
        command.addAll(jvmOptions);
        command.addAll(List.of("-jar", jar.toString(), "--port", Integer.toString(port)));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        Launcher launcher = new Launcher(process, port);
        Thread reader = new Thread(() -> launcher.read(spawnedAt), "launcher-output");
        reader.setDaemon(true);
        reader.start();
        long deadline = spawnedAt + TimeUnit.SECONDS.toNanos(30);
        while (true) {
            try {
                if (RawHttp.status(RawHttp.get(port, "/_simstack/health")) == 200) {
                    launcher.servedMillis = (System.nanoTime() - spawnedAt) / 1e6;
                    break;
                }
            } catch (ConnectException notYet) {
                // not listening yet
            }
            if (System.nanoTime() > deadline || !process.isAlive()) {
                launcher.close();
                throw new IllegalStateException("the launcher did not serve within 30 s: " + launcher.output);
            }
            Thread.sleep(2);
        }
        reader.join(TimeUnit.SECONDS.toMillis(5));
        return launcher;
    }

    private static void cli(String what, List<String> command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().put("AWS_ACCESS_KEY_ID", "test");
        builder.environment().put("AWS_SECRET_ACCESS_KEY", "test");
        builder.environment().put("AWS_PAGER", "");
        long started = System.nanoTime();
        Process process = builder.start();
        String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8).trim();
        int exit = process.waitFor();
        System.out.printf(Locale.ROOT, "  %-44s %.0f ms, exit %d: %s%n", what, (System.nanoTime() - started) / 1e6,
                exit, output.replaceAll("\\s+", " "));
    }

    /** A running launcher; closing it sends SIGTERM and waits for it to end. */
    private static final class Launcher implements AutoCloseable {
        final Process process;
        final int port;
        final List<String> output = new ArrayList<>();
        volatile double listeningMillis = Double.NaN;
        double servedMillis = Double.NaN;

        Launcher(Process process, int port) {
            this.process = process;
            this.port = port;
        }

        /** Reads the launcher's output up to its listening line, then drains the rest. */
        void read(long spawnedAt) {
            try (BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(),
                    StandardCharsets.UTF_8))) {
                for (String line = lines.readLine(); line != null; line = lines.readLine()) {
                    if (Double.isNaN(listeningMillis) && line.startsWith("SimStack listening")) {
                        listeningMillis = (System.nanoTime() - spawnedAt) / 1e6;
                        return;
                    }
                    synchronized (output) {
                        output.add(line);
                    }
                }
            } catch (IOException e) {
                // the process ended
            }
        }

        @Override
        public void close() throws InterruptedException {
            process.destroy();
            if (!process.waitFor(10, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }
}
