package dev.simstack.server.dist;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.net.URI;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The tar.gz the build made, unpacked into a directory, and its {@code bin/simstack} started with an
 * environment of nothing but a PATH holding the few tools the script may use: no JDK, no java.
 */
final class UnpackedDistribution {

    /** Everything bin/simstack runs besides the bundled runtime; none of them is a java. */
    static final List<String> SCRIPT_TOOLS = List.of("sh", "mv", "rm", "mkdir");

    private static final Pattern LISTENING = Pattern.compile("listening on (http://127\\.0\\.0\\.1:(\\d+))");

    final Path home;
    final Path tools;

    private UnpackedDistribution(Path home, Path tools) {
        this.home = home;
        this.tools = tools;
    }

    /** Unpacks the distribution named by the system property simstack.distribution into {@code directory}. */
    static UnpackedDistribution unpack(Path directory) throws IOException, InterruptedException {
        Path archive = Path.of(System.getProperty("simstack.distribution", "target/missing.tar.gz"));
        if (!Files.isRegularFile(archive)) {
            throw new AssertionError(archive + " missing: the package phase makes it (./mvnw -B verify -pl server-dist -am)");
        }
        Process tar = new ProcessBuilder("tar", "-xzf", archive.toAbsolutePath().toString(), "-C", directory.toString())
                .redirectErrorStream(true).start();
        String said = new String(tar.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (tar.waitFor() != 0) {
            throw new AssertionError("tar could not unpack " + archive + ": " + said);
        }
        String base = archive.getFileName().toString().replace(".tar.gz", "");
        Path tools = Files.createDirectories(directory.resolve("tools"));
        for (String tool : SCRIPT_TOOLS) {
            Files.createSymbolicLink(tools.resolve(tool), onHostPath(tool));
        }
        return new UnpackedDistribution(directory.resolve(base), tools);
    }

    private static Path onHostPath(String tool) {
        for (String dir : List.of("/usr/bin", "/bin")) {
            Path candidate = Path.of(dir, tool);
            if (Files.isExecutable(candidate)) {
                return candidate;
            }
        }
        throw new AssertionError(tool + " is in neither /usr/bin nor /bin");
    }

    /** Runs bin/simstack with {@code env} (besides PATH) and waits for its "listening on" line. */
    Started start(Map<String, String> env, String... args) throws IOException, InterruptedException {
        List<String> command = new ArrayList<>(List.of(home.resolve("bin/simstack").toString()));
        command.addAll(List.of(args));
        ProcessBuilder builder = new ProcessBuilder(command).redirectErrorStream(true);
        builder.environment().clear();
        builder.environment().put("PATH", tools.toString());
        builder.environment().putAll(env);
        Process process = builder.start();
        Started started = new Started(process);
        for (int i = 0; i < 1200; i++) { // up to 60 s: the machines running the build are often busy
            Matcher matcher = LISTENING.matcher(started.output());
            if (matcher.find()) {
                started.endpoint = URI.create(matcher.group(1));
                return started;
            }
            if (!process.isAlive()) {
                break;
            }
            Thread.sleep(50);
        }
        process.destroyForcibly();
        throw new AssertionError("bin/simstack did not start: " + started.output());
    }

    /** A running bin/simstack: its process, what it printed, its endpoint. */
    static final class Started implements AutoCloseable {

        final Process process;
        private final List<String> lines = Collections.synchronizedList(new ArrayList<>());
        private final Thread reader;
        URI endpoint;

        Started(Process process) {
            this.process = process;
            BufferedReader out = new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            reader = new Thread(() -> {
                try {
                    out.lines().forEach(lines::add);
                } catch (UncheckedIOException closed) {
                    // the process is gone
                }
            }, "simstack-output");
            reader.setDaemon(true);
            reader.start();
        }

        String output() {
            synchronized (lines) {
                return String.join("\n", lines);
            }
        }

        /** SIGTERM, as a container engine stops a container; returns the exit status. */
        int stop() throws InterruptedException {
            process.toHandle().destroy(); // the handle's destroy leaves our end of the output pipe open
            if (!process.waitFor(90, TimeUnit.SECONDS)) {
                throw new AssertionError("bin/simstack did not stop within 90 s of SIGTERM: " + output());
            }
            reader.join(5000);
            return process.exitValue();
        }

        @Override
        public void close() {
            process.descendants().forEach(ProcessHandle::destroyForcibly);
            process.destroyForcibly();
        }
    }
}
