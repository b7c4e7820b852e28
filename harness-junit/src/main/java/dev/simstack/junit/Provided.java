package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Marks a field the stack fills: a client, a handle or {@code Stack} itself. Static fields are filled
 * before {@code @BeforeAll} methods, instance fields before {@code @BeforeEach} methods. Fields carrying
 * {@link Named @Named}, {@link ApiUrl @ApiUrl}, {@link QueueUrl @QueueUrl} or {@link InRegion @InRegion}
 * need no {@code @Provided}.
 *
 * <pre>{@code
 * @Provided SqsClient sqs;
 * @Provided static Stack stack;
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Target({ElementType.PARAMETER, ElementType.FIELD})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Provided {
}
