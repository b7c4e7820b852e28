package dev.simstack.junit.internal;

import dev.simstack.core.Stack;
import dev.simstack.core.StackConfig;
import dev.simstack.junit.Reset;
import dev.simstack.junit.SimStack;
import java.util.List;
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

    private final Stack stack;
    private final SimStack declaration;
    private final Templates templates;
    private final SdkClients clients;
    private final Semaphore turn = new Semaphore(1);

    private HarnessedStack(Stack stack, SimStack declaration, Templates templates) {
        this.stack = stack;
        this.declaration = declaration;
        this.templates = templates;
        this.clients = new SdkClients(stack);
    }

    /** Starts the stack {@code declaration} on {@code testClass} declares. */
    public static HarnessedStack start(SimStack declaration, Class<?> testClass) {
        Templates templates = new Templates();
        try {
            StackConfig config = StackDeclaration.config(declaration, testClass, templates);
            return new HarnessedStack(startStack(config, testClass), declaration, templates);
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

    /** The stack. */
    public Stack stack() {
        return stack;
    }

    /** The declaration it was started from. */
    public SimStack declaration() {
        return declaration;
    }

    /** The client of {@code type} in {@code region}. */
    public Object client(Class<?> type, String region) {
        return clients.client(type, region);
    }

    /**
     * Before a test: with {@link Reset#BEFORE_EACH}, waits for its turn, resets the stack and restarts its
     * random source from a seed derived from the stack's seed and {@code test}, so that the test's random
     * choices are the same whether it runs alone or after others.
     *
     * @return whether the test holds a turn to give back through {@link #endTest()}
     */
    public boolean beginTest(String test) throws InterruptedException {
        if (declaration.reset() != Reset.BEFORE_EACH) {
            return false;
        }
        turn.acquire();
        try {
            stack.reset();
            stack.random().restart(testSeed(stack.seed(), test));
        } catch (RuntimeException | Error e) {
            turn.release();
            throw e;
        }
        return true;
    }

    /** After a test that held a turn. */
    public void endTest() {
        turn.release();
    }

    /** A test's seed: the stack's, mixed with the test's identity by SplittableRandom's mixing function. */
    static long testSeed(long stackSeed, String test) {
        return new SplittableRandom(stackSeed ^ test.hashCode()).nextLong();
    }

    @Override
    public void close() {
        try {
            clients.close();
        } finally {
            stack.close();
            templates.close();
        }
    }
}
