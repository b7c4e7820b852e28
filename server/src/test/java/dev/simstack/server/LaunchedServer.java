package dev.simstack.server;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** The packaged launcher jar in a child JVM, its output collected, its endpoint read from what it prints. */
final class LaunchedServer implements AutoCloseable {

    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:(\\d+))");

    final Process process;
    final URI endpoint;
    private final List<String> output;
    private final Thread reader;

    private LaunchedServer(Process process, URI endpoint, List<String> output, Thread reader) {
        this.process = process;
        this.endpoint = endpoint;
        this.output = output;
        this.reader = reader;
    }

    static LaunchedServer start(String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java")
                .toString(), "-jar", Path.of("target", "simstack-server.jar").toString()));
        command.addAll(List.of(args));
        Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
        List<String> output = Collections.synchronizedList(new ArrayList<>());
        BufferedReader lines = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
        Thread reader = new Thread(() -> lines.lines().forEach(output::add), "launcher-output");
        reader.setDaemon(true);
        reader.start();
        for (int i = 0; i < 600; i++) {
            synchronized (output) {
                for (String line : output) {
                    Matcher matcher = LISTENING.matcher(line);
                    if (matcher.find()) {
                        return new LaunchedServer(process, URI.create(matcher.group(1)), output, reader);
                    }
                }
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new AssertionError("the launcher did not start: " + output);
    }

    String output() {
        synchronized (output) {
            return String.join("\n", output);
        }
    }

    /**
     * The output once it holds {@code expected}. A line the launcher logs while it serves a request reaches
     * this side's pipe reader a little after the response reaches the client, so a test that asserts on it
     * right after the call races the reader.
     */
    String outputOnceItContains(String expected) {
        await().atMost(Duration.ofSeconds(10)).pollInterval(Duration.ofMillis(20))
                .untilAsserted(() -> assertThat(output()).contains(expected));
        return output();
    }

    /** SIGTERM (as Ctrl-C's SIGINT), then the exit and every line written before it. */
    void stop() throws InterruptedException {
        // Through the handle: Process.destroy() would also close our end of the pipe and lose the last lines.
        process.toHandle().destroy();
        assertThat(process.waitFor(30, TimeUnit.SECONDS)).as("the launcher exits on SIGTERM").isTrue();
        reader.join(5000); // the pipe ends at the exit; the reader may still be reading its last lines
    }

    /** SIGKILL on Linux: no shutdown hook runs, nothing is flushed. */
    void kill() throws InterruptedException {
        process.destroyForcibly();
        process.waitFor();
    }

    @Override
    public void close() {
        try {
            kill();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
