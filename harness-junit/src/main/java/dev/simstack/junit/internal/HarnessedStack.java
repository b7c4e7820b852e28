package dev.simstack.junit.internal;

import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.fault.FaultInjector;
import dev.simstack.fault.FaultPlan;
import dev.simstack.junit.Backend;
import dev.simstack.junit.Reset;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.internal.backend.BackendChoice;
import dev.simstack.junit.internal.backend.RemoteStack;
import dev.simstack.junit.internal.backend.RunSettings;
import dev.simstack.junit.internal.faults.FaultAnnotations;
import java.lang.reflect.Method;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import java.util.concurrent.Semaphore;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * A stack started for a {@link SimStack} declaration, with the clients injected from it. It lives in a JUnit
 * store and closes with it: the class's for {@code Scope.CLASS}, the run's for {@code Scope.SUITE}.
 * With {@link Reset#BEFORE_EACH}, tests take turns on it: each holds it from its reset to its end.
 */
@SuppressWarnings("deprecation") // CloseableResource keeps JUnit before 5.13 closing it; later ones close AutoCloseable too
public final class HarnessedStack implements ExtensionContext.Store.CloseableResource, AutoCloseable {

    /** The embedded engine's stack; null on another backend. */
    private final Stack stack;
    /** The resources on another backend; null on the embedded engine. */
    private final RemoteStack remote;
    private final SimStack declaration;
    private final Templates templates;
    private final SdkClients clients;
    private final FaultInjector faults;
    private final Semaphore turn = new Semaphore(1);
    /** The seed a remote backend's client-side faults draw from (the engine's stack has its own). */
    private final long remoteSeed;

    private HarnessedStack(Stack stack, SimStack declaration, Templates templates, FaultInjector faults) {
        this.stack = stack;
        this.remote = null;
        this.declaration = declaration;
        this.templates = templates;
        this.faults = faults;
        this.clients = SdkClients.embedded(stack, declaration.transport());
        this.remoteSeed = 0;
    }

    private HarnessedStack(RemoteStack remote, SimStack declaration, Templates templates, long seed) {
        this.stack = null;
        this.remoteSeed = seed;
        this.remote = remote;
        this.declaration = declaration;
        this.templates = templates;
        this.faults = null;
        this.clients = null;
    }

    /** Starts the stack {@code declaration} on {@code testClass} declares, on the backend the system properties choose. */
    public static HarnessedStack start(SimStack declaration, Class<?> testClass) {
        return start(declaration, testClass, RunSettings.system());
    }

    /**
     * Starts the stack {@code declaration} on {@code testClass} declares, on its backend ({@link BackendChoice}):
     * the embedded engine, or the resources created on another backend.
     */
    public static HarnessedStack start(SimStack declaration, Class<?> testClass, RunSettings settings) {
        Backend backend = BackendChoice.of(declaration, settings);
        Templates templates = new Templates();
        try {
            StackConfig config = StackDeclaration.config(declaration, testClass, templates);
            if (backend != Backend.EMBEDDED) {
                return new HarnessedStack(RemoteStack.start(backend, declaration, config, settings, testClass),
                        declaration, templates, config.seed());
            }
            // Last, so that a definition's own interceptors see calls first; empty until a test declares faults.
            FaultInjector faults = new FaultInjector(FaultPlan.none());
            return new HarnessedStack(startStack(config.withInterceptor(faults), testClass), declaration, templates,
                    faults);
        } catch (RuntimeException e) {
            templates.close();
            throw e;
        }
    }

    private static Stack startStack(StackConfig config, Class<?> testClass) {
        try {
            return config.start();
        } catch (Misuse e) {
            throw e;
        } catch (RuntimeException e) {
            throw new Misuse("@SimStack on " + testClass.getSimpleName() + " could not start its stack: "
                    + e.getMessage(), e);
        }
    }

    /**
     * What identifies a {@code Scope.SUITE} stack in a run: equal declarations share one; templates are found next
     * to the class, so its package counts when there are any.
     */
    public static Object suiteKey(SimStack declaration, Class<?> declaring) {
        return List.of(declaration, declaration.template().length == 0 ? "" : declaring.getPackageName());
    }

    /**
     * The embedded stack.
     *
     * @throws Misuse on another backend, naming it
     */
    public Stack stack() {
        if (remote != null) {
            throw remote.needsEngine("the Stack (its handles, clock and ledger)");
        }
        return stack;
    }

    /** The resources on another backend than the embedded engine; empty on the engine. */
    public Optional<RemoteStack> remote() {
        return Optional.ofNullable(remote);
    }

    /** The declaration it was started from. */
    public SimStack declaration() {
        return declaration;
    }

    /** The client of {@code type} in {@code region}. */
    public Object client(Class<?> type, String region) {
        return remote != null ? remote.client(type, region) : clients.client(type, region);
    }

    /**
     * The injector that applies the test's fault plan, last among the stack's interceptors: a test that draws a
     * plan (a jqwik property's {@code @ForAll FaultPlan}) applies it with {@code replace}; the next test starts
     * from its own annotations' plan again.
     */
    public FaultInjector faults() {
        return faults;
    }

    /** The fault plan the current test runs with (none outside a test, or when no test declares faults). */
    public FaultPlan faultPlan() {
        return faults == null ? FaultPlan.none() : faults.plan();
    }

    /**
     * Before a test: with {@link Reset#BEFORE_EACH}, waits for its turn, resets the stack, restarts its
     * random source from a seed derived from the stack's seed and {@code test}, so that the test's random
     * choices are the same whether it runs alone or after others, and applies the test's fault plan (its
     * class's and its method's fault annotations) with streams seeded from the same seed. On another backend,
     * nothing is reset: the test takes its turn and its wire faults are applied on the injected clients.
     *
     * @param test the test's unique id
     * @param testClass the test's class, whose fault annotations (with its superclasses' and enclosing classes')
     *     apply
     * @param method the test's method, whose fault annotations apply after the class's
     * @return whether the test holds a turn to give back through {@link #endTest()}
     * @throws Misuse when faults are declared on a stack that is not reset before each test, or semantic faults
     *     on another backend
     */
    public boolean beginTest(String test, Class<?> testClass, Method method) throws InterruptedException {
        if (declaration.reset() != Reset.BEFORE_EACH) {
            if (FaultAnnotations.any(testClass, method)) {
                throw new Misuse(testClass.getSimpleName() + (method == null ? "" : "." + method.getName())
                        + " declares faults on a stack with reset = Reset.NEVER, whose tests share its state and may"
                        + " run together, so faults cannot be scoped to one test: use Reset.BEFORE_EACH, or apply"
                        + " a FaultInjector from a StackDefinition");
            }
            return false;
        }
        if (remote != null) {
            return beginRemoteTest(test, testClass, method);
        }
        turn.acquire();
        try {
            stack.reset();
            long seed = testSeed(stack.seed(), test);
            stack.random().restart(seed);
            faults.replace(FaultAnnotations.plan(testClass, method, stack), seed);
        } catch (RuntimeException | Error e) {
            turn.release();
            throw e;
        }
        return true;
    }

    /**
     * Before a test on another backend, whose state is not reset between tests (docs/backends.md): takes the
     * test's turn and applies its wire faults on the injected clients, seeded from the class's seed and the test.
     */
    private boolean beginRemoteTest(String test, Class<?> testClass, Method method) throws InterruptedException {
        String where = testClass.getSimpleName() + (method == null ? "" : "." + method.getName());
        FaultPlan plan = FaultAnnotations.wirePlan(testClass, method, remote::needsEngine);
        turn.acquire();
        try {
            long seed = testSeed(remoteSeed, test);
            remote.applyFaults(plan, plan.seed() != null ? plan.seed() : seed, where);
        } catch (RuntimeException | Error e) {
            turn.release();
            throw e;
        }
        return true;
    }

    /** After a test that held a turn. */
    public void endTest() {
        if (remote != null) {
            remote.applyFaults(FaultPlan.none(), remoteSeed, "");
        } else {
            faults.replace(FaultPlan.none(), stack.seed());
        }
        turn.release();
    }

    /** A test's seed: the stack's, mixed with the test's identity by SplittableRandom's mixing function. */
    static long testSeed(long stackSeed, String test) {
        return new SplittableRandom(stackSeed ^ test.hashCode()).nextLong();
    }

    @Override
    public void close() {
        if (remote != null) {
            try {
                remote.close();
            } finally {
                templates.close();
            }
            return;
        }
        try {
            clients.close();
        } finally {
            stack.close();
            templates.close();
        }
    }
}
