package dev.simstack.core;

import static org.apiguardian.api.API.Status.EXPERIMENTAL;

import java.util.List;
import org.apiguardian.api.API;

/**
 * Work that follows a {@link Stack#reset()}: the stack's services are empty again and the resources its
 * configuration declares exist; a listener creates what else belongs to a fresh stack, typically by
 * applying resource files again ({@link Stack#apply}).
 */
@API(status = EXPERIMENTAL, since = "0.1")
@FunctionalInterface
public interface ResetListener {

    /**
     * Runs after {@code stack} was reset, on the thread that reset it.
     *
     * @return what it created, which the reset endpoint reports; empty if nothing
     */
    List<AppliedResources> afterReset(Stack stack);
}
