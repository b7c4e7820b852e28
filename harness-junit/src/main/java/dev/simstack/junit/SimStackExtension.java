package dev.simstack.junit;

import dev.simstack.junit.internal.Fields;
import dev.simstack.junit.internal.HarnessedStack;
import dev.simstack.junit.internal.Injectables;
import dev.simstack.junit.internal.Misuse;
import dev.simstack.junit.internal.SeedReport;
import dev.simstack.junit.internal.backend.RunSettings;
import java.lang.reflect.Parameter;
import java.util.Optional;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ExtensionContext.Namespace;
import org.junit.jupiter.api.extension.LifecycleMethodExecutionExceptionHandler;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolutionException;
import org.junit.jupiter.api.extension.ParameterResolver;
import org.junit.jupiter.api.extension.TestExecutionExceptionHandler;
import org.junit.jupiter.api.extension.TestInstancePostProcessor;
import org.junit.platform.commons.support.AnnotationSupport;

/**
 * The extension behind {@link SimStack}. Stateless: each stack lives in the store of the class that declares
 * it (or of the run, for {@link Scope#SUITE}) and closes with that store.
 */
final class SimStackExtension implements BeforeAllCallback, BeforeEachCallback, AfterEachCallback,
        TestInstancePostProcessor, ParameterResolver, TestExecutionExceptionHandler,
        LifecycleMethodExecutionExceptionHandler {

    private static final Namespace NAMESPACE = Namespace.create(SimStackExtension.class);
    private static final String TURN = "turn";
    private static final String BURST = "burst";

    @Override
    public void beforeAll(ExtensionContext context) {
        Fields.injectStatic(context.getRequiredTestClass(), stack(context));
    }

    @Override
    public void postProcessTestInstance(Object testInstance, ExtensionContext context) {
        Fields.injectInstance(testInstance, stack(context));
    }

    @Override
    public void beforeEach(ExtensionContext context) throws InterruptedException {
        HarnessedStack stack = stack(context);
        if (context.getStore(NAMESPACE).get(TURN) == null && stack.beginTest(context.getUniqueId(),
                context.getRequiredTestClass(), context.getTestMethod().orElse(null))) {
            context.getStore(NAMESPACE).put(TURN, stack);
        }
        Optional<Burst> burst = context.getTestMethod().flatMap(m -> AnnotationSupport.findAnnotation(m, Burst.class));
        if (burst.isPresent()) {
            context.getStore(NAMESPACE).put(BURST, fire(burst.get(), stack, context));
        }
    }

    /** Fires a test method's burst after its reset, before its {@code @BeforeEach} methods see the stack. */
    private static BurstResult fire(Burst burst, HarnessedStack stack, ExtensionContext context) {
        BurstSpec spec;
        try {
            spec = BurstSpec.of(burst);
        } catch (IllegalArgumentException e) {
            throw new Misuse("@Burst on " + context.getRequiredTestMethod().getName() + ": " + e.getMessage(), e);
        }
        if (stack.remote().isPresent()) {
            throw stack.remote().get().needsEngine("@Burst on " + context.getRequiredTestMethod().getName());
        }
        return Bursts.fire(stack.stack(), spec);
    }

    @Override
    public void afterEach(ExtensionContext context) {
        HarnessedStack stack = context.getStore(NAMESPACE).remove(TURN, HarnessedStack.class);
        if (stack != null) {
            stack.endTest();
        }
    }

    @Override
    public boolean supportsParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter parameter = parameterContext.getParameter();
        return Injectables.claims(parameter.getType(), parameter);
    }

    @Override
    public Object resolveParameter(ParameterContext parameterContext, ExtensionContext extensionContext) {
        Parameter parameter = parameterContext.getParameter();
        String what = Injectables.describe(parameter, parameterContext.getIndex());
        if (parameter.getType() == BurstResult.class) {
            BurstResult burst = extensionContext.getStore(NAMESPACE).get(BURST, BurstResult.class);
            if (burst == null) {
                throw new ParameterResolutionException(what + " (BurstResult): only a test method annotated with"
                        + " @Burst gets a BurstResult; add @Burst(...) to it, or fire one with Bursts.fire(stack, spec)");
            }
            return burst;
        }
        try {
            return Injectables.resolve(parameter.getType(), parameter, what, stack(extensionContext));
        } catch (Misuse e) {
            throw new ParameterResolutionException(e.getMessage(), e);
        }
    }

    @Override
    public void handleTestExecutionException(ExtensionContext context, Throwable throwable) throws Throwable {
        reportSeed(context);
        throw throwable;
    }

    @Override
    public void handleBeforeEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        reportSeed(context);
        throw throwable;
    }

    @Override
    public void handleAfterEachMethodExecutionException(ExtensionContext context, Throwable throwable)
            throws Throwable {
        reportSeed(context);
        throw throwable;
    }

    /**
     * Prints the failing test's seed and the line that replays it, writes the stack's report and prints its path,
     * and publishes both as one report entry.
     */
    private static void reportSeed(ExtensionContext context) {
        HarnessedStack stack = stack(context);
        if (stack.remote().isPresent()) {
            return; // Another backend has no seed to replay and no ledger to report.
        }
        context.publishReportEntry(SeedReport.report(stack.stack(), context.getRequiredTestClass().getSimpleName(),
                context.getTestMethod().map(java.lang.reflect.Method::getName).orElse(null), stack.faultPlan()));
    }

    /** The stack of {@code context}: its class's, the nearest enclosing class's, or the run's. */
    static HarnessedStack stack(ExtensionContext context) {
        ExtensionContext owner = owner(context);
        Class<?> declaring = owner.getRequiredTestClass();
        SimStack declaration = AnnotationSupport.findAnnotation(declaring, SimStack.class).orElseThrow();
        if (declaration.scope() == Scope.SUITE) {
            return owner.getRoot().getStore(NAMESPACE).getOrComputeIfAbsent(HarnessedStack.suiteKey(declaration, declaring),
                    key -> HarnessedStack.start(declaration, declaring, settings(context)), HarnessedStack.class);
        }
        // Keyed by the class: a store lookup also sees the enclosing classes' stores, which hold theirs.
        return owner.getStore(NAMESPACE).getOrComputeIfAbsent(declaring,
                key -> HarnessedStack.start(declaration, declaring, settings(context)), HarnessedStack.class);
    }

    /** The run's settings: JUnit's configuration parameters, which fall back to system properties. */
    private static RunSettings settings(ExtensionContext context) {
        return new RunSettings(context::getConfigurationParameter, System::getenv);
    }

    private static ExtensionContext owner(ExtensionContext context) {
        for (Optional<ExtensionContext> c = Optional.of(context); c.isPresent(); c = c.get().getParent()) {
            ExtensionContext candidate = c.get();
            if (candidate.getTestMethod().isEmpty() && candidate.getTestClass().isPresent()
                    && AnnotationSupport.isAnnotated(candidate.getTestClass().get(), SimStack.class)) {
                return candidate;
            }
        }
        throw new Misuse("no class around " + context.getDisplayName() + " carries @SimStack; the extension is"
                + " registered by @SimStack, not with @ExtendWith on its own");
    }
}
