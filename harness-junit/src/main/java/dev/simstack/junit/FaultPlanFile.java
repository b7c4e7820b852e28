package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.junit.internal.faults.PlanFileFaults;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Applies the fault plan in a YAML file (the format of {@code FaultPlan.parse}: wire rules and semantic faults),
 * found as {@code @SimStack(template = ...)} finds templates: a class-path resource next to the class the
 * annotation is on, then at the class-path root, then a file relative to the working directory. The test's seed
 * drives the plan's draws, unless the file gives a {@code seed} of its own.
 *
 * <pre>{@code
 * @FaultPlanFile("faults.yaml")
 * }</pre>
 *
 * <p>On a class (every test) or a method (that test), repeatable, usable in composed annotations.
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(FaultPlanFile.List.class)
@DeclaresFaults(PlanFileFaults.class)
public @interface FaultPlanFile {

    /**
     * The plan file: a class-path resource name (relative to the class's package, or from the root with a leading
     * {@code /}) or a path.
     *
     * @return the file
     */
    String value();

    /** Holds repeated {@link FaultPlanFile}s. */
    @API(status = EXPERIMENTAL, since = "0.2")
    @Documented
    @Inherited
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @interface List {

        /**
         * The plan files.
         *
         * @return them
         */
        FaultPlanFile[] value();
    }
}
