package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.IndexSpec;
import dev.simstack.core.ScalarAttributeType;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/** A secondary index of a {@link Table}: all attributes projected unless said otherwise. */
@API(status = EXPERIMENTAL, since = "0.2")
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Index {

    /** The index's name. */
    String name();

    /** The index's partition key (a local index's must be the table's; it may be left empty). */
    String partitionKey() default "";

    /** The partition key's type. */
    ScalarAttributeType partitionKeyType() default ScalarAttributeType.S;

    /** The index's sort key, if any. */
    String sortKey() default "";

    /** The sort key's type. */
    ScalarAttributeType sortKeyType() default ScalarAttributeType.S;

    /** What the index projects: {@code ALL}, {@code KEYS_ONLY}, or {@code INCLUDE} with {@link #include()}. */
    IndexSpec.ProjectionType projection() default IndexSpec.ProjectionType.ALL;

    /** The non-key attributes an {@code INCLUDE} projection carries. */
    String[] include() default {};
}
