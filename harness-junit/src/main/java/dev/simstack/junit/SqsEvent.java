package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/** An SQS event source mapping of a {@link Function}: the queue, in the function's region, that it consumes. */
@API(status = EXPERIMENTAL, since = "0.2")
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface SqsEvent {

    /** The queue's name. */
    String queue();

    /** Records per invocation: 1 to 10 (10,000 with a batching window); Lambda's default is 10. */
    int batchSize() default 10;

    /** {@code MaximumBatchingWindowInSeconds}, 0 to 300. */
    int batchingWindow() default 0;

    /** {@code ScalingConfig.MaximumConcurrency}, 2 to 1,000; no cap when 0. */
    int maximumConcurrency() default 0;

    /** Whether the function may answer {@code batchItemFailures} (partial batch responses). */
    boolean reportBatchItemFailures() default false;

    /** Whether the mapping polls. */
    boolean enabled() default true;
}
