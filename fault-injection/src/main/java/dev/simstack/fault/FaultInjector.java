package dev.simstack.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.CallResult;
import dev.simstack.core.Interceptor;
import dev.simstack.core.ServiceCall;
import dev.simstack.core.SimClock;
import dev.simstack.core.SimRandom;
import dev.simstack.core.Stack;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * Applies a {@link FaultPlan} to a stack's calls at its interception point. Add it with
 * {@code StackConfig.withInterceptor(new FaultInjector(plan))}; it acts from the moment the stack has
 * started. Each rule draws from its own random source, seeded from the plan's seed (or the stack's) and
 * the rule's position, so a run with the same seed and the same order of calls faults the same calls.
 * Every faulted call is marked in the ledger's request entry ({@code fault}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FaultInjector implements Interceptor {

    private final FaultPlan plan;
    private final List<RuleState> states;
    private volatile SimClock clock;
    private volatile boolean paused;

    /** An injector applying {@code plan} once the stack it is added to has started. */
    public FaultInjector(FaultPlan plan) {
        this.plan = plan;
        this.states = plan.rules().stream().map(RuleState::new).toList();
    }

    @Override
    public void attach(Stack stack) {
        long seed = plan.seed() != null ? plan.seed() : stack.seed();
        for (int i = 0; i < states.size(); i++) {
            // SplitMix-style spreading, so neighbouring rules do not draw correlated streams.
            states.get(i).random = new SimRandom(seed ^ (0x9E3779B97F4A7C15L * (i + 1)));
        }
        this.clock = stack.clock();
    }

    /** Stops injecting until {@link #resume()}: calls pass untouched and are not counted. */
    public void pause() {
        paused = true;
    }

    /** Injects again after {@link #pause()}. */
    public void resume() {
        paused = false;
    }

    /** The plan this injector applies. */
    public FaultPlan plan() {
        return plan;
    }

    /** How many calls rule {@code index} (in plan order) has faulted so far. */
    public long injected(int index) {
        return states.get(index).injected.get();
    }

    @Override
    public CompletionStage<CallResult> intercept(ServiceCall call, Next next) {
        SimClock now = clock;
        if (paused || now == null) {
            return next.proceed(call);
        }
        for (RuleState state : states) {
            if (state.rule.matches(call) && state.decide()) {
                return apply(state.rule, call, next, now);
            }
        }
        return next.proceed(call);
    }

    private static CompletionStage<CallResult> apply(FaultRule rule, ServiceCall call, Next next, SimClock clock) {
        call.noteFault(rule.name());
        if (rule.latency().isZero()) {
            return rule.error() != null ? CompletableFuture.completedFuture(failure(rule)) : next.proceed(call);
        }
        CompletableFuture<CallResult> answer = new CompletableFuture<>();
        clock.schedule(rule.latency(), () -> {
            if (rule.error() != null) {
                answer.complete(failure(rule));
                return;
            }
            try {
                next.proceed(call).whenComplete((output, failure) -> {
                    if (failure != null) {
                        answer.completeExceptionally(failure);
                    } else {
                        answer.complete(output);
                    }
                });
            } catch (RuntimeException e) {
                answer.completeExceptionally(e);
            }
        });
        return answer;
    }

    /** The rule's error as the call's result: the service never sees the call. */
    private static CallResult failure(FaultRule rule) {
        return CallResult.failure(rule.error().toException());
    }

    @Override
    public String toString() {
        return "FaultInjector[" + plan + "]";
    }

    /** A rule's counters and random source. */
    private static final class RuleState {
        private final FaultRule rule;
        private final AtomicLong matched = new AtomicLong();
        private final AtomicLong injected = new AtomicLong();
        private SimRandom random;

        RuleState(FaultRule rule) {
            this.rule = rule;
        }

        /** Counts a match and says whether to fault it: past {@code after}, under {@code times}, by chance. */
        synchronized boolean decide() {
            if (matched.incrementAndGet() <= rule.after() || injected.get() >= rule.times()) {
                return false;
            }
            if (rule.probability() < 1 && !random.chance(rule.probability())) {
                return false;
            }
            injected.incrementAndGet();
            return true;
        }
    }
}
