package dev.simstack.bench;

import static org.junit.platform.engine.discovery.DiscoverySelectors.selectClass;

import dev.simstack.core.Stack;
import dev.simstack.junit.SimStackClients;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.platform.engine.TestExecutionResult;
import org.junit.platform.launcher.Launcher;
import org.junit.platform.launcher.LauncherDiscoveryRequest;
import org.junit.platform.launcher.TestExecutionListener;
import org.junit.platform.launcher.TestIdentifier;
import org.junit.platform.launcher.core.LauncherDiscoveryRequestBuilder;
import org.junit.platform.launcher.core.LauncherFactory;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * What {@code @SimStack} adds to a test run, against JUnit's own cost and the bare engine calls it makes.
 * Per class: a class of {@link OverheadFixtures} run through the JUnit Platform {@link Launcher}, timed from
 * the class's start to its end as the platform reports them (before-all, the test, the store closing), so
 * discovery is not counted; against a bare {@code Stack.start()} + {@code close()} of the same declarations,
 * with and without the three SDK clients. Per method: each repetition of a class of
 * {@value OverheadFixtures#REPETITIONS}, from its start to its end (before-each callbacks and parameter
 * resolution included); against a bare {@code reset()} + {@code random().restart(seed)}.
 */
final class JunitOverhead {

    private final Launcher launcher = LauncherFactory.create();

    private JunitOverhead() {
    }

    static void run(int classes, int warmUp) {
        new JunitOverhead().measure(classes, warmUp);
    }

    private void measure(int classes, int warmUp) {
        System.out.printf("JUnit extension overhead: %d classes of each kind after %d to warm up%n", classes, warmUp);
        for (int i = 0; i < warmUp; i++) {
            classTimes(OverheadFixtures.PlainClass.class);
            classTimes(OverheadFixtures.StackClass.class);
            bareStartAndClose(false);
            bareStartAndClose(true);
        }
        List<Double> plain = new ArrayList<>();
        List<Double> harnessed = new ArrayList<>();
        List<Double> bare = new ArrayList<>();
        List<Double> bareWithClients = new ArrayList<>();
        for (int i = 0; i < classes; i++) {
            plain.add(classTimes(OverheadFixtures.PlainClass.class).get(0));
            harnessed.add(classTimes(OverheadFixtures.StackClass.class).get(0));
            bare.add(bareStartAndClose(false));
            bareWithClients.add(bareStartAndClose(true));
        }
        print("per class, plain JUnit (no extension)", plain);
        print("per class, @SimStack + 3 injected clients", harnessed);
        print("bare Stack.start() + close()", bare);
        print("bare start + 3 clients built and closed + close", bareWithClients);

        int methodRuns = Math.max(2, classes / 20);
        List<Double> plainMethods = new ArrayList<>();
        List<Double> stackMethods = new ArrayList<>();
        List<Double> neverReset = new ArrayList<>();
        List<Double> bareReset = new ArrayList<>();
        List<Double> spacedReset = new ArrayList<>();
        for (int i = 0; i < methodRuns; i++) {
            boolean counted = i > 0; // the first round warms up
            addIf(counted, plainMethods, methodTimes(OverheadFixtures.PlainMethods.class));
            addIf(counted, stackMethods, methodTimes(OverheadFixtures.StackMethods.class));
            addIf(counted, neverReset, methodTimes(OverheadFixtures.NeverResetMethods.class));
            addIf(counted, bareReset, bareResets(OverheadFixtures.REPETITIONS, 0));
            addIf(counted, spacedReset, bareResets(OverheadFixtures.REPETITIONS, 1));
        }
        printMicros("per method, plain JUnit (no extension)", plainMethods);
        printMicros("per method, @SimStack: reset + restart + 4 parameters", stackMethods);
        printMicros("per method, @SimStack(reset = NEVER): 4 parameters", neverReset);
        printMicros("bare reset() + random().restart(seed)", bareReset);
        printMicros("the same, 1 ms apart", spacedReset);
    }

    private static void addIf(boolean counted, List<Double> sample, List<Double> values) {
        if (counted) {
            sample.addAll(values);
        }
    }

    /** Runs {@code testClass}; the class's time, or each test's when {@code tests}; in milliseconds. */
    private List<Double> times(Class<?> testClass, boolean tests) {
        LauncherDiscoveryRequest request = LauncherDiscoveryRequestBuilder.request()
                .selectors(selectClass(testClass)).build();
        Map<String, Long> started = new ConcurrentHashMap<>();
        List<Double> times = new ArrayList<>();
        List<String> failures = new ArrayList<>();
        launcher.execute(request, new TestExecutionListener() {
            @Override
            public void executionStarted(TestIdentifier id) {
                started.put(id.getUniqueId(), System.nanoTime());
            }

            @Override
            public void executionFinished(TestIdentifier id, TestExecutionResult result) {
                long end = System.nanoTime();
                if (result.getStatus() != TestExecutionResult.Status.SUCCESSFUL) {
                    failures.add(id.getDisplayName() + ": " + result.getThrowable().map(Throwable::toString).orElse("?"));
                }
                boolean isClass = id.getSource().map(s -> s instanceof org.junit.platform.engine.support.descriptor
                        .ClassSource).orElse(false);
                if (tests ? id.isTest() : isClass) {
                    times.add((end - started.get(id.getUniqueId())) / 1e6);
                }
            }
        });
        if (!failures.isEmpty()) {
            throw new IllegalStateException(testClass.getSimpleName() + " failed: " + failures);
        }
        return times;
    }

    private List<Double> classTimes(Class<?> testClass) {
        return times(testClass, false);
    }

    private List<Double> methodTimes(Class<?> testClass) {
        return times(testClass, true);
    }

    /** A start and close of the fixtures' stack, with the three clients the extension would inject; in ms. */
    private static double bareStartAndClose(boolean withClients) {
        long start = System.nanoTime();
        Stack stack = OverheadFixtures.SHOP.start();
        if (withClients) {
            SqsClient sqs = SimStackClients.configure(SqsClient.builder(), stack).build();
            DynamoDbClient dynamo = SimStackClients.configure(DynamoDbClient.builder(), stack).build();
            S3Client s3 = SimStackClients.configure(S3Client.builder(), stack).build();
            sqs.close();
            dynamo.close();
            s3.close();
        }
        stack.close();
        return (System.nanoTime() - start) / 1e6;
    }

    /**
     * What the extension does to a stack before each method, without JUnit; in ms. Back to back, or
     * {@code pauseMillis} apart: between test methods caches cool down and the event source mapping's poller,
     * which each reset starts again, gets to run, so a tight loop alone flatters the figure.
     */
    private static List<Double> bareResets(int count, int pauseMillis) {
        List<Double> times = new ArrayList<>();
        try (Stack stack = OverheadFixtures.SHOP.start()) {
            for (int i = 0; i < count; i++) {
                long start = System.nanoTime();
                stack.reset();
                stack.random().restart(stack.seed() ^ i);
                times.add((System.nanoTime() - start) / 1e6);
                pause(pauseMillis);
            }
        }
        return times;
    }

    private static void pause(int millis) {
        if (millis > 0) {
            try {
                Thread.sleep(millis);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    private static void print(String what, List<Double> millis) {
        System.out.printf("  %-55s %s%n", what, Stats.of(millis).summary("ms"));
    }

    /** Methods cost microseconds: shown in them, or the one decimal of {@link Stats#summary} says nothing. */
    private static void printMicros(String what, List<Double> millis) {
        System.out.printf("  %-55s %s%n", what, Stats.of(millis.stream().map(ms -> ms * 1000).toList())
                .summary("us"));
    }
}
