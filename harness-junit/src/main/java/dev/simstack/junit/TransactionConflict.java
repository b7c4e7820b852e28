package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.junit.internal.faults.DataFaults;
import java.lang.annotation.Documented;
import java.lang.annotation.ElementType;
import java.lang.annotation.Inherited;
import java.lang.annotation.Repeatable;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;
import org.apiguardian.api.API;

/**
 * Writes that meet another transaction on their item: a {@code TransactWriteItems} on a matching item is cancelled
 * with {@code TransactionCanceledException}, the item's cancellation reason {@code TransactionConflict} and the
 * others' {@code None}, and nothing is written; with {@link #itemWrites()}, a PutItem, UpdateItem or DeleteItem on it
 * answers {@code TransactionConflictException}. The SDK retries neither; the app does.
 *
 * <pre>{@code
 * @TransactionConflict(table = "orders", key = "o-1", times = 1)
 * }</pre>
 *
 * <p>On a class (every test) or a method (that test), repeatable, usable in composed annotations.
 */
@API(status = EXPERIMENTAL, since = "0.2")
@Documented
@Inherited
@Retention(RetentionPolicy.RUNTIME)
@Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
@Repeatable(TransactionConflict.List.class)
@DeclaresFaults(DataFaults.TransactionConflictDeclaration.class)
public @interface TransactionConflict {

    /**
     * The table's name, as declared in {@link SimStack#tables()}.
     *
     * @return the table
     */
    String table();

    /**
     * The partition key's value as text (a number as written, binary as Base64); empty for every item.
     *
     * @return the key
     */
    String key() default "";

    /**
     * Whether single-item writes get {@code TransactionConflictException} too.
     *
     * @return true to refuse item writes
     */
    boolean itemWrites() default false;

    /**
     * The chance that a matching write is picked, in (0, 1], drawn from the test's seed per table.
     *
     * @return the probability
     */
    double probability() default 1;

    /**
     * Only the nth matching write (1-based; a transaction's actions count one each); 0 for any.
     *
     * @return the write's number
     */
    long nth() default 0;

    /**
     * How many writes are picked at most.
     *
     * @return the limit; {@code Long.MAX_VALUE} for none
     */
    long times() default Long.MAX_VALUE;

    /** Holds repeated {@link TransactionConflict}s. */
    @API(status = EXPERIMENTAL, since = "0.2")
    @Documented
    @Inherited
    @Retention(RetentionPolicy.RUNTIME)
    @Target({ElementType.TYPE, ElementType.METHOD, ElementType.ANNOTATION_TYPE})
    @interface List {

        /**
         * The repeated annotations.
         *
         * @return them
         */
        TransactionConflict[] value();
    }
}
