package dev.simstack.junit.internal.burst;

import dev.simstack.core.SimClock;
import dev.simstack.core.Stack;
import dev.simstack.junit.BurstBodies;
import dev.simstack.junit.BurstSpec;
import java.io.PrintStream;
import java.net.http.HttpClient;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Runs one burst against a stack: resolves its target (failing fast on unknown names), lays out the
 * arrivals, and sends the requests with a JDK HTTP client of its own, released when the burst ends.
 */
public final class BurstRun {

    private BurstRun() {
    }

    /** Runs {@code spec} against {@code stack}, blocking until its answers are in; progress goes to {@code out}. */
    public static BurstOutcome run(Stack stack, BurstSpec spec, PrintStream out) {
        if (spec.span() == null) {
            String target = spec.api().isEmpty() ? "queue '" + spec.queue() + "'" : "API '" + spec.api() + "'";
            throw new IllegalArgumentException("burst on " + target + " has no size: give it withRequests(requests,"
                    + " over) or withRate(perSecond, duration)");
        }
        String region = spec.region().isEmpty() ? stack.defaultRegion() : spec.region();
        BurstTarget target = spec.api().isEmpty() ? QueueTarget.resolve(stack, spec, region)
                : ApiRouteTarget.resolve(stack, spec, region);
        long[] offsets = ArrivalSchedule.offsets(spec.requests(), spec.span(), spec.arrivals(), stack.seed());
        SimClock clock = stack.clock();
        Answers answers = new Answers(clock, target, spec.requests());
        ExecutorService threads = Executors.newCachedThreadPool(daemonThreads());
        try {
            HttpClient client = HttpClient.newBuilder().executor(threads).version(HttpClient.Version.HTTP_1_1)
                    .connectTimeout(Duration.ofSeconds(10)).build();
            Random random = new Random(stack.seed());
            BurstBodies bodies = spec.bodies().orElse(null);
            Pacing pacing = new Pacing(clock, stack.config().clock().scale(), answers,
                    new Progress(target.describe(), spec.requests(), out), target, stack::awaitQuiet);
            pacing.run(offsets, n -> client.sendAsync(target.request(n,
                    bodies != null ? bodies.body(n, random) : Template.render(spec.body(), n, stack.seed()),
                    headers(spec, n, stack.seed())), HttpResponse.BodyHandlers.ofString()));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt(); // the result shows what was sent and answered until then
        } finally {
            answers.abandonUnanswered();
            threads.shutdownNow();
        }
        return answers.outcome(target.describe());
    }

    private static Map<String, String> headers(BurstSpec spec, long n, long seed) {
        Map<String, String> headers = new LinkedHashMap<>();
        spec.headers().forEach((name, value) -> headers.put(name, Template.render(value, n, seed)));
        return headers;
    }

    private static ThreadFactory daemonThreads() {
        AtomicInteger count = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, "simstack-burst-" + count.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
