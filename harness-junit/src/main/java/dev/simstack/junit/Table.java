package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.ScalarAttributeType;
import dev.simstack.core.StreamViewType;
import java.lang.annotation.Documented;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * A DynamoDB table of {@link SimStack#tables()}, created as CreateTable would create it: on demand unless
 * capacities are given.
 *
 * <pre>{@code
 * @Table(name = "orders", partitionKey = "id", sortKey = "version", sortKeyType = ScalarAttributeType.N,
 *        globalIndexes = @Index(name = "by-customer", partitionKey = "customer"),
 *        stream = StreamViewType.NEW_AND_OLD_IMAGES, replicas = "us-west-2")
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Target({})
@Retention(RetentionPolicy.RUNTIME)
@Documented
public @interface Table {

    /** The table's name. */
    String name();

    /** The partition (hash) key attribute. */
    String partitionKey();

    /** The partition key's type. */
    ScalarAttributeType partitionKeyType() default ScalarAttributeType.S;

    /** The sort (range) key attribute, if any. */
    String sortKey() default "";

    /** The sort key's type. */
    ScalarAttributeType sortKeyType() default ScalarAttributeType.S;

    /** Global secondary indexes. */
    Index[] globalIndexes() default {};

    /** Local secondary indexes (their partition key is the table's). */
    Index[] localIndexes() default {};

    /** The stream's view type; no stream when empty (an array so that it may be left out). */
    StreamViewType[] stream() default {};

    /** The time-to-live attribute, if any. */
    String timeToLive() default "";

    /** Replica regions (a global table, version 2019.11.21); each one of the stack's regions. */
    String[] replicas() default {};

    /** Provisioned read capacity units; with {@link #writeCapacity()}, provisioned mode instead of on demand. */
    int readCapacity() default 0;

    /** Provisioned write capacity units. */
    int writeCapacity() default 0;

    /** The region, when not the stack's default. */
    String region() default "";
}
