package dev.simstack.junit.internal.jqwik;

import dev.simstack.junit.Scope;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.internal.HarnessedStack;
import java.lang.reflect.Modifier;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import net.jqwik.api.lifecycle.Lifespan;
import net.jqwik.api.lifecycle.Store;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Where the stacks of jqwik containers live: in jqwik {@link Store}s, which jqwik closes when their scope ends.
 * A {@link Scope#CLASS} stack is in a store scoped to the container class that declares it, so that its
 * {@code @Group} classes see it; {@link Scope#SUITE} stacks are in one store scoped to the jqwik engine's run.
 */
final class ContainerStacks {

    /** The identifier of the run's store of suite stacks. */
    private static final Object SUITE = ContainerStacks.class.getName() + ".suite";

    private ContainerStacks() {
    }

    /** A store's identifier: one per declaring class, so that a group with a stack of its own does not clash. */
    private record StackKey(Class<?> declaring) {
    }

    /** Opens the run's store of suite stacks; called when the engine starts, it starts no stack itself. */
    static void openSuite() {
        Store.create(SUITE, Lifespan.RUN, SuiteStacks::new);
    }

    /**
     * The class whose {@code @SimStack} serves {@code container}: itself, or the nearest enclosing class of a
     * {@code @Group} (an inner class) that carries one.
     */
    static Optional<Class<?>> owner(Class<?> container) {
        for (Class<?> c = container; c != null; c = isInner(c) ? c.getEnclosingClass() : null) {
            if (AnnotationSupport.isAnnotated(c, SimStack.class)) {
                return Optional.of(c);
            }
        }
        return Optional.empty();
    }

    private static boolean isInner(Class<?> type) {
        return type.isMemberClass() && !Modifier.isStatic(type.getModifiers());
    }

    /**
     * Starts the stack {@code owner} declares (or finds its suite stack), in a store that closes it when the
     * container now running ends (or the run, for a suite stack).
     */
    static HarnessedStack start(Class<?> owner) {
        SimStack declaration = declaration(owner);
        if (declaration.scope() == Scope.SUITE) {
            return suiteStack(declaration, owner);
        }
        Store<ClosingStack> store = Store.create(new StackKey(owner), Lifespan.RUN,
                () -> new ClosingStack(HarnessedStack.start(declaration, owner)));
        return store.get().stack();
    }

    /** The stack that serves {@code container}, started by {@link #start} when its owner's container began. */
    static Optional<HarnessedStack> of(Class<?> container) {
        return owner(container).map(owner -> {
            SimStack declaration = declaration(owner);
            return declaration.scope() == Scope.SUITE ? suiteStack(declaration, owner)
                    : Store.<ClosingStack>get(new StackKey(owner)).get().stack();
        });
    }

    private static SimStack declaration(Class<?> owner) {
        return AnnotationSupport.findAnnotation(owner, SimStack.class).orElseThrow();
    }

    private static HarnessedStack suiteStack(SimStack declaration, Class<?> owner) {
        return Store.<SuiteStacks>get(SUITE).get().stacks.computeIfAbsent(
                HarnessedStack.suiteKey(declaration, owner), key -> HarnessedStack.start(declaration, owner));
    }

    /** What jqwik closes when the store's scope ends: only values of this interface are closed. */
    private record ClosingStack(HarnessedStack stack) implements Store.CloseOnReset {
        @Override
        public void close() {
            stack.close();
        }
    }

    /** The run's suite stacks, by declaration; closed together when the run ends. */
    private static final class SuiteStacks implements Store.CloseOnReset {
        private final Map<Object, HarnessedStack> stacks = new ConcurrentHashMap<>();

        @Override
        public void close() {
            stacks.values().forEach(HarnessedStack::close);
        }
    }
}
