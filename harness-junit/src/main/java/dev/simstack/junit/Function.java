package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * A Lambda function of {@link SimStack#functions()}: a Java handler on the test class path, run in the
 * test's JVM under its timeout and concurrency.
 *
 * <pre>{@code
 * @Function(name = "worker", handler = Worker.class, timeout = 10,
 *           sqsEvents = @SqsEvent(queue = "orders", batchSize = 10, reportBatchItemFailures = true))
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Function {

    /** The function's name. */
    String name();

    /** The handler class: a {@code RequestHandler} or {@code RequestStreamHandler} with a public no-argument constructor. */
    Class<?> handler() default void.class;

    /** Or the handler as the function's {@code Handler} setting says it: {@code package.Class::method}. */
    String handlerMethod() default "";

    /** {@code java11}, {@code java17} or {@code java21}. */
    String runtime() default "java21";

    /** The timeout in seconds, 1 to 900 (AWS's default is 3). */
    int timeout() default 3;

    /** The memory size in MB, 128 to 10,240. */
    int memorySize() default 128;

    /** Environment variables as {@code KEY=value}, read through {@code FunctionEnvironment}. */
    String[] environment() default {};

    /** Reserved concurrency; -1 for the account's unreserved pool. */
    int reservedConcurrency() default -1;

    /** How long a cold start takes on the stack's clock, e.g. {@code 250ms}; none when empty. */
    String coldStartDelay() default "";

    /** SQS event source mappings. */
    SqsEvent[] sqsEvents() default {};

    /** The region, when not the stack's default. */
    String region() default "";
}
