package dev.simstack.core.internal.engine;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.internal.protocol.ServiceDescriptor;
import java.util.concurrent.CompletionStage;

/**
 * One AWS service of the engine: plain Java over in-memory state, one state per region. It takes a
 * decoded call and answers its output in the shape of the service's JSON protocol, or throws (or fails
 * the stage with) an {@link dev.simstack.core.AwsException}. It knows nothing of HTTP.
 */
public interface Service extends AutoCloseable {

    /** How the engine finds the service and encodes its answers. */
    ServiceDescriptor descriptor();

    /** Runs the call's operation. Unknown operations fail with the error the protocol uses for them. */
    CompletionStage<JsonNode> invoke(DecodedCall call);

    /**
     * Whether {@code operation} may work for long in its synchronous part (S3's copies of large objects), so that
     * the engine runs it on a worker thread of the stack instead of the event loop that read the request, where it
     * would hold up every other connection of that loop. Most calls take microseconds and answer where they were
     * read: a hand-off would cost more than it saves.
     */
    default boolean worksLong(String operation) {
        return false;
    }

    /**
     * The region an unsigned call acts in when its input names a resource of one region (an API invocation:
     * the API's), so that the ledger, fault rules and region outages see that region rather than the stack's
     * default; null when the input says none.
     */
    default String regionOfUnsignedCall(String operation, JsonNode input) {
        return null;
    }

    /**
     * The name of the resource a call addresses when no input member names it (DynamoDB's PartiQL operations
     * name their table inside the statement), so that fault rules and the ledger see it; null when the input
     * says none. Only asked when {@link DecodedCall#resource()} finds no member naming one.
     */
    default String resourceNameOf(String operation, JsonNode input) {
        return null;
    }

    /**
     * Empties the service in every region, as if the stack had just started: its resources and their
     * contents go, waiters are answered as when a resource is deleted, and work it started in the background
     * (timers, pollers, invocations) stops or has its results dropped. The engine calls it under the write
     * side of its {@link ResetGate}, so no call of this service is in progress. Configuration that is not
     * state (limits, delays, lag) stays.
     *
     * @return what frees the resources the emptied state held (files), which the engine runs once calls
     *     may proceed again, before the reset returns; a no-op if there are none
     */
    Runnable reset();

    /** Releases timers and waiters; the stack is stopping. */
    @Override
    void close();
}
