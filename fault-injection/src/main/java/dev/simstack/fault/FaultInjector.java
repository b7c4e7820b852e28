package dev.simstack.fault;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.CallResult;
import dev.simstack.core.Interceptor;
import dev.simstack.core.ResourceRef;
import dev.simstack.core.SemanticHook;
import dev.simstack.core.ServiceCall;
import dev.simstack.core.SimClock;
import dev.simstack.core.SimRandom;
import dev.simstack.core.Stack;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.atomic.AtomicLong;
import org.apiguardian.api.API;

/**
 * Applies a {@link FaultPlan} to a stack's calls at its interception point. Add it with
 * {@code StackConfig.withInterceptor(new FaultInjector(plan))}; it acts from the moment the stack has
 * started. Each rule draws from its own random streams, one per resource its calls address, seeded from the
 * plan's seed (or the stack's), the rule's position and the resource's name (as {@link FaultContext} derives
 * them): a run with the same seed and the same calls to a resource faults the same of them, whatever other
 * traffic runs beside. Rule windows are measured on the stack's clock from the moment the plan is applied.
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
        this.active = new Active(plan, List.of(), List.of());
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
        Instant applied = stack.clock().now();
        List<RuleState> states = new ArrayList<>();
        for (FaultRule rule : plan.rules()) {
            states.add(new RuleState(rule, new FaultContext(stack, seed, states.size()), applied));
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
            if (state.rule.matches(call)) {
                SimRandom random = state.decide(call, attached.clock().now());
                if (random != null) {
                    return fault(state.rule, call, next, attached.clock(), random);
                }
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

    private static CompletionStage<CallResult> fault(FaultRule rule, ServiceCall call, Next next, SimClock clock,
            SimRandom random) {
        call.noteFault(rule.name());
        Duration delay = rule.distribution() != null ? rule.distribution().draw(random) : rule.latency();
        if (delay.isZero()) {
            return outcome(rule, call, next);
        }
        CompletableFuture<CallResult> answer = new CompletableFuture<>();
        clock.schedule(delay, () -> {
            try {
                outcome(rule, call, next).whenComplete((output, failure) -> {
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

    /**
     * What a faulted call comes to after its delay: a reset or a drop (the service never sees the call), the
     * rule's error (nor here), or the service's answer; truncated if the rule says so.
     */
    private static CompletionStage<CallResult> outcome(FaultRule rule, ServiceCall call, Next next) {
        WireFault wire = rule.wire();
        if (wire == WireFault.RESET || wire == WireFault.DROP) {
            return CompletableFuture.completedFuture(wire.apply(null));
        }
        CompletionStage<CallResult> answer = rule.error() != null
                ? CompletableFuture.completedFuture(CallResult.failure(rule.error().toException()))
                : next.proceed(call);
        return wire == WireFault.TRUNCATE ? answer.thenApply(wire::apply) : answer;
    }

    @Override
    public String toString() {
        return "FaultInjector[" + active.plan + "]";
    }

    /** A plan as applied: its rules' counters and streams, its semantic faults' hooks. */
    private record Active(FaultPlan plan, List<RuleState> states, List<SemanticHook> hooks) {
    }

    /** A rule's counters, its window, and its random streams (one per resource). */
    private static final class RuleState {
        private final FaultRule rule;
        private final FaultContext streams;
        private final Instant opens;
        private final Instant closes;
        private final AtomicLong matched = new AtomicLong();
        private final AtomicLong eligible = new AtomicLong();
        private final AtomicLong injected = new AtomicLong();

        RuleState(FaultRule rule, FaultContext streams, Instant applied) {
            this.rule = rule;
            this.streams = streams;
            this.opens = rule.from() == null ? applied : applied.plus(rule.from());
            this.closes = rule.until() == null ? null : applied.plus(rule.until());
        }

        /**
         * Counts a match and decides whether to fault it: inside the window, past {@code after}, on every
         * {@code every}th, under {@code times}, by chance drawn from the stream of the call's resource.
         *
         * @return the stream the call's draws come from when it is faulted, else null
         */
        synchronized SimRandom decide(ServiceCall call, Instant now) {
            if (now.isBefore(opens) || (closes != null && !now.isBefore(closes))) {
                return null;
            }
            if (matched.incrementAndGet() <= rule.after() || eligible.incrementAndGet() % rule.every() != 0
                    || injected.get() >= rule.times()) {
                return null;
            }
            SimRandom random = streams.random(call.resource().map(ResourceRef::name).orElse(""));
            if (rule.probability() < 1 && !random.chance(rule.probability())) {
                return null;
            }
            injected.incrementAndGet();
            return random;
        }
    }
}
