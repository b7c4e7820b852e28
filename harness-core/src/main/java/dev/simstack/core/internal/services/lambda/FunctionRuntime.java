package dev.simstack.core.internal.services.lambda;

import dev.simstack.core.LedgerEntry.InvocationOutcome;
import dev.simstack.core.internal.engine.StackContext;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CancellationException;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;

/**
 * Runs invocations: takes a unit of concurrency (or refuses, throttled), a warm execution environment or
 * a new one (a cold start, after the function's cold-start delay on the clock), runs the handler on the
 * stack's Lambda executor — never on a Netty thread — and ends it at the function's timeout on the
 * stack's clock, interrupting the handler. Every invocation lands in the ledger.
 */
final class FunctionRuntime {

    /** One request to run a function. */
    record Request(LambdaFunction function, FunctionConfig config, String version, byte[] event, String trigger,
            List<String> carried) {
    }

    private final StackContext context;
    /** Handlers of functions without a package of their own, from the class path the stack was started with. */
    private final HandlerInvoker classPath;
    private final ExecutorService executor;
    private final InvocationLogs logs;
    private final LambdaFaultPoints faults;
    private final TimeoutWatch timeouts;
    private volatile String endpoint;
    /** Counts resets: an invocation started before one leaves no trace (ledger, logs, warm environment). */
    private volatile long generation;

    FunctionRuntime(StackContext context, HandlerInvoker invoker, ExecutorService executor, InvocationLogs logs) {
        this.context = context;
        this.classPath = invoker;
        this.executor = executor;
        this.logs = logs;
        this.faults = new LambdaFaultPoints(context);
        this.timeouts = new TimeoutWatch(context.clock());
    }

    /** The stack's endpoint, handed to handlers as {@code AWS_ENDPOINT_URL}. */
    void endpoint(String url) {
        this.endpoint = url;
    }

    /**
     * Invocations running now (on worker threads, or waiting for a cold start) run to their end, but their
     * outcome is no longer recorded in the ledger or the logs and their environment is not kept warm.
     */
    void abandonRunning() {
        generation++;
    }

    long generation() {
        return generation;
    }

    /** Runs {@code request} under {@code limits}; completes when the handler ends or times out. */
    CompletableFuture<InvocationResult> invoke(Request request, ConcurrencyLimits limits) {
        return invoke(request, limits, generation);
    }

    /**
     * Runs {@code request} for work begun in generation {@code born} (an event source mapping's poller
     * started before a reset): after a reset it does not run at all, so no check-then-invoke race lets an
     * abandoned poller's batch into the emptied state; the future fails with a CancellationException.
     */
    CompletableFuture<InvocationResult> invoke(Request request, ConcurrencyLimits limits, long born) {
        if (born != generation) {
            return CompletableFuture.failedFuture(
                    new CancellationException("the stack was reset after this invocation's work began"));
        }
        String requestId = context.ids().next();
        LambdaFunction function = request.function();
        boolean faultLimited = faults.throttles(function);
        ConcurrencyLimits.Pool pool = faultLimited ? ConcurrencyLimits.Pool.NONE : limits.acquire(function);
        if (pool == ConcurrencyLimits.Pool.NONE) {
            context.ledger().invocation(function.ref(), requestId, null, false,
                    context.clock().now(), InvocationOutcome.THROTTLED, request.trigger(), request.carried());
            String reason = faultLimited || function.reservedConcurrency() != null
                    ? "ReservedFunctionConcurrentInvocationLimitExceeded" : "ConcurrentInvocationLimitExceeded";
            return CompletableFuture.completedFuture(new InvocationResult(requestId, InvocationOutcome.THROTTLED,
                    null, reason, request.version(), List.of(), 0));
        }
        CompletableFuture<InvocationResult> done = new CompletableFuture<>();
        Optional<Duration> forcedCold = faults.forcedColdStart(function);
        ExecutionEnvironment warm = forcedCold.isPresent() ? null : function.takeWarm(request.version());
        Runnable start = () -> run(request, requestId, warm, done, () -> limits.release(function, pool), born);
        long coldDelay = request.config().coldStartMillis() + forcedCold.map(Duration::toMillis).orElse(0L);
        if (warm == null && coldDelay > 0) {
            context.clock().schedule(Duration.ofMillis(coldDelay), () -> submit(start, done, function, pool, limits));
        } else {
            submit(start, done, function, pool, limits);
        }
        return done;
    }

    private void submit(Runnable start, CompletableFuture<InvocationResult> done, LambdaFunction function,
            ConcurrencyLimits.Pool pool, ConcurrencyLimits limits) {
        try {
            // counted from here until the handler's thread is done, so that a stack waiting to be quiet waits for it
            context.activity().counting(executor).execute(start);
        } catch (RuntimeException e) {
            limits.release(function, pool); // the stack is closing
            done.cancel(false);
        }
    }

