package dev.simstack.core.internal.engine;

import dev.simstack.core.ResourceRef;

/**
 * One piece of a stack's wiring, as a service holds it: an event source mapping (queue to function), an API
 * route's integration (API to function or queue), a bucket notification (bucket to queue or function), a
 * redrive policy (queue to its dead-letter queue). Reports draw these; nothing else depends on them.
 *
 * @param from the resource the events leave
 * @param to the resource they reach
 * @param label what carries them, e.g. {@code POST /orders} or {@code event source mapping}
 */
public record ResourceLink(ResourceRef from, ResourceRef to, String label) {

    /** The resource an ARN names, or null when it names none SimStack knows (a topic, say). */
    public static ResourceRef refOrNull(String arn) {
        try {
            return arn == null ? null : ResourceRef.fromArn(arn);
        } catch (IllegalArgumentException notOurs) {
            return null;
        }
    }
}
