package dev.simstack.junit.internal.backend;

import dev.simstack.core.SimRandom;
import dev.simstack.fault.FaultPlan;
import dev.simstack.fault.FaultRule;
import dev.simstack.fault.WireFault;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Executor;
import java.util.concurrent.TimeUnit;
import org.reactivestreams.Publisher;
import software.amazon.awssdk.awscore.AwsExecutionAttribute;
import software.amazon.awssdk.core.ClientType;
import software.amazon.awssdk.core.exception.AbortedException;
import software.amazon.awssdk.core.interceptor.Context;
import software.amazon.awssdk.core.interceptor.ExecutionAttribute;
import software.amazon.awssdk.core.interceptor.ExecutionAttributes;
import software.amazon.awssdk.core.interceptor.ExecutionInterceptor;
import software.amazon.awssdk.core.interceptor.SdkExecutionAttribute;
import software.amazon.awssdk.regions.Region;

/**
 * Applies the rules of a test's {@link FaultPlan} on the injected clients of a remote backend, where no engine
 * sits between the client and the service: per attempt (so the SDK's retries meet each fault as they would meet
 * the service's answer), a rule's delay is slept on the wall clock (an async client's answer is held back that
 * long instead, when the rule lets the attempt through, so that the call never blocks its caller), then its
 * error is thrown as the SDK surfaces that AWS error, or the connection is reset before the request is sent, or
 * the answer is cut off after the service ran the call. Rules match by the names the test declared (a backend's
 * prefix is read back).
 */
final class ClientFaults implements ExecutionInterceptor {

    private static final ExecutionAttribute<SdkCall> CALL = new ExecutionAttribute<>("SimStackFaultedCall");
    private static final ExecutionAttribute<Boolean> TRUNCATE = new ExecutionAttribute<>("SimStackTruncate");
    /** An async attempt's latency, held back from its answer rather than slept on the calling thread. */
    private static final ExecutionAttribute<Duration> ANSWER_DELAY = new ExecutionAttribute<>("SimStackAnswerDelay");
    /**
     * The rule that faulted the latest attempt, for the client ledger ({@link LedgerRecorder}): a new value per
     * faulted attempt, so that the recorder tells this attempt's fault from an earlier one's by identity.
     */
    private static final ExecutionAttribute<Faulted> FAULTED = new ExecutionAttribute<>("SimStackFaultedBy");

    /** A faulted attempt's rule. */
    static final class Faulted {
        final FaultRule rule;

        Faulted(FaultRule rule) {
            this.rule = rule;
        }
    }

    /** A backend's name to the declared one (the AWS backend's prefixed names); empty on emulators. */
    private final Map<String, String> declared;
    private final Clock clock;
    private volatile List<ClientRule> rules = List.of();

    ClientFaults(Map<String, String> declared, Clock clock) {
        this.declared = declared;
        this.clock = clock;
    }

    /** Applies {@code plan}'s rules from now on, with fresh counters and streams seeded from {@code seed}. */
    void replace(FaultPlan plan, long seed) {
        Instant applied = clock.instant();
        List<ClientRule> applying = new ArrayList<>();
        for (FaultRule rule : plan.rules()) {
            applying.add(new ClientRule(rule, seed, applying.size(), applied));
        }
        this.rules = List.copyOf(applying);
    }

    @Override
    public void beforeExecution(Context.BeforeExecution context, ExecutionAttributes attributes) {
        if (rules.isEmpty()) {
            return;
        }
        Region region = attributes.getAttribute(AwsExecutionAttribute.AWS_REGION);
        // Read before other interceptors rename the request's members to the backend's names.
        SdkCall.of(attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                attributes.getAttribute(SdkExecutionAttribute.OPERATION_NAME), region == null ? null : region.id(),
                context.request(), declared).ifPresent(call -> attributes.putAttribute(CALL, call));
    }

    @Override
    public void beforeTransmission(Context.BeforeTransmission context, ExecutionAttributes attributes) {
        attributes.putAttribute(TRUNCATE, false);
        attributes.putAttribute(ANSWER_DELAY, Duration.ZERO);
        SdkCall call = attributes.getAttribute(CALL);
        if (call == null) {
            return;
        }
        for (ClientRule state : rules) {
            if (state.matches(call)) {
                SimRandom random = state.decide(call, clock.instant());
                if (random != null) {
                    fault(state.rule(), call, attributes, random);
                    return;
                }
            }
        }
    }

    /** The rule's delay, then its error or reset (thrown here), or a truncation of the answer to come. */
    private static void fault(FaultRule rule, SdkCall call, ExecutionAttributes attributes, SimRandom random) {
        attributes.putAttribute(FAULTED, new Faulted(rule));
        Duration delay = rule.distribution() != null ? rule.distribution().draw(random) : rule.latency();
        boolean answered = rule.wire() != WireFault.RESET && rule.error() == null;
        if (answered && attributes.getAttribute(SdkExecutionAttribute.CLIENT_TYPE) == ClientType.ASYNC) {
            // An async call must not block its caller (nor the SDK's retry thread): its answer is held back instead.
            attributes.putAttribute(ANSWER_DELAY, delay);
        } else {
            sleep(delay);
        }
        if (rule.wire() == WireFault.RESET) {
            throw SdkErrors.connectionReset();
        }
        if (rule.error() != null) {
            throw SdkErrors.serviceError(call.service(), attributes.getAttribute(SdkExecutionAttribute.SERVICE_NAME),
                    rule.error());
        }
        if (rule.wire() == WireFault.TRUNCATE) {
            attributes.putAttribute(TRUNCATE, true);
        }
    }

    /** The latest faulted attempt's rule in this call, or null when none was faulted. */
    static Faulted faulted(ExecutionAttributes attributes) {
        return attributes.getAttribute(FAULTED);
    }

    @Override
    public Optional<Publisher<ByteBuffer>> modifyAsyncHttpResponseContent(Context.ModifyHttpResponse context,
            ExecutionAttributes attributes) {
        Duration delay = attributes.getAttribute(ANSWER_DELAY);
        Optional<Publisher<ByteBuffer>> answer = context.responsePublisher();
        if (delay == null || delay.isZero() || answer.isEmpty()) {
            return answer;
        }
        Publisher<ByteBuffer> body = answer.get();
        Executor later = CompletableFuture.delayedExecutor(delay.toNanos(), TimeUnit.NANOSECONDS);
        return Optional.of(subscriber -> later.execute(() -> body.subscribe(subscriber)));
    }

    @Override
    public void afterTransmission(Context.AfterTransmission context, ExecutionAttributes attributes) {
        if (Boolean.TRUE.equals(attributes.getAttribute(TRUNCATE))) {
            attributes.putAttribute(TRUNCATE, false);
            // The service ran the call; its answer is dropped unread, as a client reading a cut body gives up.
            context.responseBody().ifPresent(ClientFaults::closeQuietly);
            throw SdkErrors.truncated();
        }
    }

    /**
     * Sleeps {@code delay} on the wall clock; an interrupt (the SDK's attempt or call timeout) ends the attempt
     * as the SDK's own timeouts expect.
     */
    private static void sleep(Duration delay) {
        if (delay.isZero()) {
            return;
        }
        try {
            Thread.sleep(delay.toMillis(), delay.toNanosPart() % 1_000_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw AbortedException.builder().message("interrupted during a SimStack latency fault").cause(e).build();
        }
    }

    private static void closeQuietly(InputStream body) {
        try {
            body.close();
        } catch (IOException e) {
            // The answer is discarded anyway.
        }
    }
}
