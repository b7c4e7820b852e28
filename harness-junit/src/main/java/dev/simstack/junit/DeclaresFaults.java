package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks an annotation as a fault annotation ({@link Throttle} and its kin): where it is found on a
 * {@link SimStack} test class (or a superclass, an enclosing class, a composed annotation) or test method,
 * {@link #value() its declaration} turns it into faults of the test's {@link dev.simstack.fault.FaultPlan}.
 * A test's plan is its classes' faults (outermost and superclasses first) followed by its method's, applied
 * after the stack's reset with random streams seeded from the test's seed; the plan is printed with the seed
 * when the test fails.
 *
 * <p>Users' own fault annotations work the same way: annotate an annotation with
 * {@code @DeclaresFaults(MyFaults.class)}.
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Documented
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.ANNOTATION_TYPE)
public @interface DeclaresFaults {

    /**
     * What turns the annotation into faults; it needs a no-argument constructor.
     *
     * @return the declaration's class
     */
    Class<? extends FaultDeclaration<?>> value();
}
