package dev.simstack.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.CallResult;
import dev.simstack.core.Interceptor;
import dev.simstack.core.SemanticHook;
import dev.simstack.core.ServiceCall;
import dev.simstack.core.SimClock;
import dev.simstack.core.SimRandom;
import dev.simstack.core.Stack;
import java.util.ArrayList;
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
 * Every faulted call is marked in the ledger's request entry ({@code fault}). The plan's
 * {@link SemanticFault}s act inside the services, through the hooks this injector offers them
 * ({@link #hooks()}); a hook that is also an {@link Interceptor} sees the calls the rules let through.
 * {@link #replace} swaps the plan on a running stack (a test's own faults).
 */
@API(status = EXPERIMENTAL, since = "0.1")
public final class FaultInjector implements Interceptor {

    private volatile Active active;
    private volatile Stack stack;
    private volatile boolean paused;

    /** An injector applying {@code plan} once the stack it is added to has started. */
    public FaultInjector(FaultPlan plan) {
        this.active = new Active(plan, plan.rules().stream().map(RuleState::new).toList(), List.of());
    }

    @Override
    public void attach(Stack attached) {
        this.stack = attached;
        FaultPlan plan = active.plan;
        activate(plan, plan.seed() != null ? plan.seed() : attached.seed());
    }

    /**
     * Applies {@code plan} from now on instead of the current one, with fresh counters and random streams:
     * seeded from the plan's own seed, else from {@code seed} (a test's seed, so that each test of a class
     * replays alone as in sequence). Calls already being faulted finish as they were.
     *
     * @param plan the plan to apply
     * @param seed the seed for its random choices when the plan has none of its own
     * @throws IllegalStateException before the injector is attached to a started stack
     */
    public void replace(FaultPlan plan, long seed) {
        if (stack == null) {
            throw new IllegalStateException("this fault injector is not attached to a stack yet: add it with"
                    + " StackConfig.withInterceptor and start the stack first");
        }
        activate(plan, plan.seed() != null ? plan.seed() : seed);
    }

    private void activate(FaultPlan plan, long seed) {
        List<RuleState> states = plan.rules().stream().map(RuleState::new).toList();
        for (int i = 0; i < states.size(); i++) {
            // SplitMix-style spreading, so neighbouring rules do not draw correlated streams.
            states.get(i).random = new SimRandom(seed ^ (0x9E3779B97F4A7C15L * (i + 1)));
        }
        List<SemanticHook> hooks = new ArrayList<>();
        int position = states.size();
        for (SemanticFault fault : plan.semanticFaults()) {
            hooks.add(fault.activate(new FaultContext(stack, seed, position++)));
        }
        this.active = new Active(plan, states, hooks);
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
        return active.plan;
    }

    /** How many calls rule {@code index} (in plan order) has faulted so far. */
    public long injected(int index) {
        return active.states.get(index).injected.get();
    }

    /** The hooks of the current plan's semantic faults (none while paused). */
    @Override
    public List<? extends SemanticHook> hooks() {
        return paused ? List.of() : active.hooks;
    }

    @Override
    public CompletionStage<CallResult> intercept(ServiceCall call, Next next) {
        Stack attached = stack;
        if (paused || attached == null) {
            return next.proceed(call);
        }
        for (RuleState state : active.states) {
            if (state.rule.matches(call) && state.decide()) {
                return fault(state.rule, call, next, attached.clock());
            }
        }
        return throughHooks(active.hooks, 0, call, next);
    }

    /**
     * Passes {@code call} through the semantic hooks that also act on the wire (a region outage fails every call
     * signed for its region), in plan order, then on.
     */
    private static CompletionStage<CallResult> throughHooks(List<SemanticHook> hooks, int from, ServiceCall call,
            Next next) {
        for (int i = from; i < hooks.size(); i++) {
            if (hooks.get(i) instanceof Interceptor wire) {
                int rest = i + 1;
                return wire.intercept(call, c -> throughHooks(hooks, rest, c, next));
            }
        }
        return next.proceed(call);
    }

    private static CompletionStage<CallResult> fault(FaultRule rule, ServiceCall call, Next next, SimClock clock) {
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
        return "FaultInjector[" + active.plan + "]";
    }

    /** A plan as applied: its rules' counters and streams, its semantic faults' hooks. */
    private record Active(FaultPlan plan, List<RuleState> states, List<SemanticHook> hooks) {
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
