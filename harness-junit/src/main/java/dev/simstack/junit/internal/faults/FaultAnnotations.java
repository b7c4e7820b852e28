package dev.simstack.junit.internal.faults;

import dev.simstack.core.Stack;
import dev.simstack.fault.FaultPlan;
import dev.simstack.junit.DeclaresFaults;
import dev.simstack.junit.FaultDeclaration;
import dev.simstack.junit.internal.Misuse;
import java.lang.annotation.Annotation;
import java.lang.reflect.AnnotatedElement;
import java.lang.reflect.Constructor;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Finds a test's fault annotations (those marked {@link DeclaresFaults}) and builds its plan: the classes'
 * faults (outermost enclosing class first, each class's superclasses before it) followed by the method's, each
 * element's in declaration order; repeated annotations and composed annotations are unpacked.
 */
public final class FaultAnnotations {

    private FaultAnnotations() {
    }

    /** Whether {@code testClass} (with its superclasses and enclosing classes) or {@code method} declares faults. */
    public static boolean any(Class<?> testClass, Method method) {
        for (AnnotatedElement element : elements(testClass, method)) {
            if (!found(element).isEmpty()) {
                return true;
            }
        }
        return false;
    }

    /**
     * The plan the fault annotations of {@code testClass} and {@code method} (null outside a method) declare on
     * {@code stack}.
     *
     * @throws Misuse naming the annotation and where it is, when its declaration refuses it
     */
    public static FaultPlan plan(Class<?> testClass, Method method, Stack stack) {
        FaultPlan plan = FaultPlan.none();
        for (AnnotatedElement element : elements(testClass, method)) {
            for (Annotation annotation : found(element)) {
                plan = plan.followedBy(declared(annotation, element, stack));
            }
        }
        return plan;
    }

    /**
     * The plan the wire fault annotations of {@code testClass} and {@code method} declare, for a backend without
     * the engine: {@code @Throttle}, {@code @InjectFault}, {@code @Latency} and {@code @FaultPlanFile}, whose rules
     * the client side applies (a plan file's semantic faults are refused where the plan is applied).
     *
     * @param needsEngine the failure for what only the engine provides, given what it is
     * @throws Misuse naming the annotation and where it is, when it is a semantic fault or its declaration
     *     refuses it
     */
    public static FaultPlan wirePlan(Class<?> testClass, Method method,
            java.util.function.Function<String, ? extends RuntimeException> needsEngine) {
        FaultPlan plan = FaultPlan.none();
        for (AnnotatedElement element : elements(testClass, method)) {
            for (Annotation annotation : found(element)) {
                Class<?> declaration = annotation.annotationType().getAnnotation(DeclaresFaults.class).value();
                if (!WIRE.contains(declaration)) {
                    throw needsEngine.apply("@" + annotation.annotationType().getSimpleName() + " on "
                            + describe(element) + " (a semantic fault, acting inside the services)");
                }
                plan = plan.followedBy(declared(annotation, element, null)); // wire declarations read no stack
            }
        }
        return plan;
    }

    /** The declarations of rules, which need no engine: they read neither the stack nor its resources. */
    private static final Set<Class<?>> WIRE = Set.of(ThrottleFaults.class, InjectFaultFaults.class,
            LatencyFaults.class, PlanFileFaults.class);

    private static List<AnnotatedElement> elements(Class<?> testClass, Method method) {
        Deque<AnnotatedElement> elements = new ArrayDeque<>();
        for (Class<?> enclosing = testClass; enclosing != null; enclosing = enclosing.getEnclosingClass()) {
            for (Class<?> type = enclosing; type != null && type != Object.class; type = type.getSuperclass()) {
                elements.addFirst(type);
            }
        }
        List<AnnotatedElement> all = new ArrayList<>(elements);
        if (method != null) {
            all.add(method);
        }
        return all;
    }

    /** The fault annotations declared on {@code element} itself (not inherited: superclasses are visited). */
    private static List<Annotation> found(AnnotatedElement element) {
        List<Annotation> found = new ArrayList<>();
        collect(element.getDeclaredAnnotations(), found, new HashSet<>());
        return found;
    }

    private static void collect(Annotation[] annotations, List<Annotation> found, Set<Class<?>> path) {
        for (Annotation annotation : annotations) {
            Class<? extends Annotation> type = annotation.annotationType();
            if (type.getName().startsWith("java.lang.annotation.")) {
                continue;
            }
            if (type.isAnnotationPresent(DeclaresFaults.class)) {
                found.add(annotation);
            } else if (!unpackContainer(annotation, found) && path.add(type)) {
                collect(type.getDeclaredAnnotations(), found, path); // a composed annotation
                path.remove(type);
            }
        }
    }

    /** Adds the fault annotations a repeatable container holds; false when {@code annotation} is no such container. */
    private static boolean unpackContainer(Annotation annotation, List<Annotation> found) {
        Method value;
        try {
            value = annotation.annotationType().getDeclaredMethod("value");
        } catch (NoSuchMethodException e) {
            return false;
        }
        Class<?> component = value.getReturnType().getComponentType();
        if (component == null || !component.isAnnotation() || !component.isAnnotationPresent(DeclaresFaults.class)) {
            return false;
        }
        try {
            value.setAccessible(true);
            for (Annotation held : (Annotation[]) value.invoke(annotation)) {
                found.add(held);
            }
        } catch (IllegalAccessException | InvocationTargetException e) {
            throw new IllegalStateException("cannot read the repeated annotations of " + annotation, e);
        }
        return true;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static FaultPlan declared(Annotation annotation, AnnotatedElement element, Stack stack) {
        String where = "@" + annotation.annotationType().getSimpleName() + " on " + describe(element);
        Class<? extends FaultDeclaration<?>> type = annotation.annotationType().getAnnotation(DeclaresFaults.class)
                .value();
        FaultDeclaration declaration;
        try {
            Constructor<? extends FaultDeclaration<?>> constructor = type.getDeclaredConstructor();
            constructor.setAccessible(true);
            declaration = constructor.newInstance();
        } catch (ReflectiveOperationException e) {
            throw new Misuse(where + ": its declaration " + type.getSimpleName() + " cannot be instantiated: give it a"
                    + " no-argument constructor (and make it a static or top-level class)", e);
        }
        try {
            FaultPlan plan = declaration instanceof DeclarationInClass inClass
                    ? inClass.plan(annotation, stack, declaringClass(element)) : declaration.plan(annotation, stack);
            if (plan == null) {
                throw new Misuse(where + ": " + type.getSimpleName() + ".plan returned null; return FaultPlan.none()"
                        + " for no faults");
            }
            return plan;
        } catch (IllegalArgumentException e) {
            throw new Misuse(where + ": " + e.getMessage(), e);
        }
    }

    private static Class<?> declaringClass(AnnotatedElement element) {
        return element instanceof Method method ? method.getDeclaringClass() : (Class<?>) element;
    }

    private static String describe(AnnotatedElement element) {
        if (element instanceof Method method) {
            return method.getDeclaringClass().getSimpleName() + "." + method.getName();
        }
        return ((Class<?>) element).getSimpleName();
    }
}
