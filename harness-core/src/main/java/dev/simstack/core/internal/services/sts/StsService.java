package dev.simstack.core.internal.services.sts;

import com.fasterxml.jackson.databind.JsonNode;
import dev.simstack.core.internal.engine.DecodedCall;
import dev.simstack.core.internal.engine.Input;
import dev.simstack.core.internal.engine.OperationTable;
import dev.simstack.core.internal.engine.Service;
import dev.simstack.core.internal.engine.StackContext;
import dev.simstack.core.internal.protocol.QueryShapes;
import dev.simstack.core.internal.protocol.ServiceDescriptor;
import dev.simstack.core.internal.services.iam.IamStore;
import dev.simstack.core.internal.services.iam.UniqueIds;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BiFunction;
import java.util.function.Function;

/**
 * AWS STS (API version 2011-06-15) over the Query protocol, the one its service model and the SDKs use:
 * GetCallerIdentity, AssumeRole and GetSessionToken. The credentials it issues are remembered, so
 * GetCallerIdentity signed with them answers the assumed role (and signed with an IAM user's access key, the
 * user); the engine accepts them as it accepts any
 * credentials (signatures are not checked, policies not enforced).
 */
public final class StsService implements Service {

    public static final ServiceDescriptor DESCRIPTOR = new ServiceDescriptor("sts", null, "1.0",
            "com.amazonaws.sts", false, false,
            QueryShapes.builder("https://sts.amazonaws.com/doc/2011-06-15/").build());

    /** The identities of the credentials this stack issued, by access key id. */
    private final Map<String, CallerIdentity> issued = new ConcurrentHashMap<>();
    private final OperationTable<StsOperation> operations = OperationTable.forJsonAndQuery(DESCRIPTOR);

    /**
     * @param roles the IAM role of a name, or null: an assumed role's id and longest session come from it
     * @param users the IAM user of an access key id signing in a region, or null: the caller it stands for
     */
    public StsService(StackContext context, Function<String, IamStore.RoleSummary> roles,
            BiFunction<String, String, IamStore.UserSummary> users) {
        SessionActions sessions = new SessionActions(context, new UniqueIds(context.ids()), roles, users, issued);
        sessions.register(operations);
    }

    /**
     * The account the session credentials {@code accessKeyId} act in (an assumed role's, which may be another
     * account's), or null when this service did not issue them.
     */
    public String accountOf(String accessKeyId) {
        CallerIdentity identity = accessKeyId == null ? null : issued.get(accessKeyId);
        return identity == null ? null : identity.account();
    }

    @Override
    public ServiceDescriptor descriptor() {
        return DESCRIPTOR;
    }

    @Override
    public CompletionStage<JsonNode> invoke(DecodedCall call) {
        return CompletableFuture.completedFuture(operations.handler(call).invoke(call, new Input(call.input())));
    }

    @Override
    public Runnable reset() {
        issued.clear();
        return () -> { };
    }

    @Override
    public void close() {
        // no timers or waiters
    }

    /** One STS operation, answering in the JSON shape the Query codec writes. */
    @FunctionalInterface
    interface StsOperation {
        JsonNode invoke(DecodedCall call, Input input);
    }
}
