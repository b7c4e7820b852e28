package dev.simstack.junit;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import dev.simstack.core.StackConfig;
import org.apiguardian.api.API;

/**
 * A stack declared in code, for {@link SimStack#definition()}: what annotations cannot say, or one
 * declaration shared by many test classes. Implementations need a public no-argument constructor.
 *
 * <pre>{@code
 * public class ShopStack implements StackDefinition {
 *     public StackConfig define(StackConfig base) {
 *         return base.withQueue(QueueSpec.named("orders")).withTable(TableSpec.named("orders").withPartitionKey("id"));
 *     }
 * }
 * }</pre>
 */
@API(status = EXPERIMENTAL, since = "0.2")
public interface StackDefinition {

    /**
     * The stack's configuration.
     *
     * @param base what the annotation's other attributes declare (regions, clock, seed and resources)
     * @return {@code base} with what this definition adds
     */
    StackConfig define(StackConfig base);
}
