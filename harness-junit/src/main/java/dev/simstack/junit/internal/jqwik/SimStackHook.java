package dev.simstack.junit.internal.jqwik;

import dev.simstack.junit.Burst;
import dev.simstack.junit.Reset;
import dev.simstack.junit.SimStack;
import dev.simstack.junit.internal.Fields;
import dev.simstack.junit.internal.HarnessedStack;
import dev.simstack.junit.internal.Injectables;
import dev.simstack.junit.internal.Misuse;
import dev.simstack.junit.internal.SeedReport;
import dev.simstack.junit.internal.faults.FaultAnnotations;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Parameter;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.ForAll;
import net.jqwik.api.lifecycle.AroundContainerHook;
import net.jqwik.api.lifecycle.AroundPropertyHook;
import net.jqwik.api.lifecycle.AroundTryHook;
import net.jqwik.api.lifecycle.ContainerLifecycleContext;
import net.jqwik.api.lifecycle.LifecycleContext;
import net.jqwik.api.lifecycle.Lifespan;
import net.jqwik.api.lifecycle.ParameterResolutionContext;
import net.jqwik.api.lifecycle.PropagationMode;
import net.jqwik.api.lifecycle.PropertyExecutionResult;
import net.jqwik.api.lifecycle.PropertyExecutor;
import net.jqwik.api.lifecycle.PropertyLifecycleContext;
import net.jqwik.api.lifecycle.ResolveParameterHook;
import net.jqwik.api.lifecycle.Store;
import net.jqwik.api.lifecycle.TryExecutionResult;
import net.jqwik.api.lifecycle.TryExecutor;
import net.jqwik.api.lifecycle.TryLifecycleContext;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * {@link SimStack} for jqwik containers, which do not run Jupiter extensions. jqwik registers this hook for
 * every container through {@code META-INF/services/net.jqwik.api.lifecycle.LifecycleHook} (so harness-junit
 * needs no jqwik unless the user has it), and the hook acts only where a container, or a class enclosing a
 * {@code @Group}, carries {@code @SimStack}: one stack per such container, reset before each try, injected
 * into properties' parameters, and its seed reported when a property fails.
 */
public final class SimStackHook implements AroundContainerHook, AroundPropertyHook, AroundTryHook,
        ResolveParameterHook {

    /** Outside the user's own hooks: the stack is reset before their {@code @BeforeTry} methods run. */
    private static final int OUTERMOST = -100;

    /** A property-scoped store's identifier: the number of tries run so far, shrinking tries included. */
    private static final Object TRIES = SimStackHook.class.getName() + ".tries";

    /** For the service loader. */
    public SimStackHook() {
    }

    @Override
    public PropagationMode propagateTo() {
        return PropagationMode.ALL_DESCENDANTS;
    }

    /**
     * Applies everywhere: whether a container or property runs under a {@code @SimStack} is known only from its
     * container class (a property may be inherited from a class without one), so each hook method checks.
     */
    @Override
    public boolean appliesTo(Optional<AnnotatedElement> element) {
        return true;
    }

    @Override
    public void beforeContainer(ContainerLifecycleContext context) {
        if (context.optionalElement().isEmpty()) {
            ContainerStacks.openSuite(); // the engine's run starts
            return;
        }
        Optional<Class<?>> container = context.optionalContainerClass();
        Optional<Class<?>> owner = container.flatMap(ContainerStacks::owner);
        if (owner.isEmpty()) {
            return;
        }
        HarnessedStack stack = owner.get() == container.get() ? ContainerStacks.start(owner.get())
                : ContainerStacks.of(container.get()).orElseThrow();
        Fields.injectStatic(container.get(), stack);
    }

    @Override
    public int beforeContainerProximity() {
        return OUTERMOST;
    }

    @Override
    public PropertyExecutionResult aroundProperty(PropertyLifecycleContext context, PropertyExecutor property) {
        Optional<HarnessedStack> stack = ContainerStacks.of(context.containerClass());
        if (stack.isEmpty()) {
            return property.execute();
        }
        Burst burst = context.targetMethod().getAnnotation(Burst.class);
        if (burst != null) {
            throw new Misuse("@Burst on " + context.containerClass().getSimpleName() + "." + context.targetMethod()
                    .getName() + ": jqwik properties do not fire annotated bursts; fire one in the property with"
                    + " Bursts.fire(stack, BurstSpec.api(...)) or Bursts.fire(stack, BurstSpec.queue(...))");
        }
        for (Object instance : context.testInstances()) {
            ContainerStacks.of(instance.getClass()).ifPresent(s -> Fields.injectInstance(instance, s));
        }
        PropertyExecutionResult result = property.execute();
        if (result.status() == PropertyExecutionResult.Status.FAILED && stack.get().remote().isEmpty()) {
            SeedReport.report(stack.get().stack(), context.containerClass().getSimpleName(),
                    context.targetMethod().getName(), FaultAnnotations.plan(context.containerClass(),
                            context.targetMethod(), stack.get().stack())).forEach(context.reporter()::publishValue);
        }
        return result;
    }

    @Override
    public int aroundPropertyProximity() {
        return OUTERMOST;
    }

    /**
     * With {@link Reset#BEFORE_EACH}, each try (shrinking tries too) starts from the declared state, its random
     * source restarted from the stack's seed, the property and the try's number: a failing sample replays with
     * the same jqwik seed and the same stack seed.
     */
    @Override
    public TryExecutionResult aroundTry(TryLifecycleContext context, TryExecutor aTry, List<Object> parameters)
            throws InterruptedException {
        Optional<HarnessedStack> stack = ContainerStacks.of(context.containerClass());
        if (stack.isEmpty()) {
            return aTry.execute(parameters);
        }
        int number = Store.getOrCreate(TRIES, Lifespan.PROPERTY, AtomicInteger::new).get().incrementAndGet();
        String test = context.containerClass().getName() + "." + context.targetMethod().getName() + "#" + number;
        if (!stack.get().beginTest(test, context.containerClass(), context.targetMethod())) {
            return aTry.execute(parameters);
        }
        try {
            return aTry.execute(parameters);
        } finally {
            stack.get().endTest();
        }
    }

    @Override
    public int aroundTryProximity() {
        return OUTERMOST;
    }

    /** Parameters the harness provides ({@code Stack}, handles, clients, URLs); never a {@code @ForAll} one. */
    @Override
    public Optional<ParameterSupplier> resolve(ParameterResolutionContext parameterContext,
            LifecycleContext lifecycleContext) {
        Parameter parameter = parameterContext.parameter();
        Optional<Class<?>> container = lifecycleContext.optionalContainerClass();
        if (AnnotationSupport.isAnnotated(parameter, ForAll.class) || container.isEmpty()
                || ContainerStacks.owner(container.get()).isEmpty()
                || !Injectables.claims(parameter.getType(), parameter)) {
            return Optional.empty();
        }
        Class<?> containerClass = container.get();
        return Optional.of(aTry -> Injectables.resolve(parameter.getType(), parameter, Injectables.describe(parameter, parameterContext.index()),
                ContainerStacks.of(containerClass).orElseThrow()));
    }

}
