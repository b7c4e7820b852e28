package dev.simstack.bench;

import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;

/**
 * Entry point of {@code simstack-bench.jar}; see docs/benchmarks.md.
 *
 * <pre>
 * all                 everything below, in about 45 minutes
 * cold [runs] [--cds] stack start in fresh JVMs (default 10); --cds: the probe with an AppCDS archive
 * cold-classes [runs]  the classes a fresh JVM loads until its first request is served, by package, and its CPU time
 * heap [stacks]       heap and threads per idle stack (default 100); heap kept per message handled
 * dynamodb-heap [n]   heap kept by a table of n orders of 200 bytes (default 100000)
 * ledger-heap [writes] [limit]
 *                     ledger bytes per entry by kind; heap under writes item writes (default 1000000) with the
 *                     ledger limit (default 100000, the launcher's) and without
 * e2e [s] [threads] [concurrency]
 * sqs-lambda [messages] [concurrency]
 *                     API -> SQS -> Lambda -> DynamoDB for s seconds (default 20) from client threads
 *                     (default 16), event source mapping's maximum concurrency (default 5)
 * launcher [jar] [runs] [--cds]
 *                     the launcher's start in fresh JVMs (default server/target/simstack-server.jar, 10)
 * junit-overhead [classes] [warm-up]
 *                     what @SimStack adds per class and per method, against plain JUnit and bare start, close
 *                     and reset (default 200 classes of each kind after 50)
 * jmh [jmh options]   the JMH benchmarks (StackStart, SendMessage, ReceiveDeleteBatch, DynamoDb, S3, Reset,
 *                     LambdaInvoke), e.g. jmh DynamoDb, or -prof stack
 * probe               whether the engine's SQS works yet (exit code 0 if so)
 * </pre>
 */
public final class Bench {

    private static final String ALL_JMH =
            "dev.simstack.bench.(StackStart|SendMessage|ReceiveDeleteBatch|DynamoDb|S3|LambdaInvoke|Reset)Benchmark";

    /** Where {@code ./mvnw -pl server -am package} puts the launcher, from the repository's root. */
    private static final String DEFAULT_LAUNCHER = "server/target/simstack-server.jar";

    private Bench() {
    }

    public static void main(String[] args) throws Exception {
        String command = args.length == 0 ? "help" : args[0];
        String[] rest = Arrays.copyOfRange(args, Math.min(1, args.length), args.length);
        MachineLoad load = MachineLoad.start();
        switch (command) {
            case "all":
                ColdStart.run(10, false);
                IdleHeap.run(100);
                RetainedHeap.run(20_000);
                DynamoDbHeap.run(100_000);
                LedgerEntryHeap.run();
                LedgerLimitHeap.run(1_000_000, 100_000);
                LauncherStart.run(Path.of(DEFAULT_LAUNCHER), 10, false);
                EndToEnd.run(20, 16, 5);
                SqsToLambda.run(200_000, 5);
                JunitOverhead.run(200, 50);
                ReportWrite.run(100_000, false);
                jmh(rest.length == 0 ? new String[] {ALL_JMH} : rest);
                break;
            case "cold":
                ColdStart.run(rest.length == 0 || rest[0].startsWith("--") ? 10 : Integer.parseInt(rest[0]),
                        List.of(rest).contains("--cds"));
                break;
            case "cold-classes":
                ColdClasses.run(rest.length == 0 ? 10 : Integer.parseInt(rest[0]));
                break;
            case "heap":
                IdleHeap.run(rest.length == 0 ? 100 : Integer.parseInt(rest[0]));
                RetainedHeap.run(20_000);
                break;
            case "dynamodb-heap":
                DynamoDbHeap.run(intArgument(rest, 0, 100_000));
                break;
            case "ledger-heap":
                LedgerEntryHeap.run();
                LedgerLimitHeap.run(intArgument(rest, 0, 1_000_000), intArgument(rest, 1, 100_000));
                break;
            case "e2e":
                EndToEnd.run(intArgument(rest, 0, 20), intArgument(rest, 1, 16), intArgument(rest, 2, 5));
                break;
            case "sqs-lambda":
                SqsToLambda.run(intArgument(rest, 0, 100_000), intArgument(rest, 1, 5));
                break;
            case "report":
                ReportWrite.run(rest.length == 0 || rest[0].startsWith("--") ? 100_000 : Integer.parseInt(rest[0]),
                        List.of(rest).contains("--keep"));
                break;
            case "launcher":
                LauncherStart.run(Path.of(rest.length == 0 || rest[0].startsWith("--") ? DEFAULT_LAUNCHER : rest[0]),
                        rest.length > 1 && !rest[1].startsWith("--") ? Integer.parseInt(rest[1]) : 10,
                        List.of(rest).contains("--cds"));
                break;
            case "junit-overhead":
                JunitOverhead.run(intArgument(rest, 0, 200), intArgument(rest, 1, 50));
                break;
            case "jmh":
                jmh(rest.length == 0 ? new String[] {ALL_JMH} : rest);
                break;
            case "probe":
                System.exit(SqsProbe.works() ? 0 : 1);
                break;
            default:
                System.out.println("usage: java -jar simstack-bench.jar all | cold [runs] [--cds] | cold-classes [runs] | heap [stacks]"
                        + " | dynamodb-heap [items] | ledger-heap [writes] [limit]"
                        + " | e2e [seconds] [threads] [concurrency] | sqs-lambda [messages] [concurrency] | report [entries] [--keep] | launcher [jar] [runs] [--cds]"
                        + " | junit-overhead [classes] [warm-up]"
                        + " | jmh [JMH options] | probe   (see docs/benchmarks.md)");
                System.exit(command.equals("help") ? 0 : 2);
        }
        if (load != null) {
            System.out.println(load.report());
        }
        // Stacks and SDK clients leave only daemon threads, but the Apache client's reaper may linger.
        System.exit(0);
    }

    private static int intArgument(String[] args, int index, int otherwise) {
        return args.length > index ? Integer.parseInt(args[index]) : otherwise;
    }

    /** JMH's own command line: -h, -l, -lprof, -prof ..., -rf json, and benchmark name patterns. */
    private static void jmh(String[] options) throws Exception {
        org.openjdk.jmh.Main.main(options);
    }
}