    private void run(Request request, String requestId, ExecutionEnvironment warm,
            CompletableFuture<InvocationResult> done, Runnable release, long born) {
        LambdaFunction function = request.function();
        boolean cold = warm == null;
        Instant start = context.clock().now();
        long deadline = start.toEpochMilli() + request.config().timeoutSeconds() * 1000L;
        String envId = cold ? context.ids().next().replace("-", "").substring(0, 16) : warm.id();
        InvocationContext lambdaContext = new InvocationContext(requestId, function, request.config(),
                request.version(), invokedArn(request), envId, deadline, context.clock(), endpoint);
        AtomicBoolean finished = new AtomicBoolean();
        Thread worker = Thread.currentThread();
        AtomicReference<ExecutionEnvironment> env = new AtomicReference<>(warm);
        Finisher finish = (outcome, payload) -> {
            if (!finished.compareAndSet(false, true)) {
                return;
            }
            release.run();
            List<String> lines = lambdaContext.lines();
            if (born == generation) {
                logs.put(requestId, lines);
                context.ledger().invocation(function.ref(), requestId, envId, cold, start,
                        outcome, request.trigger(), request.carried());
                if (outcome != InvocationOutcome.TIMEOUT && env.get() != null) {
                    function.keepWarm(env.get()); // AWS resets an environment after a timeout
                }
            }
            long duration = context.clock().millis() - start.toEpochMilli();
            done.complete(new InvocationResult(requestId, outcome, payload, null, request.version(), lines,
                    duration));
        };
        TimeoutWatch.Watched timeout = timeouts.watch(deadline, () -> {
            if (!finished.get()) {
                finish.end(InvocationOutcome.TIMEOUT, FunctionErrors.timeout(context.clock().now(), requestId,
                        request.config().timeoutSeconds()));
                worker.interrupt();
            }
        });
        ClassLoader caller = worker.getContextClassLoader();
        try {
            HandlerInvoker code = function.invoker(request.version(), request.config().code(), classPath,
                    classPath.loader());
            // as in AWS's runtime, the function's own loader is the context loader (ServiceLoader, SDK clients)
            worker.setContextClassLoader(code.loader());
            if (env.get() == null) {
                env.set(new ExecutionEnvironment(envId, function.generation(), request.version(),
                        code.instantiate(request.config().handler())));
            }
            awaitHandlerDelay(request, start);
            byte[] output = env.get().handler().invoke(request.event(), lambdaContext);
            if (faults.crashesAfterEffect(function, request.event())) {
                env.set(null); // the runtime process exited: its environment is gone, the next start is cold
                finish.end(InvocationOutcome.ERROR, FunctionErrors.exitError(requestId));
            } else {
                finish.end(InvocationOutcome.SUCCESS, output);
            }
        } catch (HandlerInvoker.HandlerLoadException e) {
            env.set(null);
            finish.end(InvocationOutcome.ERROR, FunctionErrors.loadError(e));
        } catch (Throwable e) {
            finish.end(InvocationOutcome.ERROR, FunctionErrors.unhandled(e));
        } finally {
            worker.setContextClassLoader(caller);
            timeouts.leave(timeout);
            if (finished.get()) {
                Thread.interrupted(); // clear an interrupt of the timeout, the thread goes back to the pool
            }
        }
    }

    /**
     * Waits on the stack's clock for a fault's delay before the handler runs; the function's timeout interrupts
     * the wait (the invocation has then ended as timed out, and the handler never runs).
     */
    private void awaitHandlerDelay(Request request, Instant start) throws InterruptedException {
        Duration delay = faults.handlerDelay(request.function(), request.config().timeoutSeconds(), request.event());
        if (delay.isZero()) {
            return;
        }
        CountDownLatch elapsed = new CountDownLatch(1);
        // While it waits on the clock the invocation is not the stack's activity; the timer hands the count back
        // before it wakes the handler's thread, so the stack is not quiet between the two.
        AtomicBoolean handedBack = new AtomicBoolean();
        Runnable resume = () -> {
            if (handedBack.compareAndSet(false, true)) {
                context.activity().begin();
            }
        };
        // from the invocation's start, as its timeout is: a cold start's instantiation does not shift it
        var timer = context.clock().schedule(start.plus(delay), () -> {
            resume.run();
            elapsed.countDown();
        });
        context.activity().end();
        try {
            elapsed.await();
        } finally {
            resume.run(); // woken by the timeout's interrupt instead
            timer.cancel();
        }
    }

    private static String invokedArn(Request request) {
        String arn = request.function().arn();
        return "$LATEST".equals(request.version()) ? arn : arn + ":" + request.version();
    }

    @FunctionalInterface
    private interface Finisher {
        void end(InvocationOutcome outcome, byte[] payload);
    }
}
