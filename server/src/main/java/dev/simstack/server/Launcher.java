package dev.simstack.server;

import dev.simstack.core.ClockSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code java -jar simstack-server.jar --port 4566}: one stack with every service the engine has, for
 * the AWS CLI, boto3, Terraform and anything else that takes an endpoint URL. Stops cleanly on Ctrl-C.
 */
@Command(name = "simstack-server", mixinStandardHelpOptions = true, versionProvider = Launcher.Version.class,
        description = "Serves SQS (and every other service SimStack has) on one loopback endpoint.")
public final class Launcher implements Callable<Integer> {

    @Option(names = "--port", defaultValue = "4566", description = "Port to listen on; 0 for a free one. Default: ${DEFAULT-VALUE} (LocalStack's).")
    int port;

    @Option(names = "--host", defaultValue = "127.0.0.1", description = "Address to bind. Default: ${DEFAULT-VALUE}.")
    String host;

    @Option(names = "--bind-any", description = "Allow binding an address other than loopback (the endpoint has no authentication).")
    boolean bindAny;

    @Option(names = "--regions", split = ",", defaultValue = "us-east-1",
            description = "Regions, comma-separated; the first serves unsigned requests. Default: ${DEFAULT-VALUE}.")
    String[] regions;

    @Option(names = "--account-id", paramLabel = "ID", defaultValue = "000000000000",
            description = "The default account: unsigned requests and keys that are not twelve digits act in it"
                    + " (a twelve-digit access key id acts in that account). Default: ${DEFAULT-VALUE}.")
    String accountId;

    @Option(names = "--seed", description = "Seed of the stack's random source (printed at start when not given).")
    Long seed;

    @Option(names = "--clock", defaultValue = "real",
            description = "real, manual, or scaled:N (N virtual seconds per real second). Default: ${DEFAULT-VALUE}.")
    String clock;

    @Option(names = "--debug", description = "Log one line per request.")
    boolean debug;

    /** About 20 MB of heap at the ~200 bytes an entry keeps (docs/benchmarks.md), however long the server runs. */
    @Option(names = "--ledger-limit", paramLabel = "N", defaultValue = "100000",
            description = "Keep the newest N ledger entries (requests, message steps, item writes, invocations);"
                    + " older ones are evicted. 0 keeps every entry (memory grows with traffic)."
                    + " Default: ${DEFAULT-VALUE}.")
    int ledgerLimit;

    @Option(names = "--data-dir", paramLabel = "DIR",
            description = "Keep state in DIR: loaded at start, saved periodically and on a clean stop.")
    java.nio.file.Path dataDir;

    @Option(names = "--persist-every", defaultValue = "5s", paramLabel = "DURATION",
            converter = Persistence.DurationConverter.class,
            description = "With --data-dir, how often state is saved (wall time): 200ms, 5s, 1m, 1h. Default: ${DEFAULT-VALUE}.")
    java.time.Duration persistEvery;

    @Option(names = "--template", paramLabel = "FILE",
            description = "A SAM/CloudFormation template whose resources are created at start (repeatable).")
    java.util.List<java.nio.file.Path> templates = new java.util.ArrayList<>();

    @Option(names = "--init", paramLabel = "DIR",
            description = "A directory of init files (*.yaml, *.yml, *.json, in name order) applied at start.")
    java.nio.file.Path initDir;

    @Option(names = "--classpath", paramLabel = "PATH",
            description = "Jars and directories (separated by '${sys:path.separator}') holding the Lambda handler classes.")
    String classpath;

    @Option(names = "--faults", paramLabel = "FILE", description = "A fault plan (YAML) applied to every call after start-up.")
    java.nio.file.Path faults;

    public static void main(String[] args) {
        System.exit(run(args));
    }

    /** Runs the launcher until it is interrupted; returns the exit code. */
    static int run(String... args) {
        return new CommandLine(new Launcher()).execute(args);
    }

    @Override
    public Integer call() throws InterruptedException {
        if (debug) {
            System.setProperty("org.slf4j.simpleLogger.log.dev.simstack.requests", "debug");
        }
        if (!isLoopback(host) && !bindAny) {
            System.err.println("Refusing to bind " + host + ": the endpoint accepts any credentials. "
                    + "Pass --bind-any as well if you really want it reachable from other machines.");
            return 2;
        }
        if (!isLoopback(host)) {
            System.err.println("WARNING: listening on " + host + " with no authentication.");
        }
        StackConfig config = StackConfig.defaults().withHost(host).withPort(port).withRegions(regions)
                .withClock(ClockSpec.parse(clock));
        if (seed != null) {
            config = config.withSeed(seed);
        }
        dev.simstack.fault.FaultInjector injector = null;
        java.util.List<java.nio.file.Path> files;
        try {
            config = config.withLedgerLimit(ledgerLimit).withAccountId(accountId);
            if (faults != null) {
                injector = new dev.simstack.fault.FaultInjector(dev.simstack.fault.FaultPlan.load(faults));
                injector.pause(); // resources from files are created fault-free
                config = config.withInterceptor(injector);
            }
            files = ResourceFileList.of(templates, initDir);
            if (classpath != null) {
                Thread.currentThread().setContextClassLoader(ResourceFileList.handlerLoader(classpath));
            }
        } catch (IllegalArgumentException e) {
            System.err.println("SimStack cannot start: " + e.getMessage());
            return 2;
        }
        long started = System.nanoTime();
        Persistence persistence = dataDir == null ? null : new Persistence(dataDir, persistEvery);
        Stack stack = persistence == null ? Stack.start(config) : persistence.start(config);
        StartupResources resources = new StartupResources(files, injector, System.out);
        try {
            resources.apply(stack);
        } catch (IllegalArgumentException e) {
            System.err.println("SimStack cannot apply its resource files: " + e.getMessage());
            stack.close();
            return 2;
        }
        // POST /_simstack/reset or /_localstack/state/reset: a clean slate plus the files' resources again.
        stack.onReset(resources);
        if (injector != null) {
            System.out.println("Fault plan active: " + injector.plan());
        }
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (persistence != null) {
                persistence.stop(stack);
            }
            stack.close();
            System.out.println("SimStack stopped.");
            stopped.countDown();
        }, "simstack-shutdown"));
        System.out.printf("SimStack listening on %s (account %s, regions %s, seed %d, %s clock) in %d ms. Ctrl-C"
                + " stops it.%n", stack.endpoint(), accountId, String.join(",", regions), stack.seed(), config.clock(),
                (System.nanoTime() - started) / 1_000_000);
        System.out.println("Try: aws --endpoint-url " + stack.endpoint() + " sqs create-queue --queue-name demo");
        stopped.await();
        return 0;
    }

    private static boolean isLoopback(String host) {
        return host.equals("127.0.0.1") || host.equals("localhost") || host.equals("::1") || host.startsWith("127.");
    }

    /** The version from the jar's manifest. */
    static final class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String version = Launcher.class.getPackage().getImplementationVersion();
            return new String[] {"SimStack " + (version == null ? "dev" : version)};
        }
    }
}
