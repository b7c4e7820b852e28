package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;
import org.junit.jupiter.api.extension.ExtendWith;

/**
 * Gives a test class an embedded AWS stack: one per class, started before its first test, closed after
 * its last, and back to its declared state before every test method. Test, lifecycle and constructor
 * parameters (and fields marked {@link Provided @Provided} or qualified) of type {@code Stack}, a resource
 * handle, an SDK client of SQS, DynamoDB, S3, Lambda or API Gateway, {@code S3Presigner}, an
 * {@link ApiUrl @ApiUrl} {@code URI} or a {@link QueueUrl @QueueUrl} {@code String} are injected.
 *
 * <pre>{@code
 * @SimStack(queues = @Queue(name = "orders"), tables = @Table(name = "orders", partitionKey = "id"))
 * class OrdersTest {
 *     @Test
 *     void storesAnOrder(Stack stack, SqsClient sqs, DynamoDbClient dynamo) { ... }
 * }
 * }</pre>
 *
 * <p>The stack is SimStack's embedded engine unless {@link #backend()} (or the run's {@value #BACKEND_PROPERTY})
 * names another: an endpoint, a LocalStack or Floci container, or an AWS account, where the declared queues,
 * tables and buckets are created through the AWS APIs and deleted after the class (docs/backends.md).
 *
 * <p>The annotation is {@code @Inherited} and may sit on a composed annotation of the user's own.
 * {@code @Nested} classes use the enclosing class's stack unless they carry a {@code @SimStack} of their own.
 *
 * <p>On a jqwik container the same annotation works through jqwik's lifecycle hooks (found by jqwik when it is
 * on the class path): one stack per container, shared by its {@code @Group} classes, reset before each try, and
 * injected into property parameters that are not {@code @ForAll}.
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Target({ElementType.TYPE, ElementType.ANNOTATION_TYPE})
@Retention(RetentionPolicy.RUNTIME)
@Documented
@Inherited
@ExtendWith(SimStackExtension.class)
public @interface SimStack {

    /** The value of {@link #seed()} that means "none given": the seed comes from {@value #SEED_PROPERTY} or is fresh. */
    long NO_SEED = Long.MIN_VALUE;

    /** The system property that gives the seed of every stack without one of its own, to replay a run. */
    String SEED_PROPERTY = "simstack.seed";

    /**
     * The system property (or JUnit configuration parameter) that chooses the backend of every class whose
     * {@link #backend()} is {@link Backend#DEFAULT}: {@code embedded}, {@code localstack}, {@code floci},
     * {@code aws} or {@code endpoint}.
     */
    String BACKEND_PROPERTY = "simstack.backend";

    /** The system property (or configuration parameter) that gives the URL of the {@link Backend#ENDPOINT} backend. */
    String ENDPOINT_PROPERTY = "simstack.endpoint";

    /**
     * The system property (or configuration parameter) that must be {@code true} for the {@link Backend#AWS}
     * backend to start, so that nobody bills an account by accident.
     */
    String AWS_ALLOW_PROPERTY = "simstack.aws.allow";

    /**
     * The system property (or configuration parameter) that points the {@link Backend#AWS} backend at another
     * endpoint than AWS's own (a proxy, or a SimStack launcher standing in for AWS in a test of the harness).
     */
    String AWS_ENDPOINT_PROPERTY = "simstack.aws.endpoint";

    /** Queues created at start, dead-letter queues first whatever the order. */
    Queue[] queues() default {};

    /** DynamoDB tables created at start, with their indexes, streams and replicas. */
    Table[] tables() default {};

    /** S3 buckets created at start, with versioning and notifications. */
    Bucket[] buckets() default {};

    /** Lambda functions (Java handlers on the test class path) created at start, with their SQS event sources. */
    Function[] functions() default {};

    /** API Gateway APIs created at start, with their routes and throttles. */
    Api[] apis() default {};

    /** The stack's regions, the default one first; {@code us-east-1} when none is given. */
    String[] regions() default {};

    /** The 12-digit account id; {@code 000000000000} when empty. */
    String account() default "";

    /**
     * The clock: {@code real}, {@code manual}, {@code manual:2026-01-01T00:00:00Z} or {@code scaled:100};
     * real time when empty.
     */
    String clock() default "";

    /** The seed of the stack's random source; when {@link #NO_SEED}, {@value #SEED_PROPERTY} or a fresh one. */
    long seed() default NO_SEED;

    /**
     * A {@link StackDefinition} that adds to (or builds) the configuration the other attributes make; it must
     * not contradict them (the same resource twice, another seed, clock or regions fails fast).
     */
    Class<? extends StackDefinition> definition() default StackDefinition.class;

    /**
     * SAM/CloudFormation templates (or init files) applied at start and after every reset: a class-path
     * resource next to the test class or at the class-path root, else a file relative to the working directory.
     */
    String[] template() default {};

    /** When the stack goes back to its declared state; before each test method by default. */
    Reset reset() default Reset.BEFORE_EACH;

    /** Whether the stack belongs to the class or is shared by every class of the run with the same declaration. */
    Scope scope() default Scope.CLASS;

    /**
     * How the injected SDK clients reach the stack: over its port ({@link Transport#SOCKET}, the
     * default) or in-process ({@link Transport#IN_PROCESS}, no socket; the same answers).
     */
    Transport transport() default Transport.SOCKET;

    /**
     * Where the resources live: {@link Backend#DEFAULT} (the run's choice, {@value #BACKEND_PROPERTY}, else the
     * embedded engine) unless the class pins one; see docs/backends.md for what works on each.
     */
    Backend backend() default Backend.DEFAULT;

    /**
     * The URL of the {@link Backend#ENDPOINT} backend, e.g. {@code http://localhost:4566}; when empty,
     * {@value #ENDPOINT_PROPERTY} gives it. Ignored by the other backends.
     */
    String endpoint() default "";
}
