package dev.simstack.junit.internal.jqwik;

import dev.simstack.junit.SimStack;
import dev.simstack.junit.internal.HarnessedStack;
import java.lang.reflect.Modifier;
import java.util.Optional;
import net.jqwik.api.lifecycle.Lifespan;
import net.jqwik.api.lifecycle.Store;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * Where the stacks of jqwik containers live: in a jqwik {@link Store} scoped to the container class that
 * declares {@link SimStack}, so that its {@code @Group} classes see it and jqwik closes it when that
 * container finishes.
 */
final class ContainerStacks {

    private ContainerStacks() {
    }

    /** A store's identifier: one per declaring class, so that a group with a stack of its own does not clash. */
    private record StackKey(Class<?> declaring) {
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

    /** Starts the stack {@code owner} declares, in a store that closes it when the container now running ends. */
    static HarnessedStack start(Class<?> owner) {
        SimStack declaration = AnnotationSupport.findAnnotation(owner, SimStack.class).orElseThrow();
        Store<ClosingStack> store = Store.create(new StackKey(owner), Lifespan.RUN,
                () -> new ClosingStack(HarnessedStack.start(declaration, owner)));
        return store.get().stack();
    }

    /** The stack that serves {@code container}, started by {@link #start} when its owner's container began. */
    static Optional<HarnessedStack> of(Class<?> container) {
        return owner(container).map(owner -> Store.<ClosingStack>get(new StackKey(owner)).get().stack());
    }

    /** What jqwik closes when the store's scope ends: only values of this interface are closed. */
    private record ClosingStack(HarnessedStack stack) implements Store.CloseOnReset {
        @Override
        public void close() {
            stack.close();
        }
    }
}
