package dev.simstack.junit.internal.faults;

import dev.simstack.core.Stack;
import dev.simstack.fault.FaultPlan;
import dev.simstack.junit.FaultDeclaration;
import java.lang.annotation.Annotation;

/**
 * A declaration that reads something next to the class the annotation is on (a plan file, found as templates
 * are): {@link FaultAnnotations} hands it that class.
 */
interface DeclarationInClass<A extends Annotation> extends FaultDeclaration<A> {

    /** The faults {@code annotation}, found on {@code declaringClass} or one of its methods, declares. */
    FaultPlan plan(A annotation, Stack stack, Class<?> declaringClass);

    @Override
    default FaultPlan plan(A annotation, Stack stack) {
        throw new UnsupportedOperationException("this declaration needs the class it is declared in");
    }
}
