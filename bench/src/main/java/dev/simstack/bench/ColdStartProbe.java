package dev.simstack.bench;

import dev.simstack.core.QueueSpec;
import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import java.lang.management.ManagementFactory;
import software.amazon.awssdk.services.sqs.SqsClient;

/**
 * The measured child of the cold-start measurement, run in a fresh JVM: starts a stack with one queue
 * first thing, sends it one SendMessage over a raw socket, says {@link ColdStart#READY} the moment the
 * answer is in, then (for information) times an SDK client's first call; with {@link #SERVED_ONLY} it
 * stops right after the first request. The JVM's own start time is
 * read last, so loading the management classes costs the measured path nothing.
 */
public final class ColdStartProbe {

    /** The argument that ends the probe right after the first request (for {@link ColdClasses}). */
    static final String SERVED_ONLY = "--served-only";

    private ColdStartProbe() {
    }

    public static void main(String[] args) throws Exception {
        long mainAt = System.currentTimeMillis();
        long t0 = System.nanoTime();
        Stack stack = StackConfig.defaults().withQueue(QueueSpec.named("q")).start();
        long t1 = System.nanoTime();
        String queueUrl = stack.queue("q").url();
        String answer = RawHttp.postJson(stack.port(), "AmazonSQS.SendMessage",
                "{\"QueueUrl\":\"" + queueUrl + "\",\"MessageBody\":\"cold\"}");
        long t2 = System.nanoTime();
        long servedAt = System.currentTimeMillis();
        // CPU time of every thread so far (JIT and GC threads too): less skewed by a busy machine than wall time.
        long cpuMillis = ProcessHandle.current().info().totalCpuDuration().map(d -> d.toMillis()).orElse(-1L);
        System.out.println(ColdStart.READY);
        System.out.flush();
        if (args.length > 0 && args[0].equals(SERVED_ONLY)) {
            System.out.println(ColdStart.RESULT + " cpu=" + cpuMillis + " status=" + RawHttp.status(answer));
            System.out.flush();
            Runtime.getRuntime().halt(0); // nothing more loads, for a class-loading log that ends here
        }
        long t3 = System.nanoTime();
        try (SqsClient sqs = Clients.sqs(stack.endpoint(), 4)) {
            sqs.sendMessage(b -> b.queueUrl(queueUrl).messageBody(Payloads.BODY));
        }
        long t4 = System.nanoTime();
        stack.close();
        long vmStart = ManagementFactory.getRuntimeMXBean().getStartTime();
        System.out.println(ColdStart.RESULT + " vmToMain=" + (mainAt - vmStart)
                + " start=" + ms(t1 - t0)
                + " firstRequest=" + ms(t2 - t1)
                + " vmToServed=" + (servedAt - vmStart)
                + " sdkFirstCall=" + ms(t4 - t3)
                + " cpu=" + cpuMillis
                + " status=" + RawHttp.status(answer));
    }

    private static String ms(long nanos) {
        return Double.toString(nanos / 1e6);
    }
}
