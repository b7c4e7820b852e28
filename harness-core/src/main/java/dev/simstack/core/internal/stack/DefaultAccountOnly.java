package dev.simstack.core.internal.stack;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.AwsException;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Service;
import dev.simstack.core.internal.protocol.ServiceDescriptor;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * A service that the stack serves in its default account only (CloudFormation, whose templates create their
 * resources through the default account's calls): in another account every call is refused with a message
 * that says so, rather than answered by a service of the wrong account.
 */
final class DefaultAccountOnly implements Service {

    private final ServiceDescriptor descriptor;
    private final String accountId;
    private final String defaultAccountId;

    DefaultAccountOnly(ServiceDescriptor descriptor, String accountId, String defaultAccountId) {
        this.descriptor = descriptor;
        this.accountId = accountId;
        this.defaultAccountId = defaultAccountId;
    }

    @Override
    public ServiceDescriptor descriptor() {
        return descriptor;
    }

    @Override
    public CompletionStage<JsonNode> invoke(DecodedCall call) {
        return CompletableFuture.failedFuture(new AwsException("UnsupportedOperation", 400, "SimStack serves "
                + descriptor.signingName() + " in the stack's default account (" + defaultAccountId + ") only, not in"
                + " account " + accountId + ": sign the request with a key of the default account (its id, or any"
                + " key that is not twelve digits)."));
    }

    @Override
    public Runnable reset() {
        return () -> { };
    }

    @Override
    public void close() {
        // no state
    }
}
