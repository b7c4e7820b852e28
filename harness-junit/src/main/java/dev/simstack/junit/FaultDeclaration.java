package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.Stack;
import dev.simstack.fault.FaultPlan;
import java.lang.annotation.Annotation;
import org.apiguardian.api.API;

/**
 * Turns a fault annotation (one marked {@link DeclaresFaults}) into the faults it declares.
 *
 * @param <A> the annotation's type
 */
@API(status = EXPERIMENTAL, since = "0.2")
@FunctionalInterface
public interface FaultDeclaration<A extends Annotation> {

    /**
     * The faults {@code annotation} declares on {@code stack}.
     *
     * @param annotation the annotation as found on the test's class or method
     * @param stack the running stack, whose resources and regions the faults may name
     * @return a plan of the declared faults (its seed, if any, is ignored: the test's seed is used)
     * @throws IllegalArgumentException when the annotation is wrong, saying what to change (the harness reports it
     *     as a misuse naming the annotation and where it is)
     */
    FaultPlan plan(A annotation, Stack stack);
}
