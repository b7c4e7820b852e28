package dev.simstack.core.internal.arn;

import dev.simstack.core.AwsService;
import dev.simstack.core.ResourceRef;

/**
 * Reads an ARN that arrived in a request parameter (a redrive target, an event source, a destination) where
 * only one service's resources fit. {@link ResourceRef#fromArn(String)} does the reading; this answers null
 * instead of throwing, because each caller answers its own AWS error for an ARN that does not fit.
 */
public final class ResourceArns {

    private ResourceArns() {
    }

    /** The {@code service} resource {@code arn} names, or null if it is no ARN or another service's. */
    public static ResourceRef of(AwsService service, String arn) {
        if (arn == null) {
            return null;
        }
        try {
            ResourceRef ref = ResourceRef.fromArn(arn);
            return ref.service() == service ? ref : null;
        } catch (IllegalArgumentException notAnArn) {
            return null;
        }
    }
}
